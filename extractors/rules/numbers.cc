#include "ieval/extractors/rules/numbers.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/rbnf.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "ieval/extractors/lexicon/normalize.h"
#include "word_classes.h"

namespace ieval {
namespace {

// ICU formats are not safe to share between threads: one per thread.
icu::RuleBasedNumberFormat* ThreadSpellout() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format;
  if (format == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    format = std::make_unique<icu::RuleBasedNumberFormat>(
        icu::URBNF_SPELLOUT, icu::Locale("fr"), status);
    if (U_FAILURE(status)) format.reset();
  }
  return format.get();
}

std::string Canonical(std::string integer, std::string fraction) {
  const size_t first = integer.find_first_not_of('0');
  integer = first == std::string::npos ? "0" : integer.substr(first);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + "." + fraction;
}

// "000"-style digit groups of three.
bool ThreeDigitGroups(const std::string& s, char separator) {
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t at = s.find(separator, start);
    const std::string group = s.substr(
        start, at == std::string::npos ? std::string::npos : at - start);
    if (!IsDigits(group)) return false;
    if (first ? group.size() > 3 : group.size() != 3) return false;
    if (at == std::string::npos) return true;
    first = false;
    start = at + 1;
  }
}

// Separators ICU keeps inside one number piece besides , . ': ’, and the
// narrow no-break space U+202F ("11 000" is one ICU word).
constexpr std::string_view kInnerSeparators[] = {"\xE2\x80\x99",
                                                 "\xE2\x80\xAF"};

bool IsDigitText(std::string_view t) {
  if (t.empty() || t.front() < '0' || t.front() > '9' || t.back() < '0' ||
      t.back() > '9') {
    return false;
  }
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '\'') continue;
    bool separator = false;
    for (std::string_view s : kInnerSeparators) {
      if (t.substr(i).starts_with(s)) {
        i += s.size() - 1;
        separator = true;
        break;
      }
    }
    if (!separator) return false;
  }
  return true;
}

// White space that may separate thousands groups: one space, NBSP, narrow
// NBSP or thin space.
bool IsGroupGap(const TextView& view, const Piece& left, const Piece& right) {
  if (right.start != left.end + 1) return false;
  const char32_t c = view.At(left.end);
  return c == U' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

int MultiplierExponent(const std::string& key) {
  if (key == "mille") return 3;
  if (key == "million" || key == "millions") return 6;
  if (key == "milliard" || key == "milliards") return 9;
  return 0;
}

}  // namespace

NumberLexicon NumberLexicon::FromIcu() {
  NumberLexicon lexicon;
  icu::RuleBasedNumberFormat* format = ThreadSpellout();
  if (format == nullptr) return lexicon;
  std::vector<int64_t> samples;
  for (int64_t n = 0; n <= 100; ++n) samples.push_back(n);
  for (int64_t n :
       {200, 300, 1000, 2000, 1000000, 2000000, 1000000000, 2000000000}) {
    samples.push_back(n);
  }
  for (int64_t n : samples) {
    icu::UnicodeString spelled;
    format->format(n, spelled);
    std::string utf8;
    spelled.toUTF8String(utf8);
    std::string word;
    for (char c : utf8 + " ") {
      if (c == ' ' || c == '-') {
        if (!word.empty() && word != "et")
          lexicon.words_.insert(MatchKey(word));
        word.clear();
      } else {
        word.push_back(c);
      }
    }
  }
  return lexicon;
}

std::optional<std::string> DigitValue(std::string_view text) {
  // Apostrophes and narrow spaces only ever group thousands: drop them
  // (ThreeDigitGroups below does not check their groups; they are rare
  // enough in other uses not to matter).
  std::string s;
  for (size_t i = 0; i < text.size(); ++i) {
    bool separator = text[i] == '\'';
    for (std::string_view sep : kInnerSeparators) {
      if (text.substr(i).starts_with(sep)) {
        i += sep.size() - 1;
        separator = true;
      }
    }
    if (!separator) s.push_back(text[i]);
  }
  if (!IsDigitText(s)) return std::nullopt;
  const size_t commas = std::count(s.begin(), s.end(), ',');
  const size_t dots = std::count(s.begin(), s.end(), '.');
  char decimal = 0;
  char thousands = 0;
  if (commas > 0 && dots > 0) {
    decimal = s.find_last_of(",.") == s.rfind(',') ? ',' : '.';
    thousands = decimal == ',' ? '.' : ',';
  } else if (commas == 1) {
    decimal = ',';
  } else if (commas > 1) {
    thousands = ',';
  } else if (dots == 1) {
    // French writes "11.000" for eleven thousand; "3.5" is a decimal.
    if (ThreeDigitGroups(s, '.')) {
      thousands = '.';
    } else {
      decimal = '.';
    }
  } else if (dots > 1) {
    thousands = '.';
  }
  std::string integer = s;
  std::string fraction;
  if (decimal != 0) {
    const size_t at = s.rfind(decimal);
    integer = s.substr(0, at);
    fraction = s.substr(at + 1);
    if (fraction.find_first_of(",.") != std::string::npos) return std::nullopt;
  }
  if (thousands != 0) {
    if (!ThreeDigitGroups(integer, thousands)) return std::nullopt;
    std::erase(integer, thousands);
  }
  if (!IsDigits(integer) || (decimal != 0 && !IsDigits(fraction))) {
    return std::nullopt;
  }
  return Canonical(integer, fraction);
}

std::string ShiftDecimal(const std::string& value, int exponent) {
  const size_t dot = value.find('.');
  std::string digits = value;
  size_t point = value.size();
  if (dot != std::string::npos) {
    digits = value.substr(0, dot) + value.substr(dot + 1);
    point = dot;
  }
  point += static_cast<size_t>(exponent);
  if (digits.size() < point) digits.append(point - digits.size(), '0');
  return Canonical(digits.substr(0, point), digits.substr(point));
}

namespace {

std::optional<int64_t> ParseWithIcu(const std::string& text) {
  icu::RuleBasedNumberFormat* format = ThreadSpellout();
  if (format == nullptr) return std::nullopt;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::Formattable result;
  icu::ParsePosition position(0);
  format->parse(u, result, position);
  if (position.getIndex() != u.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const double value = result.getDouble(status);
  if (U_FAILURE(status) ||
      value != static_cast<double>(static_cast<int64_t>(value))) {
    return std::nullopt;
  }
  return static_cast<int64_t>(value);
}

}  // namespace

std::optional<int64_t> ParseSpelledOut(const std::string& text) {
  // French text repeats a few number words ("un", "deux", "cent") all the
  // time, and an ICU parse costs as much as segmenting a sentence: the
  // answers are remembered (per thread, as ThreadSpellout is), exactly.
  thread_local std::unordered_map<std::string, std::optional<int64_t>> seen;
  if (auto it = seen.find(text); it != seen.end()) return it->second;
  const std::optional<int64_t> value = ParseWithIcu(text);
  if (seen.size() >= 4096) seen.clear();  // bounded: text varies without end
  seen.emplace(text, value);
  return value;
}

std::vector<RuleMatch> FindQuantities(const TextView& view,
                                      const NumberLexicon& lexicon,
                                      const Coverage& coverage) {
  const auto& p = view.pieces();
  std::vector<RuleMatch> out;
  auto free = [&](size_t k) { return k < p.size() && !coverage.Taken(k); };
  for (size_t i = 0; i < p.size(); ++i) {
    if (!free(i) || !p[i].is_word) continue;
    const bool after_label = i > 0 && IsLabelWord(p[i - 1].key);
    if (IsDigitText(p[i].text)) {
      // "COVID-19", "MiG-29": a number glued by a hyphen to a word.
      const bool glued = i >= 2 && p[i - 1].text == "-" && !p[i].space_before &&
                         !p[i - 1].space_before && p[i - 2].is_word;
      // "14 h 30", "14:30".
      const bool clock =
          (i + 1 < p.size() && (p[i + 1].key == "h" || p[i + 1].text == ":")) ||
          (i >= 2 && (p[i - 1].key == "h" || p[i - 1].text == ":") &&
           IsDigits(p[i - 2].text));
      if (after_label || glued || clock) continue;
      size_t end = i + 1;
      std::string digits(p[i].text);
      // Thousands groups across a space: "11 000", "1 234 567,5".
      if (IsDigits(p[i].text) && p[i].text.size() <= 3) {
        while (free(end) && IsGroupGap(view, p[end - 1], p[end]) &&
               p[end].text.size() >= 3 && IsDigits(p[end].text.substr(0, 3)) &&
               (p[end].text.size() == 3 || p[end].text[3] == ',')) {
          digits += p[end].text;
          ++end;
          if (p[end - 1].text.size() > 3) break;  // a decimal part ends it
        }
      }
      auto value = DigitValue(digits);
      if (!value) continue;
      if (free(end) && p[end].space_before &&
          MultiplierExponent(p[end].key) > 0 && IsAllLower(p[end].text)) {
        *value = ShiftDecimal(*value, MultiplierExponent(p[end].key));
        ++end;
      }
      out.push_back({i, end, "QUANTITY", std::nullopt, *value});
      i = end - 1;
      continue;
    }
    if (!lexicon.IsNumberWord(p[i].key)) continue;
    // A run of number words: "onze mille", "vingt et un", "soixante-dix".
    size_t end = i;
    while (free(end)) {
      if (p[end].is_word && lexicon.IsNumberWord(p[end].key)) {
        ++end;
      } else if (end > i && p[end].text == "-" && !p[end].space_before &&
                 free(end + 1) && !p[end + 1].space_before &&
                 lexicon.IsNumberWord(p[end + 1].key)) {
        end += 2;
      } else if (end > i && p[end].key == "et" && free(end + 1) &&
                 (p[end + 1].key == "un" || p[end + 1].key == "onze")) {
        end += 2;
      } else {
        break;
      }
    }
    const bool percent = i > 0 && p[i - 1].key == "pour" &&
                         (p[i].key == "cent" || p[i].key == "cents");
    // The longest prefix of the run that ICU reads whole.
    for (size_t stop = end; stop > i && !percent && !after_label; --stop) {
      std::string spelled;
      for (size_t k = i; k < stop; ++k) {
        // ICU spells 21 "vingt-et-un": "vingt et un" is read the same.
        if (p[k].key == "et") {
          spelled += "-et-";
          continue;
        }
        if (k > i && p[k].space_before && p[k - 1].key != "et") {
          spelled.push_back(' ');
        }
        spelled += p[k].key;
      }
      const auto value = ParseSpelledOut(spelled);
      if (!value) continue;
      if (*value >= 10) {
        out.push_back(
            {i, stop, "QUANTITY", std::nullopt, std::to_string(*value)});
      }
      break;
    }
    i = end - 1;
  }
  return out;
}

}  // namespace ieval
