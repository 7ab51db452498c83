// Small closed word classes of French (and a little English) the rules
// consult, by piece key (MatchKey: lower case, no diacritics): function
// words, figure labels, adjective endings. Kept in one place so the date,
// number and name rules agree on what "a function word" is.
#ifndef IEVAL_EXTRACTORS_RULES_WORD_CLASSES_H_
#define IEVAL_EXTRACTORS_RULES_WORD_CLASSES_H_

#include <string_view>

#include "ieval/extractors/lexicon/text_view.h"

namespace ieval {

// Articles, prepositions, pronouns, conjunctions and the commonest
// auxiliaries ("de", "l'", "a", "est", "qui", "the").
bool IsFunctionWord(std::string_view key);

// Nouns that label a number rather than count with it ("Image 1",
// "article 5", "n° 3"): such numbers are not QUANTITY.
bool IsLabelWord(std::string_view key);

// Words that introduce a year ("en 2024", "depuis 2022", "in 2024").
bool IsYearPreposition(std::string_view key);

// A lower-case word with a typical French adjective ending ("militaire",
// "centrale", "coréen", "unifiée", "socialiste").
bool LooksLikeAdjective(const Piece& piece);

// A lower-case word that is not a function word ("militaire", "parti").
bool IsLowerWord(const Piece& piece);

// A capitalised word that starts a name (not "Le", "Selon", …).
bool IsNameWord(const Piece& piece);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_WORD_CLASSES_H_
