// Internal to ieval::io: reading the text formats' lines and fields (BRAT,
// WebAnno TSV), and the code points at the ends of a span for the readers
// that trim white space off spans (BRAT's two readers): ieval's validator
// refuses a gold span that starts or ends with white space by the same
// Unicode White_Space test, so a trimmed span always validates.
#ifndef IEVAL_EVAL_IO_TEXT_SCAN_H_
#define IEVAL_EVAL_IO_TEXT_SCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "ieval/core/offset_index.h"

namespace ieval::text_scan {

// `s` cut at every `separator` (n separators, n + 1 pieces; the views point
// into `s`).
std::vector<std::string_view> Split(std::string_view s, char separator);

// The code point at code point `cp` of `text`, read in place (no decoded
// copy of the text). REQUIRES: `index` was built from `text`, and
// 0 <= cp < index.codepoints().
char32_t CodepointAt(std::string_view text, const OffsetIndex& index,
                     int64_t cp);

// Unicode White_Space (ICU's u_isUWhiteSpace): U+00A0, U+202F and the other
// spaces included.
bool IsWhiteSpace(char32_t c);

}  // namespace ieval::text_scan

#endif  // IEVAL_EVAL_IO_TEXT_SCAN_H_
