#include "ieval/extractors/rules/dates.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cstdio>

#include "ieval/extractors/lexicon/normalize.h"
#include "word_classes.h"

namespace ieval {
namespace {

std::string Key(const icu::UnicodeString& s) {
  std::string utf8;
  s.toUTF8String(utf8);
  std::string key = MatchKey(utf8);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

std::string Format(const char* pattern, int a, int b = 0, int c = 0) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, pattern, a, b, c);
  return buffer;
}

int ToInt(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Pattern matching over the pieces of one view.
class DateParser {
 public:
  DateParser(const TextView& view, const DateLexicon& lexicon)
      : view_(view), p_(view.pieces()), lexicon_(lexicon) {}

  std::optional<RuleMatch> ParseAt(size_t i) const;

  // Day of the month at piece k ("9", "09", "1er"), or 0.
  int DayAt(size_t k) const {
    if (k >= p_.size()) return 0;
    if (p_[k].key == "1er") return 1;
    if (!IsDigits(p_[k].text) || p_[k].text.size() > 2) return 0;
    const int day = ToInt(p_[k].text);
    return day >= 1 && day <= 31 ? day : 0;
  }

 private:
  int YearAt(size_t k) const {
    if (k >= p_.size() || !IsDigits(p_[k].text) || p_[k].text.size() != 4) {
      return 0;
    }
    const int year = ToInt(p_[k].text);
    return year >= 1000 && year <= 2199 ? year : 0;
  }
  // The month named at piece k; *end is one past it (and past the dot of
  // an abbreviation).
  int MonthAt(size_t k, bool allow_abbreviated, size_t* end) const {
    if (k >= p_.size() || !p_[k].is_word) return 0;
    const DateLexicon::Word* word = lexicon_.Find(p_[k].key);
    if (word == nullptr || word->month == 0) return 0;
    if (word->english && !StartsUpper(p_[k].text)) return 0;
    if (word->abbreviated && !allow_abbreviated) return 0;
    *end = k + 1;
    if (word->abbreviated && k + 1 < p_.size() && p_[k + 1].text == "." &&
        !p_[k + 1].space_before) {
      *end = k + 2;
    }
    return word->month;
  }
  int WeekdayAt(size_t k) const {
    if (k >= p_.size() || !p_[k].is_word) return 0;
    const DateLexicon::Word* word = lexicon_.Find(p_[k].key);
    if (word == nullptr || word->weekday == 0 || word->abbreviated) return 0;
    if (word->english && !StartsUpper(p_[k].text)) return 0;
    return word->weekday;
  }
  bool RelativeAt(size_t k) const {
    if (k >= p_.size()) return false;
    const std::string& key = p_[k].key;
    return IsAllLower(p_[k].text) && (key == "dernier" || key == "derniere" ||
                                      key == "prochain" || key == "prochaine");
  }
  // A month named alone: French month words are unambiguous in lower case;
  // capitalised "Mars"/"Mai" and English "May"/"March" alone are too often
  // a planet, a name or a verb.
  bool MonthAloneOk(size_t k) const {
    const DateLexicon::Word* word = lexicon_.Find(p_[k].key);
    const std::string& key = p_[k].key;
    if (word->english) return key != "may" && key != "march";
    return IsAllLower(p_[k].text) || (key != "mars" && key != "mai");
  }
  bool Adjacent(size_t k) const { return k < p_.size() && !p_[k].space_before; }
  std::optional<RuleMatch> Numeric(size_t i) const;

  const TextView& view_;
  const std::vector<Piece>& p_;
  const DateLexicon& lexicon_;
};

RuleMatch Date(size_t begin, size_t end, std::string value) {
  return RuleMatch{begin, end, "DATE", std::nullopt, std::move(value)};
}

std::optional<RuleMatch> DateParser::Numeric(size_t i) const {
  // "09.11.2024" is one ICU number piece.
  const std::string_view t = p_[i].text;
  if (t.size() >= 8 && t.size() <= 10 && p_[i].is_number) {
    const size_t d1 = t.find('.');
    const size_t d2 = t.find('.', d1 + 1);
    if (d1 != std::string_view::npos && d2 != std::string_view::npos &&
        d1 <= 2 && d2 - d1 - 1 <= 2 && t.size() - d2 - 1 == 4 &&
        IsDigits(t.substr(0, d1)) && IsDigits(t.substr(d1 + 1, d2 - d1 - 1)) &&
        IsDigits(t.substr(d2 + 1))) {
      const int day = ToInt(t.substr(0, d1));
      const int month = ToInt(t.substr(d1 + 1, d2 - d1 - 1));
      const int year = ToInt(t.substr(d2 + 1));
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        return Date(i, i + 1, Format("%04d-%02d-%02d", year, month, day));
      }
    }
  }
  // "09/11/2024": five adjacent pieces.
  if (i + 4 < p_.size() && DayAt(i) > 0 && p_[i + 1].text == "/" &&
      p_[i + 3].text == "/" && Adjacent(i + 1) && Adjacent(i + 2) &&
      Adjacent(i + 3) && Adjacent(i + 4) && IsDigits(p_[i + 2].text) &&
      p_[i + 2].text.size() <= 2 && YearAt(i + 4) > 0) {
    const int month = ToInt(p_[i + 2].text);
    if (month >= 1 && month <= 12) {
      return Date(i, i + 5,
                  Format("%04d-%02d-%02d", YearAt(i + 4), month, DayAt(i)));
    }
  }
  // ISO "2024-11-09".
  if (i + 4 < p_.size() && YearAt(i) > 0 && p_[i + 1].text == "-" &&
      p_[i + 3].text == "-" && Adjacent(i + 1) && Adjacent(i + 2) &&
      Adjacent(i + 3) && Adjacent(i + 4) && p_[i + 2].text.size() == 2 &&
      p_[i + 4].text.size() == 2 && IsDigits(p_[i + 2].text) &&
      IsDigits(p_[i + 4].text)) {
    const int month = ToInt(p_[i + 2].text);
    const int day = ToInt(p_[i + 4].text);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      return Date(i, i + 5, Format("%04d-%02d-%02d", YearAt(i), month, day));
    }
  }
  return std::nullopt;
}

std::optional<RuleMatch> DateParser::ParseAt(size_t i) const {
  const int weekday = WeekdayAt(i);
  const size_t j = weekday > 0 ? i + 1 : i;
  size_t e = 0;
  // [weekday] day month [year | dernier]
  if (const int day = DayAt(j); day > 0) {
    if (const int month = MonthAt(j + 1, true, &e); month > 0) {
      if (const int year = YearAt(e); year > 0) {
        return Date(i, e + 1, Format("%04d-%02d-%02d", year, month, day));
      }
      return Date(i, RelativeAt(e) ? e + 1 : e,
                  Format("XXXX-%02d-%02d", month, day));
    }
  }
  if (const int month = MonthAt(j, true, &e); month > 0) {
    const bool english = lexicon_.Find(p_[j].key)->english;
    // English "November 9, 2024" / "November 9".
    if (english && DayAt(e) > 0) {
      const int day = DayAt(e);
      if (e + 2 < p_.size() && p_[e + 1].text == "," && YearAt(e + 2) > 0) {
        return Date(i, e + 3,
                    Format("%04d-%02d-%02d", YearAt(e + 2), month, day));
      }
      return Date(i, e + 1, Format("XXXX-%02d-%02d", month, day));
    }
    // [weekday] month year / month dernier / month.
    if (const int year = YearAt(e); year > 0) {
      return Date(i, e + 1, Format("%04d-%02d", year, month));
    }
    const bool abbreviated = lexicon_.Find(p_[j].key)->abbreviated;
    if (weekday == 0 && !abbreviated && RelativeAt(e)) {
      return Date(i, e + 1, Format("XXXX-%02d", month));
    }
    if (weekday == 0 && !abbreviated && MonthAloneOk(j)) {
      return Date(i, e, Format("XXXX-%02d", month));
    }
  }
  if (weekday > 0) {
    return Date(i, RelativeAt(j) ? j + 1 : j, Format("XXXX-WXX-%d", weekday));
  }
  if (auto numeric = Numeric(i)) return numeric;
  if (const int year = YearAt(i); year > 0) {
    const bool labelled = i > 0 && IsLabelWord(p_[i - 1].key);
    if (!labelled && !YearReadsAsCount(view_, i)) {
      return Date(i, i + 1, Format("%04d", year));
    }
  }
  return std::nullopt;
}

}  // namespace

DateLexicon DateLexicon::FromIcu() {
  DateLexicon lexicon;
  for (const bool english : {false, true}) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale(english ? "en" : "fr"),
                                         status);
    if (U_FAILURE(status)) continue;
    int32_t count = 0;
    const icu::UnicodeString* months = symbols.getMonths(
        count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    for (int32_t m = 0; m < count && m < 12; ++m) {
      lexicon.words_.emplace(Key(months[m]), Word{m + 1, 0, english, false});
    }
    if (!english) {
      const icu::UnicodeString* short_months =
          symbols.getMonths(count, icu::DateFormatSymbols::FORMAT,
                            icu::DateFormatSymbols::ABBREVIATED);
      for (int32_t m = 0; m < count && m < 12; ++m) {
        lexicon.words_.emplace(Key(short_months[m]),
                               Word{m + 1, 0, false, true});
      }
    }
    // ICU numbers weekdays 1 (Sunday) to 7 (Saturday); ISO 8601 from Monday.
    const icu::UnicodeString* weekdays = symbols.getWeekdays(
        count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    for (int32_t d = 1; d < count && d <= 7; ++d) {
      const int iso = d == 1 ? 7 : d - 1;
      lexicon.words_.emplace(Key(weekdays[d]), Word{0, iso, english, false});
    }
  }
  for (const auto& [key, word] : lexicon.words_)
    if (!key.empty()) lexicon.starts_.set(StartOf(key));
  return lexicon;
}

bool YearReadsAsCount(const TextView& view, size_t i) {
  const auto& p = view.pieces();
  if (i > 0 && (IsYearPreposition(p[i - 1].key) || p[i - 1].key == "annees" ||
                p[i - 1].key == "an")) {
    return false;
  }
  if (i + 1 >= p.size()) return false;
  const Piece& next = p[i + 1];
  if (next.text == "%") return true;
  return next.is_word && IsAllLower(next.text) && !IsFunctionWord(next.key) &&
         (next.key.ends_with("s") || next.key.ends_with("x"));
}

std::vector<RuleMatch> FindDates(const TextView& view,
                                 const DateLexicon& lexicon) {
  const DateParser parser(view, lexicon);
  const auto& p = view.pieces();
  std::vector<RuleMatch> dates;
  for (size_t i = 0; i < p.size();) {
    auto date = p[i].is_word ? parser.ParseAt(i) : std::nullopt;
    if (!date) {
      ++i;
      continue;
    }
    i = date->end;
    dates.push_back(std::move(*date));
  }
  // Ranges and lists of days sharing a month: "du 9 au 11 novembre",
  // "9, 10 et 11 novembre" — each earlier day is a date of that month.
  std::vector<RuleMatch> extra;
  for (size_t d = 0; d < dates.size(); ++d) {
    RuleMatch current = dates[d];
    while (parser.DayAt(current.begin) > 0 && current.begin >= 2 &&
           current.value->size() == 10) {
      const size_t connector = current.begin - 1;
      const std::string& key = p[connector].key;
      const bool joins = key == "au" || key == "et" || key == "ou" ||
                         key == "," || key == "-" || key == "\xE2\x80\x93";
      const size_t day_piece = connector - 1;
      const int day = parser.DayAt(day_piece);
      const bool free = d == 0 || dates[d - 1].end <= day_piece;
      if (!joins || day == 0 || !free) break;
      RuleMatch earlier =
          Date(day_piece, day_piece + 1,
               current.value->substr(0, 8) + Format("%02d", day));
      extra.push_back(earlier);
      current = earlier;
    }
  }
  dates.insert(dates.end(), extra.begin(), extra.end());
  std::sort(
      dates.begin(), dates.end(),
      [](const RuleMatch& a, const RuleMatch& b) { return a.begin < b.begin; });
  return dates;
}

}  // namespace ieval
