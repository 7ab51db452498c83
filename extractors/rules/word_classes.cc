#include "word_classes.h"

#include <algorithm>
#include <iterator>

#include "ieval/extractors/lexicon/normalize.h"

namespace ieval {
namespace {

template <size_t N>
bool In(const std::string_view (&words)[N], std::string_view key) {
  return std::find(std::begin(words), std::end(words), key) != std::end(words);
}

constexpr std::string_view kFunctionWords[] = {
    "de",     "du",      "des",   "d'",    "la",       "le",     "les",
    "l'",     "un",      "une",   "et",    "ou",       "a",      "au",
    "aux",    "en",      "dans",  "par",   "pour",     "sur",    "sous",
    "avec",   "sans",    "entre", "vers",  "chez",     "contre", "selon",
    "depuis", "pendant", "apres", "avant", "est",      "sont",   "etait",
    "ont",    "avait",   "sera",  "qui",   "que",      "qu'",    "dont",
    "ce",     "cet",     "cette", "ces",   "c'",       "son",    "sa",
    "ses",    "leur",    "leurs", "il",    "elle",     "ils",    "elles",
    "on",     "se",      "s'",    "ne",    "n'",       "pas",    "plus",
    "y",      "mais",    "donc",  "car",   "si",       "tout",   "tous",
    "toute",  "toutes",  "aussi", "deja",  "encore",   "tres",   "lors",
    "the",    "of",      "and",   "in",    "on",       "at",     "to",
    "for",    "by",      "with",  "from",  "is",       "was",    "are",
    "an",     "as",      "ainsi", "alors", "notamment"};

constexpr std::string_view kLabelWords[] = {
    "image",  "images",     "photo",   "photos",  "figure",   "fig",
    "video",  "tableau",    "carte",   "article", "articles", "chapitre",
    "page",   "pages",      "n°",      "no",      "numero",   "paragraphe",
    "annexe", "section",    "episode", "saison",  "tome",     "volume",
    "alinea", "resolution", "point",   "version", "partie",   "vol"};

constexpr std::string_view kYearPrepositions[] = {
    "en",    "depuis", "des",  "avant", "apres", "jusqu'", "fin",
    "debut", "mi",     "l'an", "in",    "since", "by",     "annee"};

// Adjective endings, on the key (no diacritics); participles in -é are
// checked on the text.
constexpr std::string_view kAdjectiveEndings[] = {
    "al",   "ale",   "ales",  "aux",   "el",    "elle",   "els",   "elles",
    "ique", "iques", "ien",   "ienne", "iens",  "iennes", "een",   "eenne",
    "eens", "ais",   "aise",  "aises", "ois",   "oise",   "oises", "ain",
    "aine", "ains",  "aines", "aire",  "aires", "if",     "ive",   "ifs",
    "ives", "iste",  "istes", "ieur",  "ieure", "eme",    "ier",   "iere"};

}  // namespace

bool IsFunctionWord(std::string_view key) { return In(kFunctionWords, key); }
bool IsLabelWord(std::string_view key) { return In(kLabelWords, key); }
bool IsYearPreposition(std::string_view key) {
  return In(kYearPrepositions, key);
}

bool LooksLikeAdjective(const Piece& piece) {
  if (!piece.is_word || piece.is_number || !IsAllLower(piece.text) ||
      piece.key.size() < 4 || IsFunctionWord(piece.key)) {
    return false;
  }
  for (std::string_view ending : kAdjectiveEndings) {
    if (piece.key.ends_with(ending)) return true;
  }
  // Past participles: "unifié", "armées" (é is two bytes in UTF-8).
  for (std::string_view ending : {"\xC3\xA9",
                                  "\xC3\xA9"
                                  "e",
                                  "\xC3\xA9"
                                  "s",
                                  "\xC3\xA9"
                                  "es"}) {
    if (piece.text.ends_with(ending)) return true;
  }
  return piece.key == "unie" || piece.key == "unies" || piece.key == "uni" ||
         piece.key == "unis";
}

bool IsLowerWord(const Piece& piece) {
  return piece.is_word && !piece.is_number && IsAllLower(piece.text) &&
         !IsFunctionWord(piece.key);
}

bool IsNameWord(const Piece& piece) {
  return piece.is_word && !piece.is_number && StartsUpper(piece.text) &&
         !IsFunctionWord(piece.key);
}

}  // namespace ieval
