// Feature extraction for the tagger: each token of a sequence gets ~25
// string features (its lower-cased form, shape, affixes, capitalisation at
// sentence start, neighbours' words and shapes, dictionary marks), each
// hashed straight to a row of the weight table. Hashing ("the hashing
// trick") means no feature dictionary to store: the model is the table, and
// its size is fixed by `hash_bits` whatever the training corpus.
//
// Changing any feature or the hash changes what every stored weight means:
// bump kFeatureVersion, which models record and the loader checks.
#ifndef IEVAL_EXTRACTORS_TAGGER_FEATURES_H_
#define IEVAL_EXTRACTORS_TAGGER_FEATURES_H_

#include <cstdint>
#include <vector>

#include <string>
#include <string_view>
#include <unordered_set>

#include "ieval/extractors/tagger/dictionary.h"
#include "ieval/extractors/tagger/tokens.h"
#include "ieval/text/segmenter.h"

namespace ieval::tagger {

inline constexpr uint32_t kFeatureVersion = 1;

// The rows of one sequence: token t's features are
// ids[offsets[t] .. offsets[t + 1]), each < 2^hash_bits.
struct SequenceFeatures {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> offsets;  // tokens + 1 entries
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// What the whole document says about a word: the word forms that occur
// starting with a small letter somewhere in it. A capitalised "Vous" or
// "Monsieur" whose lower-case form occurs elsewhere is likely a common word
// at a sentence start; "Poutine" never written "poutine" is likely a name.
struct DocumentContext {
  std::unordered_set<std::string> lower_forms;
};
DocumentContext MakeDocumentContext(const std::vector<Token>& tokens);

// Features of tokens [begin, end) of `tokens`. `flags` holds one
// TokenFlags per token of the range (empty: no dictionary).
// REQUIRES: 1 <= hash_bits <= 30.
void ExtractFeatures(const std::vector<Token>& tokens, size_t begin, size_t end,
                     const std::vector<TokenFlags>& flags,
                     const DocumentContext& context, int hash_bits,
                     SequenceFeatures* out);

// A whole text: its tokens and the features of each of its sequences, the
// one path from text to features that training and tagging share.
struct FeaturizedText {
  TokenizedText tokenized;
  std::vector<SequenceFeatures> sequences;
};
// `dictionary` may be null.
FeaturizedText Featurize(Segmenter& segmenter,
                         const TokenDictionary* dictionary, int hash_bits,
                         std::string_view utf8);

// Exposed for tests: "Xxxx" for "Paris", "XX-d" for "AB-12"; runs of one
// character class longer than 3 are cut to 3 ("Xxxx" for "Pyongyang").
std::string WordShape(std::string_view utf8);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_FEATURES_H_
