// QUANTITY rules: amounts written in digits, and spelled-out amounts of 10
// or more, with the value as a plain decimal string:
//   11 000, 11 000 (NBSP), 11 000 (U+202F), 11'000, 11.000 -> 11000
//   3,5 -> 3.5    3,5 millions -> 3500000    onze mille -> 11000
// Spelled-out numbers are parsed with ICU's RuleBasedNumberFormat (French
// spell-out rules), whose words also decide what counts as a number word.
// Not quantities: numbers inside a date (the DATE rules run first), figure
// labels ("Image 1", "article 5"), clock times ("14 h 30"), ordinals
// ("2e"), codes glued to a word ("COVID-19", "G20").
#ifndef IEVAL_EXTRACTORS_RULES_NUMBERS_H_
#define IEVAL_EXTRACTORS_RULES_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/rules/rule_match.h"

namespace ieval {

class NumberLexicon {
 public:
  // The words of French spelled-out numbers, from ICU's spell-out rules.
  static NumberLexicon FromIcu();
  bool IsNumberWord(const std::string& key) const {
    return words_.count(key) > 0;
  }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// The value of a number written in digits with optional thousands
// separators (space-free: ' ’ . ,) and decimal comma or point, as a plain
// decimal ("11'000" -> "11000", "3,5" -> "3.5", "1.234,5" -> "1234.5");
// nullopt when it is not one number.
std::optional<std::string> DigitValue(std::string_view text);

// `value` (a plain decimal) times 10^exponent, as a plain decimal.
std::string ShiftDecimal(const std::string& value, int exponent);

// A French spelled-out number ("onze mille", "vingt et un"), or nullopt
// when ICU's spell-out rules do not read all of `text`. Thread-safe.
std::optional<int64_t> ParseSpelledOut(const std::string& text);

// Quantities among the pieces `coverage` leaves free, in text order.
std::vector<RuleMatch> FindQuantities(const TextView& view,
                                      const NumberLexicon& lexicon,
                                      const Coverage& coverage);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RULES_NUMBERS_H_
