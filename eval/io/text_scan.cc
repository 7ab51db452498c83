#include "text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace ieval::text_scan {

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

char32_t CodepointAt(std::string_view text, const OffsetIndex& index,
                     int64_t cp) {
  int32_t at = static_cast<int32_t>(index.CodepointToByte(cp));
  UChar32 c = 0;
  U8_NEXT(text.data(), at, static_cast<int32_t>(text.size()), c);
  return static_cast<char32_t>(c);
}

bool IsWhiteSpace(char32_t c) {
  return c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r'))
                  : u_isUWhiteSpace(static_cast<UChar32>(c));
}

}  // namespace ieval::text_scan
