// OffsetIndex converts between the three ways a position in a UTF-8 text is
// counted: Unicode code points (ieval's internal unit), UTF-8 bytes, and
// UTF-16 code units (JavaScript, Java, .NET). Getting this wrong is the
// classic bug of the field: "é" is 1 code point, 2 bytes, 1 UTF-16 unit;
// U+00A0 and « » are 1 / 2 / 1; an emoji is 1 / 4 / 2 (a surrogate pair); a
// combining accent is a code point of its own.
//
// Code point -> byte/UTF-16 is O(1) (a table per code point); byte/UTF-16 ->
// code point is O(log n) (binary search) and tells when an offset falls
// inside a character. ASCII-only texts skip the tables: all three agree.
#ifndef IEVAL_CORE_OFFSET_INDEX_H_
#define IEVAL_CORE_OFFSET_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/types.h"

namespace ieval {

// The byte offset of the first invalid UTF-8 sequence of `text` (ill-formed
// bytes, overlong forms, surrogates, code points past U+10FFFF), or nullopt
// when it is valid. Uses ICU's U8_NEXT.
std::optional<int64_t> FindInvalidUtf8(std::string_view text);

// The code points of UTF-8 text: every byte but a continuation byte
// (10xxxxxx) starts one. For valid UTF-8; counts what it is given.
int64_t CountCodepoints(std::string_view utf8);

class OffsetIndex {
 public:
  // REQUIRES: `utf8` is valid UTF-8 (check with FindInvalidUtf8) and shorter
  // than 4 GiB. The index keeps no reference to the text.
  explicit OffsetIndex(std::string_view utf8);
  OffsetIndex() : OffsetIndex(std::string_view()) {}
  // Becomes the index of `utf8`, reusing the tables' memory (one index per
  // thread serves a stream of documents without allocating).
  void Rebuild(std::string_view utf8);

  int64_t codepoints() const { return codepoints_; }
  int64_t bytes() const { return bytes_; }
  int64_t utf16_units() const { return utf16_units_; }

  // REQUIRES: 0 <= cp <= codepoints().
  int64_t CodepointToByte(int64_t cp) const {
    return ascii_ ? cp : byte_of_[static_cast<size_t>(cp)];
  }
  int64_t CodepointToUtf16(int64_t cp) const {
    return ascii_ ? cp : utf16_of_[static_cast<size_t>(cp)];
  }
  // nullopt when the offset is outside [0, size] or inside a character (a
  // UTF-8 continuation byte, or between the two halves of a surrogate pair).
  std::optional<int64_t> ByteToCodepoint(int64_t byte) const;
  std::optional<int64_t> Utf16ToCodepoint(int64_t unit) const;

  // The same, by unit.
  std::optional<int64_t> ToCodepoint(int64_t offset, OffsetUnit unit) const;
  int64_t FromCodepoint(int64_t cp, OffsetUnit unit) const;
  int64_t Size(OffsetUnit unit) const;

  // The bytes of code points [start, end) of `utf8` (the text this index was
  // built from). REQUIRES: 0 <= start <= end <= codepoints().
  std::string_view Slice(std::string_view utf8, int64_t start,
                         int64_t end) const {
    const int64_t b = CodepointToByte(start);
    return utf8.substr(static_cast<size_t>(b),
                       static_cast<size_t>(CodepointToByte(end) - b));
  }

 private:
  bool ascii_ = true;
  int64_t codepoints_ = 0;
  int64_t bytes_ = 0;
  int64_t utf16_units_ = 0;
  // Empty when ascii_; else codepoints_ + 1 entries (the last is the size).
  std::vector<uint32_t> byte_of_;
  std::vector<uint32_t> utf16_of_;
};

}  // namespace ieval

#endif  // IEVAL_CORE_OFFSET_INDEX_H_
