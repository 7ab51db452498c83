// Token labels of the tagger: BIO (O, B-X, I-X) or BILOU (also L-X for the
// last token and U-X for a one-token entity). Spans become labels for
// training and labels become spans after decoding; the transitions no valid
// sequence takes (O -> I-X, B-PER -> I-LOC, …) are forbidden in Viterbi, so
// decoded labels always spell whole entities.
#ifndef IEVAL_EXTRACTORS_TAGGER_LABEL_SCHEME_H_
#define IEVAL_EXTRACTORS_TAGGER_LABEL_SCHEME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ieval::tagger {

// Values are stored in model files.
enum class LabelScheme : uint8_t { kBio = 1, kBilou = 2 };

std::optional<LabelScheme> ParseLabelScheme(const std::string& name);
const char* LabelSchemeName(LabelScheme scheme);  // "bio", "bilou"

// Label 0 is O; then per type k, BIO: B = 1 + 2k, I = 2 + 2k; BILOU:
// B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
int NumLabels(LabelScheme scheme, int num_types);
// "O", "B-PER", … for messages and tests.
std::string LabelName(LabelScheme scheme, const std::vector<std::string>& types,
                      int label);

// Entity over tokens [begin, end) of type index `type`.
struct TokenSpan {
  int begin = 0;
  int end = 0;
  int type = 0;
  friend bool operator==(const TokenSpan&, const TokenSpan&) = default;
};

// REQUIRES: spans are disjoint and inside [0, length).
std::vector<int> SpansToLabels(LabelScheme scheme, int length,
                               const std::vector<TokenSpan>& spans);
// Reads any label sequence; ill-formed pieces (an I-X without a B-X) are
// read leniently as conlleval does, but Viterbi never produces them.
std::vector<TokenSpan> LabelsToSpans(LabelScheme scheme,
                                     const std::vector<int>& labels);

// Allowed moves: allowed[from * L + to], allowed_start[to],
// allowed_end[from] (1 = allowed).
struct Constraints {
  std::vector<uint8_t> transition;
  std::vector<uint8_t> start;
  std::vector<uint8_t> end;
};
Constraints MakeConstraints(LabelScheme scheme, int num_types);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_LABEL_SCHEME_H_
