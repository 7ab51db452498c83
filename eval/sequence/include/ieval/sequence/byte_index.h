// The offsets of every '\n' and every delimiter byte of a buffer, in order:
// the index ConllReader splits lines and columns from (a CoNLL line then
// costs a few loads instead of a scan, and no mispredicted branch). Three
// versions giving the same answer — AVX2 with POPCNT/TZCNT where the
// processor has them, SSE2, plain C++ — all exposed so tests compare them.
#ifndef IEVAL_SEQUENCE_BYTE_INDEX_H_
#define IEVAL_SEQUENCE_BYTE_INDEX_H_

#include <cstddef>
#include <cstdint>

namespace ieval {

// Writes the offsets i in [0, end) where data[i] is '\n' or `delimiter` to
// out, in order, and returns their number. `data` must be readable up to
// the next multiple of 64 bytes past `end` (those bytes are ignored) and
// `out` must have room for end + 16 values (up to 7 are written past the
// count). The fastest version this processor runs.
size_t IndexLineBytes(const char* data, size_t end, char delimiter,
                      uint32_t* out);

// The versions themselves (for tests). The SIMD ones exist when the
// compiler targets x86 (IEVAL_HAS_SSE2_LINE_INDEX); AVX2 may only be called
// when HasAvx2LineIndex().
size_t IndexLineBytesScalar(const char* data, size_t end, char delimiter,
                            uint32_t* out);
#if defined(__SSE2__)
#define IEVAL_HAS_SSE2_LINE_INDEX 1
size_t IndexLineBytesSse2(const char* data, size_t end, char delimiter,
                          uint32_t* out);
#if defined(__x86_64__) && defined(__GNUC__)
size_t IndexLineBytesAvx2(const char* data, size_t end, char delimiter,
                          uint32_t* out);
#endif
#endif
bool HasAvx2LineIndex();

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_BYTE_INDEX_H_
