// The normalised copy of a text that grounding searches: case-folded,
// diacritics removed, apostrophe and dash variants unified, every run of
// white space (U+00A0 and U+202F included) one ASCII space, with a map from
// each of its bytes back to the code point of the original text it came
// from. Each original code point is normalised on its own (white space
// runs aside), so an exact occurrence of a string is always also an
// occurrence of its normalised form.
#ifndef IEVAL_GROUND_NORMALISE_H_
#define IEVAL_GROUND_NORMALISE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {

struct NormalisedText {
  std::string text;  // UTF-8
  // origin[i]: the code point of the original text that produced byte i.
  std::vector<int64_t> origin;
  // dropped[cp]: original code point cp produced nothing (a combining mark,
  // or white space merged into the run before it). One entry per code point.
  std::vector<bool> dropped;
  int64_t codepoints = 0;  // of the original text

  // The original code points [start, end) of normalised bytes [begin, end):
  // end extends over the combining marks dropped after the last character.
  // REQUIRES: begin < end_byte <= text.size().
  std::pair<int64_t, int64_t> OriginalSpan(size_t begin, size_t end_byte) const;
};

// `utf8` must be valid UTF-8 (eval/core offset_index.h FindInvalidUtf8).
NormalisedText NormaliseText(std::string_view utf8);

// The key a predicted string is looked up by: the same normalisation,
// leading and trailing white space removed. Empty for a string of only
// white space or marks.
std::string GroundKey(std::string_view utf8);

}  // namespace ieval

#endif  // IEVAL_GROUND_NORMALISE_H_
