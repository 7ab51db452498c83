#include "ieval/score/value_scorer.h"

#include <algorithm>

namespace ieval {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The canonical decimal form of `s`, or nullopt when `s` is not a number
// ([+-]digits[.digits][(e|E)[+-]digits], at least one digit before the
// exponent). Exact: digits are moved, never converted to floating point.
std::optional<std::string> CanonicalDecimal(const std::string& s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string digits;  // all mantissa digits
  int64_t point = 0;   // digits before the decimal point
  bool seen_point = false;
  for (; i < s.size(); ++i) {
    if (IsDigit(s[i])) {
      digits += s[i];
      if (!seen_point) ++point;
    } else if (s[i] == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      exp_negative = s[i++] == '-';
    // At most three exponent digits: "1e999999999" is no trivial form.
    if (i >= s.size() || s.size() - i > 3) return std::nullopt;
    int64_t exponent = 0;
    for (; i < s.size(); ++i) {
      if (!IsDigit(s[i])) return std::nullopt;
      exponent = exponent * 10 + (s[i] - '0');
    }
    point += exp_negative ? -exponent : exponent;
  }
  if (i != s.size()) return std::nullopt;
  // Pad so the point falls inside the digits, then split and trim.
  if (point < 0) {
    digits.insert(0, static_cast<size_t>(-point), '0');
    point = 0;
  }
  if (point > static_cast<int64_t>(digits.size()))
    digits.append(static_cast<size_t>(point) - digits.size(), '0');
  std::string whole = digits.substr(0, static_cast<size_t>(point));
  std::string fraction = digits.substr(static_cast<size_t>(point));
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  if (whole.empty()) whole = "0";
  fraction.erase(fraction.find_last_not_of('0') + 1);
  std::string out = whole;
  if (!fraction.empty()) out += "." + fraction;
  if (negative && out != "0") out.insert(0, "-");
  return out;
}

}  // namespace

std::string NormaliseValue(const std::string& value) {
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  std::string s =
      value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
  if (auto number = CanonicalDecimal(s)) return *number;
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::map<std::string, ValueCounts> ScoreValues(
    const std::vector<Mention>& gold, const std::vector<Mention>& pred,
    const Alignment& alignment, const std::vector<std::string>& value_types) {
  std::map<std::string, ValueCounts> counts;
  for (const AlignedPair& pair : alignment.pairs) {
    if (!pair.exact || !pair.same_type) continue;
    const Mention& g = gold[static_cast<size_t>(pair.gold)];
    const Mention& p = pred[static_cast<size_t>(pair.pred)];
    if (!g.value || std::find(value_types.begin(), value_types.end(), g.type) ==
                        value_types.end())
      continue;
    ValueCounts& c = counts[g.type];
    ++c.matched;
    if (p.value && NormaliseValue(*p.value) == NormaliseValue(*g.value))
      ++c.correct;
  }
  return counts;
}

}  // namespace ieval
