// Checks of the gold corpus that `ieval validate` does not make, because they
// are about how the five articles were annotated rather than about the file
// format: completeness (an annotated name is annotated wherever it occurs),
// span edges the spec excludes, and the forms of ids and values. Kept apart
// from gold_test.cc so they can be tested on small hand-made documents
// (gold_checks_test.cc) as well as run on the real gold.
#ifndef IEVAL_TESTS_GOLD_GOLD_CHECKS_H_
#define IEVAL_TESTS_GOLD_GOLD_CHECKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/types.h"

namespace ieval::gold {

// `text` as code points, so that mention offsets index it directly.
// REQUIRES: valid UTF-8.
std::u32string ToCodepoints(std::string_view utf8);
std::string ToUtf8(std::u32string_view codepoints);

// One exception to the completeness rule, named in gold/GUIDELINES.md by a
// line of the form  exception: "<surface>" — <reason>  (at the start of the
// line; em dash, en dash or "--" before the reason).
struct CompletenessException {
  std::string surface;
  std::string reason;
};

// The exception lines of a GUIDELINES.md text. A line that starts with
// "exception:" but is not of that form is appended to `malformed`, so a typo
// cannot silently drop an exception.
std::vector<CompletenessException> ParseExceptions(
    std::string_view guidelines, std::vector<std::string>* malformed);

// A whole-word occurrence of an annotated surface that no mention covers.
struct MissedOccurrence {
  std::string doc_id;
  std::string surface;
  int64_t start = 0;  // code points
  std::string ToString() const;
};

// Every whole-word occurrence, in any document of `corpus`, of a string that
// is the text of some mention anywhere in the corpus, which is neither a
// mention itself nor inside a longer mention. An occurrence inside a longer
// mention is fine: the gold is flat and the longest name wins ("Russie" in
// "Conseil de la Fédération de Russie"). Matching is case-sensitive; a word
// boundary is a code point that is not a letter or digit on either side.
std::vector<MissedOccurrence> FindUnannotatedOccurrences(const Corpus& corpus);

// True when `c` may not be the first or last code point of a span: white
// space, punctuation, symbols, separators and controls (Unicode general
// categories Z*, P*, S*, C*).
bool IsExcludedSpanEdge(char32_t c);

// A canonical entity id: lower-case ASCII words joined by '_' ("kim_jong_un").
bool IsEntitySlug(const std::string& id);
// A TIMEX3-like date value: YYYY, YYYY-MM or YYYY-MM-DD with X for unknown
// digits ("2024", "XXXX-06", "2024-11-09"), or a weekday ("XXXX-WXX-5").
bool IsTimexDate(const std::string& value);
// A plain decimal number ("11000", "3765", "2.5").
bool IsPlainDecimal(const std::string& value);

}  // namespace ieval::gold

#endif  // IEVAL_TESTS_GOLD_GOLD_CHECKS_H_
