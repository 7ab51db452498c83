#include "ieval/core/offset_index.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace ieval {

namespace {

// The end of the run of ASCII bytes starting at `i`, eight bytes at a time.
int64_t SkipAscii(const uint8_t* s, int64_t i, int64_t length) {
  for (; i + 8 <= length; i += 8) {
    uint64_t word;
    std::memcpy(&word, s + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < length && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

std::optional<int64_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length) {
    const int64_t start = i;
    if (s[i] < 0x80) {  // ASCII fast path
      i = SkipAscii(s, i, length);
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return start;
  }
  return std::nullopt;
}

OffsetIndex::OffsetIndex(std::string_view utf8) { Rebuild(utf8); }

void OffsetIndex::Rebuild(std::string_view utf8) {
  bytes_ = static_cast<int64_t>(utf8.size());
  byte_of_.clear();
  utf16_of_.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int64_t ascii_prefix = SkipAscii(s, 0, bytes_);
  ascii_ = ascii_prefix == bytes_;
  if (ascii_) {
    codepoints_ = utf16_units_ = bytes_;
    return;
  }
  // At most one code point per byte; trimmed at the end (no reallocation).
  byte_of_.resize(utf8.size() + 1);
  utf16_of_.resize(utf8.size() + 1);
  uint32_t* byte_of = byte_of_.data();
  uint32_t* utf16_of = utf16_of_.data();
  size_t cp = 0;
  uint32_t units = 0;
  int64_t i = 0;
  while (i < bytes_) {
    byte_of[cp] = static_cast<uint32_t>(i);
    utf16_of[cp] = units;
    ++cp;
    if (s[i] < 0x80) {
      ++i;
      ++units;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, bytes_, c);
    units += (c > 0xFFFF) ? 2 : 1;  // invalid input counts as U+FFFD
  }
  byte_of[cp] = static_cast<uint32_t>(bytes_);
  utf16_of[cp] = units;
  byte_of_.resize(cp + 1);
  utf16_of_.resize(cp + 1);
  codepoints_ = static_cast<int64_t>(cp);
  utf16_units_ = units;
}

namespace {
std::optional<int64_t> Find(const std::vector<uint32_t>& table,
                            int64_t offset) {
  if (offset < 0 || offset > static_cast<int64_t>(table.back()))
    return std::nullopt;
  auto it = std::lower_bound(table.begin(), table.end(),
                             static_cast<uint32_t>(offset));
  if (it == table.end() || *it != offset) return std::nullopt;
  return it - table.begin();
}
}  // namespace

std::optional<int64_t> OffsetIndex::ByteToCodepoint(int64_t byte) const {
  if (ascii_) {
    if (byte < 0 || byte > bytes_) return std::nullopt;
    return byte;
  }
  return Find(byte_of_, byte);
}

std::optional<int64_t> OffsetIndex::Utf16ToCodepoint(int64_t unit) const {
  if (ascii_) {
    if (unit < 0 || unit > bytes_) return std::nullopt;
    return unit;
  }
  return Find(utf16_of_, unit);
}

std::optional<int64_t> OffsetIndex::ToCodepoint(int64_t offset,
                                                OffsetUnit unit) const {
  switch (unit) {
    case OffsetUnit::kByte:
      return ByteToCodepoint(offset);
    case OffsetUnit::kUtf16:
      return Utf16ToCodepoint(offset);
    case OffsetUnit::kCodepoint:
      break;
  }
  if (offset < 0 || offset > codepoints_) return std::nullopt;
  return offset;
}

int64_t OffsetIndex::FromCodepoint(int64_t cp, OffsetUnit unit) const {
  switch (unit) {
    case OffsetUnit::kByte:
      return CodepointToByte(cp);
    case OffsetUnit::kUtf16:
      return CodepointToUtf16(cp);
    case OffsetUnit::kCodepoint:
      break;
  }
  return cp;
}

int64_t OffsetIndex::Size(OffsetUnit unit) const {
  switch (unit) {
    case OffsetUnit::kByte:
      return bytes_;
    case OffsetUnit::kUtf16:
      return utf16_units_;
    case OffsetUnit::kCodepoint:
      break;
  }
  return codepoints_;
}

int64_t CountCodepoints(std::string_view utf8) {
  int64_t n = 0;
  for (const char c : utf8) n += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace ieval
