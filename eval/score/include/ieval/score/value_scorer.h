// Normalised values of DATE and QUANTITY mentions (ANNOTATION_SPEC.md:
// TIMEX3-like dates such as "XXXX-11-11", plain decimal quantities such as
// "11000"): of the mentions matched strictly (same span and type), the share
// whose predicted value equals the gold value.
#ifndef IEVAL_SCORE_VALUE_SCORER_H_
#define IEVAL_SCORE_VALUE_SCORER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/score/alignment.h"

namespace ieval {

// Strictly matched mentions whose gold carries a value, and how many of
// them the prediction got right. accuracy = correct / matched (0 when
// nothing was matched).
struct ValueCounts {
  int64_t matched = 0;
  int64_t correct = 0;
  ValueCounts& operator+=(const ValueCounts& o) {
    matched += o.matched;
    correct += o.correct;
    return *this;
  }
  friend bool operator==(const ValueCounts&, const ValueCounts&) = default;
};

inline double Accuracy(const ValueCounts& c) {
  return c.matched > 0
             ? static_cast<double>(c.correct) / static_cast<double>(c.matched)
             : 0.0;
}

// The form values are compared in: surrounding white space removed, ASCII
// letters upper-cased ("xxxx-06" = "XXXX-06"), and a decimal number written
// canonically: no "+", no leading zeros, no trailing fractional zeros, no
// exponent ("11000" = "11000.0" = "011000" = "1.1e4" = "+11000";
// "-0" = "0"). Anything else is compared as it is.
std::string NormaliseValue(const std::string& value);

// Per gold type in `value_types`: the pairs of `alignment` with the same
// span and type, whose gold mention has a value. A prediction without a
// value counts as wrong.
std::map<std::string, ValueCounts> ScoreValues(
    const std::vector<Mention>& gold, const std::vector<Mention>& pred,
    const Alignment& alignment, const std::vector<std::string>& value_types);

}  // namespace ieval

#endif  // IEVAL_SCORE_VALUE_SCORER_H_
