// Status and Result: how every ieval library reports failure without
// throwing. A Status names the offending piece (file, line, document,
// annotation) so a user can find it, as re2's error_arg() does; the CLI maps
// its code to an exit code in one place (app/cli/exit_codes.h).
#ifndef IEVAL_CORE_STATUS_H_
#define IEVAL_CORE_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ieval {

// Where a problem is. Every field is optional; ToString() prints the ones set
// as `file:line: doc_id: annotation_id:`.
struct Where {
  std::string file;
  int64_t line = 0;  // 1-based; 0 = unknown
  std::string doc_id;
  std::string annotation_id;

  std::string ToString() const;
};

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidInput,     // bad file contents (exit 2)
    kUsage,            // bad command-line usage (exit 2)
    kIoError,          // cannot read or write a file (exit 2)
    kExtractorFailed,  // an extractor crashed, hung or returned garbage (3)
    kUnavailable,      // a variant's requirement (a program, a file) is
                       // missing: `ieval run` skips it, others exit 2
    kInternal,         // a bug in ieval
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message, Where where = {}) {
    return Status(Code::kInvalidInput, std::move(message), std::move(where));
  }
  static Status Usage(std::string message) {
    return Status(Code::kUsage, std::move(message), {});
  }
  static Status IoError(std::string message, Where where = {}) {
    return Status(Code::kIoError, std::move(message), std::move(where));
  }
  static Status ExtractorFailed(std::string message, Where where = {}) {
    return Status(Code::kExtractorFailed, std::move(message), std::move(where));
  }
  static Status Unavailable(std::string message) {
    return Status(Code::kUnavailable, std::move(message), {});
  }
  static Status Internal(std::string message) {
    return Status(Code::kInternal, std::move(message), {});
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const Where& where() const { return where_; }

  // `file:line: doc_id: annotation_id: message`, leaving out what is unset.
  std::string ToString() const;

 private:
  Status(Code code, std::string message, Where where)
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  Code code_ = Code::kOk;
  std::string message_;
  Where where_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace ieval

#endif  // IEVAL_CORE_STATUS_H_
