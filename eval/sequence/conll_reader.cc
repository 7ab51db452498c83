#include "eval/sequence/conll_reader.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

namespace ieval {
namespace {
constexpr size_t kInitialBuffer = 1 << 20;
// Bytes after the data that Index's loads may touch (never used).
constexpr size_t kPadding = 64;

// std::popcount without a POPCNT instruction in the target (a library call
// per 64 bytes otherwise): the classic SWAR sum.
inline size_t CountBits(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<size_t>((x * 0x0101010101010101ULL) >> 56);
}
#if defined(__SSE2__)
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

// Bytes after the data are not the file's.
inline uint64_t ValidBits(size_t w, size_t words, size_t end) {
  return w + 1 == words && end % 64 != 0 ? (uint64_t{1} << (end % 64)) - 1
                                         : ~uint64_t{0};
}

// The offsets of every '\n' and every `delimiter` in data[0, end), in
// order, into out (room for end + 16); returns their number. 64 bytes per
// step: four 16-byte compares against each byte give one bit per byte.
size_t IndexSse2(const char* data, size_t end, char delimiter, uint32_t* out) {
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
// on processors that have them (nearly all since 2013): about a third of
// the indexing time.
[[gnu::target("avx2,popcnt,bmi")]] size_t IndexAvx2(const char* data,
                                                    size_t end, char delimiter,
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

size_t IndexBytes(const char* data, size_t end, char delimiter, uint32_t* out) {
#if defined(IEVAL_CONLL_AVX2)
  static const bool avx2 = __builtin_cpu_supports("avx2") &&
                           __builtin_cpu_supports("popcnt") &&
                           __builtin_cpu_supports("bmi");
  if (avx2) return IndexAvx2(data, end, delimiter, out);
#endif
  return IndexSse2(data, end, delimiter, out);
}
#endif

}  // namespace

ConllReader::ConllReader(std::FILE* file, std::string name,
                         FieldSplitter splitter)
    : file_(file),
      name_(std::move(name)),
      splitter_(std::move(splitter)),
      buffer_(kInitialBuffer + kPadding) {
#if defined(__SSE2__)
  delimiter_ = splitter_.single_byte();
#endif
}

Result<std::unique_ptr<ConllReader>> ConllReader::Open(const std::string& path,
                                                       FieldSplitter splitter) {
  if (path == "-") {
    return std::make_unique<ConllReader>(stdin, "<stdin>", std::move(splitter));
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IoError(std::string("cannot read: ") + std::strerror(errno),
                           Where{path, 0, "", ""});
  }
  auto reader = std::make_unique<ConllReader>(file, path, std::move(splitter));
  reader->owns_file_ = true;
  return reader;
}

ConllReader::~ConllReader() {
  if (owns_file_) std::fclose(file_);
}

void ConllReader::Fail(ConllError error, Status status) {
  error_ = error;
  status_ = std::move(status);
}

bool ConllReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t capacity = buffer_.size() - kPadding;
  if (end_ == capacity) buffer_.resize(capacity * 2 + kPadding);
  const size_t n = std::fread(buffer_.data() + end_, 1,
                              buffer_.size() - kPadding - end_, file_);
  if (n == 0) {
    if (std::ferror(file_)) {
      Fail(ConllError::kRead,
           Status::IoError(std::string("cannot read: ") + std::strerror(errno),
                           Where{name_, line_number_ + 1, "", ""}));
      return false;
    }
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

bool ConllReader::SearchLine(std::string_view* out, size_t* fields) {
  std::string_view text;
  while (true) {
    const char* data = buffer_.data();
    const void* newline =
        std::memchr(data + begin_ + scanned_, '\n', end_ - begin_ - scanned_);
    if (newline != nullptr) {
      const size_t at =
          static_cast<size_t>(static_cast<const char*>(newline) - data);
      text = std::string_view(data + begin_, at - begin_);
      begin_ = at + 1;
      break;
    }
    scanned_ = end_ - begin_;
    if (!Fill()) {
      if (error_ != ConllError::kNone || begin_ == end_) return false;
      text = std::string_view(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      break;
    }
  }
  scanned_ = 0;
  *out = text;
  *fields = splitter_.SplitInto(text, &fields_);
  return true;
}

#if defined(__SSE2__)
void ConllReader::Index() {
  if (positions_.size() < end_ + 16) positions_.resize(end_ + 16);
  const size_t n = IndexBytes(buffer_.data(), end_,
                              static_cast<char>(delimiter_), positions_.data());
  const uint32_t* out = positions_.data();
  position_count_ = n;
  next_position_ = static_cast<size_t>(
      std::lower_bound(out, out + n, static_cast<uint32_t>(begin_)) - out);
}

// Inlined into Next: the call per line was a tenth of the reading time.
[[gnu::always_inline]] inline bool ConllReader::ScanLine(std::string_view* out,
                                                         size_t* fields) {
  // The positions after begin_ are the line's delimiters, then its '\n'.
  // Members are copied to locals: the stores into fields_ could alias them
  // (size_t), which would reload each one per field.
  const char* data = buffer_.data();
  const uint32_t* positions = positions_.data();
  size_t position_count = position_count_;
  std::string_view* field = fields_.data();
  size_t capacity = fields_.size();
  size_t k = next_position_;
  size_t start = begin_;
  size_t count = 0;
  size_t length_end;  // offset of the line's '\n' (or of the data's end)
  bool at_end = false;
  while (true) {
    if (k == position_count) {
      if (at_end) {
        if (begin_ == end_) return false;
        length_end = end_;  // a last line without '\n'
        break;
      }
      // The line goes past the buffer: read more (this moves the data to
      // the front) and index it again, then split the line afresh.
      at_end = !Fill();
      if (error_ != ConllError::kNone) return false;
      Index();
      data = buffer_.data();
      positions = positions_.data();
      position_count = position_count_;
      k = next_position_;
      start = begin_;
      count = 0;
      continue;
    }
    const size_t at = positions[k++];
    if (data[at] == '\n') {
      length_end = at;
      break;
    }
    if (count + 2 > capacity) {
      fields_.resize(2 * (count + 2));
      field = fields_.data();
      capacity = fields_.size();
    }
    field[count++] = std::string_view(data + start, at - start);
    start = at + 1;
  }
  if (start < length_end) {
    if (count + 1 > capacity) {
      fields_.resize(count + 1);
      field = fields_.data();
    }
    field[count++] = std::string_view(data + start, length_end - start);
  } else {
    // The line ends with a delimiter: Perl drops trailing empty fields.
    while (count > 0 && field[count - 1].empty()) --count;
  }
  *out = std::string_view(data + begin_, length_end - begin_);
  *fields = count;
  begin_ = std::min(length_end + 1, end_);
  next_position_ = k;
  return true;
}
#endif

bool ConllReader::Next(ConllLine* line) {
  if (error_ != ConllError::kNone) return false;
  // The line is written straight into *line: a copy through a local view
  // cost a store-forwarding stall per line (a tenth of the reading time).
  size_t n = 0;
#if defined(__SSE2__)
  if (delimiter_ >= 0 ? !ScanLine(&line->text, &n)
                      : !SearchLine(&line->text, &n))
    return false;
#else
  if (!SearchLine(&line->text, &n)) return false;
#endif
  ++line_number_;
  line->number = line_number_;
  line->fields = std::span<const std::string_view>(fields_.data(), n);

  if (expected_fields_ == 0) {
    expected_fields_ = n;
  } else if (n != expected_fields_ && n != 0) {
    error_fields_ = n;
    Fail(ConllError::kFieldCount,
         Status::InvalidInput(
             "unexpected number of features: " + std::to_string(n) + " (" +
                 std::to_string(expected_fields_) + "): this line has " +
                 std::to_string(n) + " columns but the first line has " +
                 std::to_string(expected_fields_) + " (columns are split on '" +
                 splitter_.pattern() +
                 "' exactly, as conlleval.pl does; two spaces make an empty "
                 "column; use -d '\\t' for tab-separated files)",
             Where{name_, line_number_, "", ""}));
    return false;
  }
  if (!line->boundary() && n < 2) {
    error_line_ = std::string(line->text);
    Fail(ConllError::kTooFewFields,
         Status::InvalidInput(
             "a token line needs at least two columns (gold and predicted "
             "tag); this one has " +
                 std::to_string(n),
             Where{name_, line_number_, "", ""}));
    return false;
  }
  return true;
}

}  // namespace ieval
