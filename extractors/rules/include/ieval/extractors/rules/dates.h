// DATE rules: French (and English) calendar expressions over TextView
// pieces, with TIMEX3-like values holding only what the words say:
//   9 novembre 2024 -> 2024-11-09    11 novembre -> XXXX-11-11
//   juin dernier    -> XXXX-06       novembre 2024 -> 2024-11
//   vendredi        -> XXXX-WXX-5    2024 -> 2024    09/11/2024 -> 2024-11-09
// Month and weekday names come from ICU's DateFormatSymbols (CLDR). A
// leading "le"/"en" stays outside the span, a trailing "dernier"/"prochain"
// inside it; "du 9 au 11 novembre" gives two dates.
#ifndef IEVAL_EXTRACTORS_RULES_DATES_H_
#define IEVAL_EXTRACTORS_RULES_DATES_H_

#include <bitset>
#include <string>
#include <unordered_map>
#include <vector>

#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/rules/rule_match.h"

namespace ieval {

class DateLexicon {
 public:
  struct Word {
    int month = 0;    // 1-12, or 0
    int weekday = 0;  // ISO 1 (Monday) - 7, or 0
    bool english = false;
    bool abbreviated = false;  // "nov." : only inside a full date
  };
  // Month and weekday names of French and English from ICU; never fails
  // (ICU ships both locales), but an ICU error leaves the lexicon smaller.
  static DateLexicon FromIcu();
  const Word* Find(const std::string& key) const {
    // Most words of a text are no month or weekday: their first two bytes
    // already say so, without hashing the key.
    if (key.empty() || !starts_[StartOf(key)]) return nullptr;
    auto found = words_.find(key);
    return found == words_.end() ? nullptr : &found->second;
  }
  size_t size() const { return words_.size(); }

 private:
  static size_t StartOf(const std::string& key) {
    const auto first = static_cast<unsigned char>(key[0]);
    return key.size() < 2 ? first
                          : (first << 8 | static_cast<unsigned char>(key[1]));
  }
  std::unordered_map<std::string, Word> words_;
  std::bitset<65536> starts_;  // StartOf of every word
};

// Dates in `view`, in text order, not overlapping each other.
std::vector<RuleMatch> FindDates(const TextView& view,
                                 const DateLexicon& lexicon);

// Whether the 4-digit number at piece `i` reads as a count ("2000 soldats")
// rather than a year: followed by a lower-case plural noun and not after a
// year preposition. Shared with the QUANTITY rules.
bool YearReadsAsCount(const TextView& view, size_t i);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_DATES_H_
