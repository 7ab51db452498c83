#include "eval/sequence/conll_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ieval {
namespace {
constexpr size_t kInitialBuffer = 1 << 20;
// Bytes after the data that Index's loads may touch (never used).
constexpr size_t kPadding = 64;
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
  // 64 bytes per step: four 16-byte compares against '\n' and against the
  // delimiter, their masks packed into one bit per byte.
  const size_t words = (end_ + 63) / 64;
  newlines_.assign(words + 1, 0);  // one more word, always 0: see ScanLine
  delimiter_bits_.assign(words + 1, 0);
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i delimiter = _mm_set1_epi8(static_cast<char>(delimiter_));
  const char* data = buffer_.data();
  for (size_t w = 0; w < words; ++w) {
    uint64_t nl = 0, dl = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(
          reinterpret_cast<const __m128i*>(data + w * 64 + k * 16));
      nl |= static_cast<uint64_t>(static_cast<uint32_t>(
                _mm_movemask_epi8(_mm_cmpeq_epi8(v, newline))))
            << (16 * k);
      dl |= static_cast<uint64_t>(static_cast<uint32_t>(
                _mm_movemask_epi8(_mm_cmpeq_epi8(v, delimiter))))
            << (16 * k);
    }
    newlines_[w] = nl;
    delimiter_bits_[w] = dl;
  }
  // Bytes after the data are not the file's.
  if (end_ % 64 != 0 && words > 0) {
    const uint64_t valid = (uint64_t{1} << (end_ % 64)) - 1;
    newlines_[words - 1] &= valid;
    delimiter_bits_[words - 1] &= valid;
  }
}

// Inlined into Next: the call per line was a tenth of the reading time.
[[gnu::always_inline]] inline bool ConllReader::ScanLine(std::string_view* out,
                                                         size_t* fields) {
  // The line end: the first newline bit at or after begin_.
  size_t length_end;  // offset of the line's '\n' (or of the data's end)
  while (true) {
    const size_t words = newlines_.empty() ? 0 : newlines_.size() - 1;
    size_t w = begin_ / 64;
    uint64_t bits =
        w < words ? newlines_[w] & (~uint64_t{0} << (begin_ % 64)) : 0;
    while (bits == 0 && ++w < words) bits = newlines_[w];
    if (bits != 0) {
      length_end = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      break;
    }
    const bool more = Fill();  // moves the data: index it again
    if (error_ != ConllError::kNone) return false;
    Index();
    if (!more) {
      if (begin_ == end_) return false;
      length_end = end_;  // a last line without '\n'
      break;
    }
  }
  // The fields: split at the delimiter bits in [begin_, length_end). The
  // index has one word past the data, so length_end / 64 is always a word.
  const char* data = buffer_.data();
  size_t count = 0;
  size_t start = begin_;
  const size_t last_word = length_end / 64;
  for (size_t w = begin_ / 64; w <= last_word; ++w) {
    uint64_t bits = delimiter_bits_[w];
    if (w == begin_ / 64) bits &= ~uint64_t{0} << (begin_ % 64);
    if (w == last_word) bits &= (uint64_t{1} << (length_end % 64)) - 1;
    for (; bits != 0; bits &= bits - 1) {
      const size_t at = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      if (count + 2 > fields_.size()) fields_.resize(2 * (count + 2));
      fields_[count++] = std::string_view(data + start, at - start);
      start = at + 1;
    }
  }
  if (start < length_end) {
    if (count + 1 > fields_.size()) fields_.resize(count + 1);
    fields_[count++] = std::string_view(data + start, length_end - start);
  } else {
    // The line ends with a delimiter: Perl drops trailing empty fields.
    while (count > 0 && fields_[count - 1].empty()) --count;
  }
  *out = std::string_view(data + begin_, length_end - begin_);
  *fields = count;
  begin_ = std::min(length_end + 1, end_);
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
