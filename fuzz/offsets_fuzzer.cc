// Offset conversion (offset_index.h): for any valid UTF-8 text, code points,
// UTF-8 bytes and UTF-16 units convert both ways and back to where they
// started, agree with a plain decoder, and refuse offsets inside a
// character or outside the text; for invalid UTF-8, FindInvalidUtf8 points
// at the first bad byte.
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"

namespace ieval {
namespace {

// The byte offset where each code point starts, and its UTF-16 length.
struct Decoded {
  std::vector<int64_t> starts;
  int64_t utf16_units = 0;
};

Decoded Decode(std::string_view utf8) {
  Decoded d;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if ((byte & 0xC0) == 0x80) continue;
    d.starts.push_back(static_cast<int64_t>(i));
    d.utf16_units += byte >= 0xF0 ? 2 : 1;
  }
  return d;
}

}  // namespace
}  // namespace ieval

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view text = fuzz::AsText(data, size);
  if (auto bad = FindInvalidUtf8(text)) {
    fuzz::Require(*bad >= 0 && *bad < static_cast<int64_t>(size),
                  "the first invalid byte is in the text");
    fuzz::Require(!FindInvalidUtf8(text.substr(0, static_cast<size_t>(*bad))),
                  "the text before the first invalid byte is valid");
    return 0;
  }
  // One index rebuilt for every input, as a thread's index is reused.
  static OffsetIndex reused;
  reused.Rebuild(text);
  const OffsetIndex fresh(text);
  const Decoded d = Decode(text);
  const auto cps = static_cast<int64_t>(d.starts.size());
  const OffsetIndex* const indexes[] = {&fresh, &reused};
  for (const OffsetIndex* index : indexes) {
    fuzz::Require(index->codepoints() == cps && CountCodepoints(text) == cps,
                  "code points counted as decoded");
    fuzz::Require(index->bytes() == static_cast<int64_t>(size),
                  "bytes counted");
    fuzz::Require(index->utf16_units() == d.utf16_units,
                  "UTF-16 units counted as decoded");
    std::string joined;
    for (int64_t cp = 0; cp <= cps; ++cp) {
      const int64_t byte =
          cp < cps ? d.starts[static_cast<size_t>(cp)] : index->bytes();
      fuzz::Require(index->CodepointToByte(cp) == byte,
                    "code point to byte as decoded");
      fuzz::Require(index->ByteToCodepoint(byte) == cp,
                    "byte to code point and back");
      const int64_t unit = index->CodepointToUtf16(cp);
      fuzz::Require(index->Utf16ToCodepoint(unit) == cp,
                    "UTF-16 unit to code point and back");
      for (OffsetUnit u :
           {OffsetUnit::kCodepoint, OffsetUnit::kByte, OffsetUnit::kUtf16})
        fuzz::Require(index->ToCodepoint(index->FromCodepoint(cp, u), u) == cp,
                      "every unit converts back to the code point");
      if (cp < cps) joined += index->Slice(text, cp, cp + 1);
    }
    fuzz::Require(joined == text, "the code points' slices make the text");
    for (int64_t byte = 0; byte <= index->bytes(); ++byte) {
      const bool inside =
          byte < index->bytes() &&
          (static_cast<unsigned char>(text[static_cast<size_t>(byte)]) &
           0xC0) == 0x80;
      fuzz::Require(index->ByteToCodepoint(byte).has_value() != inside,
                    "a byte offset inside a character is refused");
    }
    for (OffsetUnit u :
         {OffsetUnit::kCodepoint, OffsetUnit::kByte, OffsetUnit::kUtf16}) {
      fuzz::Require(!index->ToCodepoint(-1, u) &&
                        !index->ToCodepoint(index->Size(u) + 1, u),
                    "an offset outside the text is refused");
    }
  }
  return 0;
}
