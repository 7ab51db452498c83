// See byte_index.h.
#include "ieval/sequence/byte_index.h"

#include <bit>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace ieval {
namespace {

// std::popcount without a POPCNT instruction in the target (a library call
// per 64 bytes otherwise): the classic SWAR sum.
inline size_t CountBits(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<size_t>((x * 0x0101010101010101ULL) >> 56);
}
// Writes base + the offset of each set bit of `bits` (`count` of them) to
// out, eight at a time whatever their number: the loop does not branch per
// bit, so a line costs no mispredicted branch here. Writes up to 7 more
// values past the count (out has room).
[[gnu::always_inline]] inline void Flatten(uint64_t bits, size_t count,
                                           uint32_t base, uint32_t* out) {
  for (size_t written = 0; written < count; written += 8) {
    for (size_t k = 0; k < 8; ++k) {
      out[written + k] = base + static_cast<uint32_t>(std::countr_zero(bits));
      bits &= bits - 1;  // countr_zero(0) is 64: harmless past the end
    }
  }
}

}  // namespace

size_t IndexLineBytesScalar(const char* data, size_t end, char delimiter,
                            uint32_t* out) {
  size_t n = 0;
  for (size_t i = 0; i < end; ++i)
    if (data[i] == '\n' || data[i] == delimiter)
      out[n++] = static_cast<uint32_t>(i);
  return n;
}

#if defined(__SSE2__)
namespace {

// Bytes after the data are not the file's.
inline uint64_t ValidBits(size_t w, size_t words, size_t end) {
  return w + 1 == words && end % 64 != 0 ? (uint64_t{1} << (end % 64)) - 1
                                         : ~uint64_t{0};
}

}  // namespace

// 64 bytes per step: four 16-byte compares against each byte give one bit
// per byte.
size_t IndexLineBytesSse2(const char* data, size_t end, char delimiter,
                          uint32_t* out) {
  const size_t words = (end + 63) / 64;
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i split = _mm_set1_epi8(delimiter);
  size_t n = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t bits = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(
          reinterpret_cast<const __m128i*>(data + w * 64 + k * 16));
      const __m128i hit =
          _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, split));
      bits |=
          static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(hit)))
          << (16 * k);
    }
    bits &= ValidBits(w, words, end);
    const size_t count = CountBits(bits);
    Flatten(bits, count, static_cast<uint32_t>(w * 64), out + n);
    n += count;
  }
  return n;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define IEVAL_CONLL_AVX2 1
// The same with two 32-byte compares and the POPCNT / TZCNT instructions,
// on processors that have them (nearly all made since 2013): half the
// compares of the SSE2 loop, and one POPCNT where CountBits takes a dozen
// instructions.
[[gnu::target("avx2,popcnt,bmi")]] size_t IndexLineBytesAvx2(const char* data,
                                                             size_t end,
                                                             char delimiter,
                                                             uint32_t* out) {
  const size_t words = (end + 63) / 64;
  const __m256i newline = _mm256_set1_epi8('\n');
  const __m256i split = _mm256_set1_epi8(delimiter);
  size_t n = 0;
  for (size_t w = 0; w < words; ++w) {
    uint64_t bits = 0;
    for (int k = 0; k < 2; ++k) {
      const __m256i v = _mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(data + w * 64 + k * 32));
      const __m256i hit = _mm256_or_si256(_mm256_cmpeq_epi8(v, newline),
                                          _mm256_cmpeq_epi8(v, split));
      bits |= static_cast<uint64_t>(
                  static_cast<uint32_t>(_mm256_movemask_epi8(hit)))
              << (32 * k);
    }
    bits &= ValidBits(w, words, end);
    const auto count = static_cast<size_t>(std::popcount(bits));
    Flatten(bits, count, static_cast<uint32_t>(w * 64), out + n);
    n += count;
  }
  return n;
}
#endif

#endif  // __SSE2__

bool HasAvx2LineIndex() {
#if defined(IEVAL_CONLL_AVX2)
  static const bool avx2 = __builtin_cpu_supports("avx2") &&
                           __builtin_cpu_supports("popcnt") &&
                           __builtin_cpu_supports("bmi");
  return avx2;
#else
  return false;
#endif
}

size_t IndexLineBytes(const char* data, size_t end, char delimiter,
                      uint32_t* out) {
#if defined(IEVAL_CONLL_AVX2)
  if (HasAvx2LineIndex()) return IndexLineBytesAvx2(data, end, delimiter, out);
#endif
#if defined(__SSE2__)
  return IndexLineBytesSse2(data, end, delimiter, out);
#else
  return IndexLineBytesScalar(data, end, delimiter, out);
#endif
}

}  // namespace ieval
