// The tagger's view of a text: the shared ICU words of
// eval/text/include/ieval/text/segmenter.h, with French elisions split off (ICU
// keeps "l’Europe" and "d'Alger" whole; the name is only "Europe", "Alger"),
// cut into sequences at line breaks. Sequences, not ICU sentences, are what the
// tagger decodes: ICU ends a sentence after "M." in "M. Lavrov", which would
// cut a name from its best clue.
#ifndef IEVAL_EXTRACTORS_TAGGER_TOKENS_H_
#define IEVAL_EXTRACTORS_TAGGER_TOKENS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "ieval/text/segmenter.h"

namespace ieval::tagger {

struct TokenizedText {
  std::vector<Token> tokens;  // code-point offsets, in text order
  // Sequence k is tokens [sequence_starts[k], sequence_starts[k + 1]); the
  // last entry is tokens.size(). Lines without tokens give no sequence.
  std::vector<size_t> sequence_starts;

  size_t sequences() const {
    return sequence_starts.empty() ? 0 : sequence_starts.size() - 1;
  }
};

// `segmenter` is used, not shared: callers keep one per thread.
TokenizedText Tokenize(Segmenter& segmenter, std::string_view utf8);

// Splits an elided article or pronoun off a word: "l’Europe" -> "l’" +
// "Europe", "qu'il" -> "qu'" + "il", "jusqu’à" -> "jusqu’" + "à"; with
// ' (U+0027) or ’ (U+2019). "aujourd'hui" and "prud’homme" stay whole.
// Appends the pieces (or the token itself) to `out`.
void SplitElision(const Token& token, std::vector<Token>* out);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TOKENS_H_
