#include "ieval/extractors/lexicon/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

namespace ieval {
namespace {

constexpr UChar32 kTableSize = 0x250;  // Latin-1 and Latin Extended-A/B

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

// `c` case-folded with its diacritics removed, as UTF-8 (may be empty for a
// lone combining mark).
std::string FoldStrip(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString folded(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  icu::UnicodeString decomposed =
      U_SUCCESS(status) ? nfd->normalize(folded, status) : folded;
  if (U_FAILURE(status)) decomposed = folded;
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) == U_NON_SPACING_MARK) continue;
    AppendUtf8(d, out);
  }
  return out;
}

// Built once: the fold-and-strip of every code point below kTableSize, so
// French text almost never calls into ICU per character.
const std::array<std::string, kTableSize>& FoldTable() {
  static const auto* table = [] {
    auto* t = new std::array<std::string, kTableSize>();
    for (UChar32 c = 0; c < kTableSize; ++c) (*t)[c] = FoldStrip(c);
    return t;
  }();
  return *table;
}

bool IsApostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032;
}
bool IsHyphen(UChar32 c) { return c == 0x2010 || c == 0x2011; }

// Calls f(c) for every code point of valid UTF-8 `s`.
template <typename F>
void ForEachCodePoint(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    f(c);
  }
}

}  // namespace

std::string MatchKey(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto& table = FoldTable();
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else if (IsApostrophe(c)) {
      out.push_back('\'');
    } else if (IsHyphen(c)) {
      out.push_back('-');
    } else if (c < kTableSize) {
      out += table[c];
    } else if (u_charType(c) != U_NON_SPACING_MARK) {
      out += FoldStrip(c);
    }
  });
  return out;
}

std::string ApostropheKey(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (IsApostrophe(c)) {
      out.push_back('\'');
    } else if (IsHyphen(c)) {
      out.push_back('-');
    } else {
      AppendUtf8(c, out);
    }
  });
  return out;
}

std::string Slug(std::string_view utf8) {
  std::string out;
  bool pending_separator = false;
  auto emit = [&](std::string_view ascii) {
    if (pending_separator && !out.empty()) out.push_back('_');
    pending_separator = false;
    out += ascii;
  };
  const auto& table = FoldTable();
  ForEachCodePoint(utf8, [&](UChar32 c) {
    std::string folded = c < kTableSize ? table[c] : FoldStrip(c);
    if (folded == "\xC5\x93") folded = "oe";  // œ
    if (folded == "\xC3\xA6") folded = "ae";  // æ
    if (folded == "\xC3\x9F") folded = "ss";  // ß
    if (folded == "\xC3\xB8") folded = "o";   // ø
    if (folded == "\xC4\x91") folded = "d";   // đ
    if (folded == "\xC5\x82") folded = "l";   // ł
    if (folded == "\xC4\xB1") folded = "i";   // dotless ı
    if (folded.empty()) return;               // a combining mark
    bool alnum = true;
    for (char ch : folded) {
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) {
        alnum = false;
      }
    }
    if (alnum) {
      emit(folded);
    } else {
      pending_separator = true;
    }
  });
  return out;
}

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
bool AsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool AsciiLower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

// ASCII words, most of a French text, are classified without ICU (ICU
// gives the same answers for them: no ASCII character is titlecase).
bool StartsUpper(std::string_view utf8) {
  if (utf8.empty()) return false;
  if (static_cast<unsigned char>(utf8[0]) < 0x80) return AsciiUpper(utf8[0]);
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(p, i, static_cast<int32_t>(utf8.size()), c);
  if (c < 0) c = 0xFFFD;
  return u_isupper(c) || u_istitle(c);
}

bool IsAllCaps(std::string_view utf8) {
  int letters = 0;
  bool lower = false;
  if (IsAscii(utf8)) {
    for (char c : utf8) {
      letters += AsciiUpper(c) || AsciiLower(c);
      lower = lower || AsciiLower(c);
    }
    return letters >= 2 && !lower;
  }
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (u_isalpha(c)) ++letters;
    if (u_islower(c)) lower = true;
  });
  return letters >= 2 && !lower;
}

bool HasLower(std::string_view utf8) {
  if (IsAscii(utf8)) {
    for (char c : utf8)
      if (AsciiLower(c)) return true;
    return false;
  }
  bool lower = false;
  ForEachCodePoint(utf8, [&](UChar32 c) { lower = lower || u_islower(c); });
  return lower;
}

bool IsAllLower(std::string_view utf8) {
  int letters = 0;
  bool upper = false;
  if (IsAscii(utf8)) {
    for (char c : utf8) {
      letters += AsciiUpper(c) || AsciiLower(c);
      upper = upper || AsciiUpper(c);
    }
    return letters >= 1 && !upper;
  }
  ForEachCodePoint(utf8, [&](UChar32 c) {
    if (u_isalpha(c)) ++letters;
    if (u_isupper(c) || u_istitle(c)) upper = true;
  });
  return letters >= 1 && !upper;
}

bool IsDigits(std::string_view utf8) {
  if (utf8.empty()) return false;
  for (char c : utf8) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace ieval
