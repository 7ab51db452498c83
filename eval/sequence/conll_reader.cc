#include "eval/sequence/conll_reader.h"

#include <cerrno>
#include <cstring>

namespace ieval {
namespace {
constexpr size_t kInitialBuffer = 1 << 20;
}  // namespace

ConllReader::ConllReader(std::FILE* file, std::string name,
                         FieldSplitter splitter)
    : file_(file),
      name_(std::move(name)),
      splitter_(std::move(splitter)),
      buffer_(kInitialBuffer) {}

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

bool ConllReader::Next(ConllLine* line) {
  if (error_ != ConllError::kNone) return false;
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
  ++line_number_;
  const size_t n = splitter_.SplitInto(text, &fields_);
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
