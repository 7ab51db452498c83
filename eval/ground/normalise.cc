#include "ieval/ground/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

namespace ieval {
namespace {

// Latin-1 and Latin Extended-A/B: French text almost never calls into ICU
// per character.
constexpr UChar32 kTableSize = 0x250;

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 ||
         c == 0x202F || c == 0x2007 || u_isUWhiteSpace(c);
}

bool IsApostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 ||
         c == 0x0060 || c == 0x00B4;
}

bool IsDash(UChar32 c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 ||
         c == 0xFF0D || c == 0x00AD;
}

// `c` case-folded (full folding: ß -> ss) with its diacritics removed, as
// UTF-8; empty for a combining mark.
std::string FoldStrip(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString folded(c);
  folded.foldCase();
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

const std::array<std::string, kTableSize>& FoldTable() {
  static const auto* table = [] {
    auto* t = new std::array<std::string, kTableSize>();
    for (UChar32 c = 0; c < kTableSize; ++c) (*t)[c] = FoldStrip(c);
    return t;
  }();
  return *table;
}

// Appends the normalised form of `c` (not white space) to `out`.
void AppendNormalised(UChar32 c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  } else if (IsApostrophe(c)) {
    out.push_back('\'');
  } else if (IsDash(c)) {
    out.push_back('-');
  } else if (c < kTableSize) {
    out += FoldTable()[c];
  } else if (u_charType(c) != U_NON_SPACING_MARK) {
    out += FoldStrip(c);
  }
}

}  // namespace

std::pair<int64_t, int64_t> NormalisedText::OriginalSpan(
    size_t begin, size_t end_byte) const {
  const int64_t start = origin[begin];
  int64_t end = origin[end_byte - 1] + 1;
  // A combining mark dropped after the last character belongs to it; white
  // space merged into a run does not.
  while (end < codepoints && dropped[static_cast<size_t>(end)]) ++end;
  return {start, end};
}

NormalisedText NormaliseText(std::string_view utf8) {
  NormalisedText out;
  out.text.reserve(utf8.size());
  out.origin.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int64_t cp = 0;
  bool in_space = false;
  for (int32_t i = 0; i < n; ++cp) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    const size_t before = out.text.size();
    if (IsSpace(c)) {
      if (!in_space) out.text.push_back(' ');
      in_space = true;
    } else {
      in_space = false;
      AppendNormalised(c, out.text);
    }
    out.origin.resize(out.text.size(), cp);
    out.dropped.push_back(out.text.size() == before);
  }
  out.codepoints = cp;
  return out;
}

std::string GroundKey(std::string_view utf8) {
  std::string key = NormaliseText(utf8).text;
  const size_t first = key.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const size_t last = key.find_last_not_of(' ');
  return key.substr(first, last - first + 1);
}

}  // namespace ieval
