// Turning a corpus that annotates every mention (LitBank and fr-litbank
// mark "la marquise", "Vous", "nos environs" as PER/LOC) into names only, as
// ieval's gold is: a mention is kept when it contains a name word, and is cut
// down to its names ("l’abbé Sérapion" -> "Sérapion", "Mlle de Hautefort" ->
// "Hautefort", "Louis XIII" stays whole).
//
// A name word is a token starting with a capital whose lower-cased form
// never occurs in the document starting with a small letter, and that is not
// a title (M, Mme, Mlle, Mgr, Monsieur…): "Vous",
// "Monsieur", "Mon" (sentence-initial) occur as "vous", "monsieur", "mon"
// elsewhere; "Sarrasine", "Paris" do not. A heuristic, not a field of the
// data: names that are also common words ("Douce") are lost.
#ifndef IEVAL_EXTRACTORS_TAGGER_NAMES_ONLY_H_
#define IEVAL_EXTRACTORS_TAGGER_NAMES_ONLY_H_

#include <cstdint>

#include "ieval/core/types.h"
#include "ieval/text/segmenter.h"

namespace ieval::tagger {

struct NamesOnlyStats {
  int64_t kept = 0;     // mentions kept (perhaps shortened)
  int64_t trimmed = 0;  // of those, shortened to their names
  int64_t dropped = 0;  // mentions without a name word
};

// REQUIRES: doc carries its text; offsets are code points.
AnnotatedDocument NamesOnly(const AnnotatedDocument& doc, Segmenter& segmenter,
                            NamesOnlyStats* stats);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_NAMES_ONLY_H_
