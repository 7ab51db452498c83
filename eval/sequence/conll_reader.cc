#include "eval/sequence/conll_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ieval {
namespace {
constexpr size_t kInitialBuffer = 1 << 20;
}  // namespace

ConllReader::ConllReader(std::FILE* file, std::string name,
                         FieldSplitter splitter)
    : file_(file),
      name_(std::move(name)),
      splitter_(std::move(splitter)),
      buffer_(kInitialBuffer),
      delimiter_(splitter_.single_byte()) {}

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
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const size_t n =
      std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
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

void ConllReader::Index(size_t from) {
  const char* data = buffer_.data();
  const char delimiter = static_cast<char>(delimiter_);
  size_t i = from;
  // At most one mark per byte.
  if (marks_capacity_ < marks_size_ + (end_ - from)) {
    const size_t capacity = marks_size_ + buffer_.size();
    std::unique_ptr<uint32_t[]> grown(new uint32_t[capacity]);
    std::copy(marks_.get(), marks_.get() + marks_size_, grown.get());
    marks_ = std::move(grown);
    marks_capacity_ = capacity;
  }
  uint32_t* out = marks_.get() + marks_size_;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i delim = _mm_set1_epi8(delimiter);
  for (; i + 16 <= end_; i += 16) {
    const __m128i v =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, delim))));
    while (mask != 0) {
      *out++ = static_cast<uint32_t>(i) +
               static_cast<uint32_t>(__builtin_ctz(mask));
      mask &= mask - 1;
    }
  }
#endif
  for (; i < end_; ++i) {
    if (data[i] == '\n' || data[i] == delimiter)
      *out++ = static_cast<uint32_t>(i);
  }
  marks_size_ = static_cast<size_t>(out - marks_.get());
}

bool ConllReader::NextIndexedLine(std::string_view* text, size_t* fields) {
  while (true) {
    const char* data = buffer_.data();
    size_t k = next_mark_;
    while (k < marks_size_ && data[marks_[k]] != '\n') ++k;
    size_t line_end;
    if (k < marks_size_) {
      line_end = marks_[k];
    } else if (!eof_) {
      // No newline indexed: move what is left to the front (and its marks
      // with it), read more, index it.
      const size_t shift = begin_;
      const size_t pending = marks_size_ - next_mark_;
      for (size_t m = 0; m < pending; ++m)
        marks_[m] = marks_[next_mark_ + m] - static_cast<uint32_t>(shift);
      marks_size_ = pending;
      next_mark_ = 0;
      const size_t indexed = end_ - shift;
      if (Fill()) {
        if (buffer_.size() > std::numeric_limits<uint32_t>::max()) {
          // A line of 4 GiB: offsets no longer fit; search instead.
          delimiter_ = -1;
          return NextLine(text, fields);
        }
        Index(indexed);
        continue;
      }
      if (error_ != ConllError::kNone) return false;
      continue;  // at the end now: the branch below
    } else {
      if (begin_ == end_) return false;
      line_end = end_;  // a last line without '\n'
      k = marks_size_;
    }
    // Fields: the pieces between the delimiters of [begin_, line_end).
    const size_t count = k - next_mark_;
    if (fields_.size() < count + 1) fields_.resize(count + 1);
    size_t n = 0;
    size_t field = begin_;
    for (size_t m = next_mark_; m < k; ++m) {
      fields_[n++] = std::string_view(data + field, marks_[m] - field);
      field = marks_[m] + 1;
    }
    if (field < line_end) {
      fields_[n++] = std::string_view(data + field, line_end - field);
    } else {
      // The line ends with a delimiter: Perl drops trailing empty fields.
      while (n > 0 && fields_[n - 1].empty()) --n;
    }
    *text = std::string_view(data + begin_, line_end - begin_);
    *fields = n;
    begin_ = line_end < end_ ? line_end + 1 : end_;
    next_mark_ = k < marks_size_ ? k + 1 : k;
    return true;
  }
}

bool ConllReader::NextLine(std::string_view* out, size_t* fields) {
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

bool ConllReader::Next(ConllLine* line) {
  if (error_ != ConllError::kNone) return false;
  std::string_view text;
  size_t n = 0;
  if (delimiter_ >= 0 ? !NextIndexedLine(&text, &n) : !NextLine(&text, &n))
    return false;
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
