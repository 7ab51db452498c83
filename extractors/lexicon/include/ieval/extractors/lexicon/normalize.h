// Look-up keys and ids for matching names in text: one normalisation shared
// by the lists (built once) and the document pieces (every call), so "Etats"
// in a headline, "États" in a sentence and "ÉTATS" in a masthead meet in one
// key, and "l’OTAN" and "l'OTAN" agree.
#ifndef IEVAL_EXTRACTORS_LEXICON_NORMALIZE_H_
#define IEVAL_EXTRACTORS_LEXICON_NORMALIZE_H_

#include <string>
#include <string_view>

namespace ieval {

// Case-folded, diacritics removed (é -> e, but œ stays œ), typographic
// apostrophes (’ ‘ ʼ) as ', hyphen variants (U+2010, U+2011) as '-'.
// `utf8` must be valid UTF-8.
std::string MatchKey(std::string_view utf8);

// Only the apostrophe and hyphen variants mapped; case and accents kept
// (the `case_sensitive` comparisons).
std::string ApostropheKey(std::string_view utf8);

// A lower-case ASCII id: letters without diacritics (œ -> oe, ß -> ss),
// digits, and '_' for every run of anything else, trimmed:
// "Côte d’Ivoire" -> "cote_d_ivoire", "Congo - Kinshasa" -> "congo_kinshasa".
std::string Slug(std::string_view utf8);

// First letter (skipping nothing) is upper or title case.
bool StartsUpper(std::string_view utf8);
// Has at least two letters and no lower-case letter ("OTAN", "R.A.S").
bool IsAllCaps(std::string_view utf8);
// Has a lower-case letter.
bool HasLower(std::string_view utf8);
// Has at least one letter and every letter is lower case.
bool IsAllLower(std::string_view utf8);
// Only ASCII digits (and at least one).
bool IsDigits(std::string_view utf8);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_LEXICON_NORMALIZE_H_
