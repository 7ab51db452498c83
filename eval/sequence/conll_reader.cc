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
// Bytes after the data that a 16-byte load may touch (never used).
constexpr size_t kPadding = 16;
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
bool ConllReader::ScanLine(std::string_view* out, size_t* fields) {
  // One pass, 16 bytes at a time: the line end and every delimiter before
  // it, as offsets from the line start (they survive Fill's move).
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i delimiter = _mm_set1_epi8(static_cast<char>(delimiter_));
  delimiters_.clear();
  size_t scanned = 0;  // bytes of the line scanned so far
  size_t length;
  while (true) {
    const char* line = buffer_.data() + begin_;
    const size_t available = end_ - begin_;
    bool found = false;
    for (; scanned < available; scanned += 16) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(line + scanned));
      auto nl = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)));
      auto dl = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(v, delimiter)));
      if (available - scanned < 16) {
        const uint32_t valid = (1u << (available - scanned)) - 1;
        nl &= valid;
        dl &= valid;
      }
      if (nl != 0) dl &= (nl & (0u - nl)) - 1;  // delimiters before the end
      for (; dl != 0; dl &= dl - 1)
        delimiters_.push_back(
            static_cast<uint32_t>(scanned) +
            static_cast<uint32_t>(__builtin_ctz(dl)));
      if (nl != 0) {
        length = scanned + static_cast<size_t>(__builtin_ctz(nl));
        found = true;
        break;
      }
    }
    if (found) break;
    scanned = available;
    if (!Fill()) {
      if (error_ != ConllError::kNone || begin_ == end_) return false;
      length = end_ - begin_;  // a last line without '\n'
      break;
    }
  }
  const char* line = buffer_.data() + begin_;
  const size_t n = delimiters_.size() + 1;
  if (fields_.size() < n) fields_.resize(n);
  size_t start = 0;
  for (size_t k = 0; k < delimiters_.size(); ++k) {
    fields_[k] = std::string_view(line + start, delimiters_[k] - start);
    start = delimiters_[k] + 1;
  }
  size_t count = delimiters_.size();
  if (start < length) {
    fields_[count++] = std::string_view(line + start, length - start);
  } else {
    // The line ends with a delimiter: Perl drops trailing empty fields.
    while (count > 0 && fields_[count - 1].empty()) --count;
  }
  *out = std::string_view(line, length);
  *fields = count;
  begin_ = std::min(begin_ + length + 1, end_);
  return true;
}
#endif

bool ConllReader::Next(ConllLine* line) {
  if (error_ != ConllError::kNone) return false;
  std::string_view text;
  size_t n = 0;
#if defined(__SSE2__)
  if (delimiter_ >= 0 ? !ScanLine(&text, &n) : !SearchLine(&text, &n))
    return false;
#else
  if (!SearchLine(&text, &n)) return false;
#endif
  ++line_number_;
  line->number = line_number_;
  line->text = text;
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
    error_line_ = std::string(text);
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
