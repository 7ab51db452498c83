#include "ieval/sequence/conll_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "ieval/sequence/byte_index.h"

namespace ieval {
namespace {
// The read buffer (grown only for a longer line) and the bytes indexed at
// once. Small enough to stay in the L2 cache between fread, the index and
// the scan, and to cost few page faults in a short-lived process: larger
// sizes are no faster in-process, and the whole `ieval conlleval` pays for
// the pages they fault in (bench/README.md, "Whole process: CoNLL files and
// start-up").
constexpr size_t kInitialBuffer = 256 << 10;
constexpr size_t kIndexChunk = 16 << 10;
// Bytes after the data that the index's loads may touch (never used).
constexpr size_t kPadding = 64;

// What to add to a column-count message when the line ends in '\r': with
// Windows line endings every blank line is "\r", one column, and the
// count alone would not say why.
std::string CarriageReturnHint(std::string_view line) {
  if (line.empty() || line.back() != '\r') return "";
  return "; the line ends in \\r (Windows line endings): convert the file "
         "with dos2unix or tr -d '\\r'";
}

}  // namespace

ConllReader::ConllReader(std::FILE* file, std::string name,
                         FieldSplitter splitter)
    : file_(file),
      name_(std::move(name)),
      splitter_(std::move(splitter)),
      buffer_(new char[kInitialBuffer + kPadding]),
      buffer_size_(kInitialBuffer + kPadding) {
  delimiter_ = splitter_.single_byte();
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
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const size_t capacity = buffer_size_ - kPadding;
  if (end_ == capacity) {
    // A line longer than the buffer: twice the room.
    std::unique_ptr<char[]> larger(new char[capacity * 2 + kPadding]);
    std::memcpy(larger.get(), buffer_.get(), end_);
    buffer_ = std::move(larger);
    buffer_size_ = capacity * 2 + kPadding;
  }
  const size_t n = std::fread(buffer_.get() + end_, 1,
                              buffer_size_ - kPadding - end_, file_);
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
  // The padding's bytes are loaded by the index (and ignored): give them
  // values.
  std::memset(buffer_.get() + end_, 0, kPadding);
  return true;
}

bool ConllReader::SearchLine(std::string_view* out, size_t* fields) {
  std::string_view text;
  while (true) {
    const char* data = buffer_.get();
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
      text = std::string_view(buffer_.get() + begin_, end_ - begin_);
      begin_ = end_;
      break;
    }
  }
  scanned_ = 0;
  *out = text;
  *fields = splitter_.SplitInto(text, &fields_);
  return true;
}

void ConllReader::IndexNext() {
  // A chunk at a time: the offsets stay in the cache, and a small file does
  // not pay for a large index.
  const size_t from = indexed_end_;
  const size_t to = std::min(end_, from + kIndexChunk);
  if (positions_ == nullptr) positions_.reset(new uint32_t[kIndexChunk + 16]);
  position_count_ =
      IndexLineBytes(buffer_.get() + from, to - from,
                     static_cast<char>(delimiter_), positions_.get());
  position_base_ = from;
  indexed_end_ = to;
}

// Inlined into Next: a regular line costs a few loads, so a call per line
// would be a sizeable share of reading it.
[[gnu::always_inline]] inline bool ConllReader::ScanLine(std::string_view* out,
                                                         size_t* fields) {
  // The positions after begin_ are the line's delimiters, then its '\n'.
  // Members are copied to locals: the stores into fields_ could alias them
  // (size_t), which would reload each one per field.
  const char* data = buffer_.get();
  const uint32_t* positions = positions_.get();
  size_t position_count = position_count_;
  size_t base = position_base_;
  std::string_view* field = fields_.data();
  size_t capacity = fields_.size();
  size_t k = next_position_;
  size_t start = begin_;
  size_t count = 0;
  size_t length_end;  // offset of the line's '\n' (or of the data's end)
  bool at_end = false;
  while (true) {
    if (k == position_count) {
      if (indexed_end_ == end_) {
        if (at_end) {
          if (begin_ == end_) return false;
          length_end = end_;  // a last line without '\n'
          break;
        }
        // The line goes past the buffer: read more (this may move the
        // data to the front), then index and split the line afresh.
        at_end = !Fill();
        if (error_ != ConllError::kNone) return false;
        data = buffer_.get();
        indexed_end_ = begin_;
        start = begin_;
        count = 0;
      }
      IndexNext();
      positions = positions_.get();
      position_count = position_count_;
      base = position_base_;
      k = 0;
      continue;
    }
    const size_t at = base + positions[k++];
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

bool ConllReader::Next(ConllLine* line) {
  if (error_ != ConllError::kNone) return false;
  // The line is written straight into *line: a copy through a local view
  // costs a store-forwarding stall per line.
  size_t n = 0;
  if (delimiter_ >= 0 ? !ScanLine(&line->text, &n)
                      : !SearchLine(&line->text, &n))
    return false;
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
                 "column; use -d '\\t' for tab-separated files)" +
                 CarriageReturnHint(line->text),
             Where{name_, line_number_, "", ""}));
    return false;
  }
  if (!line->boundary() && n < 2) {
    error_line_ = std::string(line->text);
    Fail(ConllError::kTooFewFields,
         Status::InvalidInput(
             "a token line needs at least two columns (gold and predicted "
             "tag); this one has " +
                 std::to_string(n) + CarriageReturnHint(line->text),
             Where{name_, line_number_, "", ""}));
    return false;
  }
  return true;
}

}  // namespace ieval
