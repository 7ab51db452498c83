// The one checked way ieval reads a JSON file that is not an annotation
// file: run configs, variants files, gate rules, score files and report.json
// read back, Google Benchmark output, label sets, --map files. Files come
// from people, other tools and pull requests, so reading never crashes and
// never guesses:
//  - parsing bounds the nesting depth (kMaxJsonDepth) and the size of a file
//    read whole (MaxJsonFileBytes()), refuses a key repeated in one object
//    (the last value would silently win) and numbers no double can hold;
//  - a parse error names the line, column and kind of error but never
//    quotes the input (a broken file may hold a secret, and the message may
//    end up in a CI log);
//  - values are read through JsonValue, a view that knows its JSON path, so
//    a wrong type or an out-of-range number is an error naming the file, the
//    path and what was expected:
//      run.json: $.statistics.resamples: expected an integer ≥ 1, not 0
// Errors are kInvalidInput (exit 2), kIoError when the file cannot be read.
// The annotation readers (annotation_json.h) share the parser and its
// limits. nlohmann/json stays inside eval/io.
#ifndef IEVAL_IO_JSON_READER_H_
#define IEVAL_IO_JSON_READER_H_

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

// Deeper nesting is refused. No file ieval reads needs more than a dozen
// levels, and code walking a tree recurses.
inline constexpr int kMaxJsonDepth = 512;

// A JSON file read whole (everything but JSONL, which is streamed) may be at
// most this many MiB, unless the environment variable below says otherwise:
// the tree takes several times the file's size in memory, and a CI job
// should fail with a message, not be killed for its memory.
inline constexpr int64_t kDefaultMaxJsonFileMiB = 512;
inline constexpr char kMaxJsonFileMiBVariable[] = "IEVAL_MAX_JSON_MB";

// kDefaultMaxJsonFileMiB MiB, or $IEVAL_MAX_JSON_MB MiB when that is set to
// a positive integer.
int64_t MaxJsonFileBytes();

// kInvalidInput when `bytes` exceeds MaxJsonFileBytes(), naming the limit
// and how to raise it; `what` is "a JSON file", "a JSON document"…
Status CheckJsonFileSize(int64_t bytes, const std::string& path,
                         std::string_view what = "a JSON file");

// The bytes of `path`, read whole, for callers that keep the text as well
// as parse it (`ieval gate --update-baseline` copies it). kIoError when it
// cannot be read; kInvalidInput, before reading it all, when it is larger
// than MaxJsonFileBytes().
Result<std::string> ReadJsonFileText(const std::string& path);

class JsonDocument;

// One value of a parsed JsonDocument, with its JSON path ("$",
// "$.variants[3].options.timeout", "$.map[\"a b\"]"). Cheap to copy; valid
// while its document lives. Every check returns kInvalidInput at the file:
//   "$.jobs: expected an integer ≥ 1, not \"two\""
class JsonValue {
 public:
  const std::string& path() const { return path_; }
  const std::string& file() const;

  bool is_null() const;
  bool is_bool() const;
  bool is_number() const;
  bool is_integer() const;  // a number written without fraction or exponent
  bool is_string() const;
  bool is_array() const;
  bool is_object() const;

  // What the value is, for messages: "null", "true", "an object", "an
  // array", "the string \"ab\"" (long strings cut), the number itself.
  std::string Describe() const;

  // "PATH: what" at the file.
  Status Error(std::string_view what) const;
  // "PATH: expected WHAT, not DESCRIPTION".
  Status Expected(std::string_view what) const;

  Result<std::string> String() const;
  Result<std::string> NonEmptyString() const;
  // One of `choices` ("expected \"a\", \"b\" or \"c\"").
  Result<std::string> OneOf(
      std::initializer_list<std::string_view> choices) const;
  Result<bool> Bool() const;
  // An integer in [min, max]; a float (1.0, 1e3) is not one.
  Result<int64_t> Integer(
      int64_t min = std::numeric_limits<int64_t>::min(),
      int64_t max = std::numeric_limits<int64_t>::max()) const;
  // Any integer in [0, 2^64) (seeds).
  Result<uint64_t> Unsigned() const;
  // A finite number in [min, max].
  Result<double> Number(
      double min = -std::numeric_limits<double>::infinity(),
      double max = std::numeric_limits<double>::infinity()) const;
  // A count read back from a file ieval or another tool wrote: a number ≥ 0
  // that is a multiple of `step` (1: a whole number, 3.0 as well as 3; 0.5:
  // the half credits of partial matching).
  Result<double> Count(double step = 1) const;

  // Objects. Find: the member, or nullopt when absent (or not an object).
  std::optional<JsonValue> Find(std::string_view key) const;
  // The member, or "PATH: missing \"key\"" (or "expected an object").
  Result<JsonValue> Get(std::string_view key) const;
  Status ExpectObject() const;
  // "PATH: unknown key \"k\" (known: a, b, c)" for the first member not in
  // `allowed`; also "expected an object".
  Status OnlyKeys(std::initializer_list<std::string_view> allowed) const;
  // The members in key order; empty unless an object.
  std::vector<std::pair<std::string, JsonValue>> Members() const;

  // Arrays. Elements: empty unless an array.
  Status ExpectArray() const;
  std::vector<JsonValue> Elements() const;
  // Elements of an array or members of an object; 0 otherwise.
  size_t size() const;

  // The value as compact JSON text (keys in order).
  std::string Dump() const;

 private:
  friend class JsonDocument;
  JsonValue(const void* node, const std::string* file, std::string path)
      : node_(node), file_(file), path_(std::move(path)) {}
  JsonValue Child(const void* node, std::string step) const;

  const void* node_;  // a nlohmann::json of the document
  const std::string* file_;
  std::string path_;
};

// A parsed JSON text. Move-only: its values point into it.
class JsonDocument {
 public:
  // Parses `text`; `file` names it in every message. kInvalidInput for
  // invalid JSON ("FILE:LINE: invalid JSON at column C: …"), a duplicate key
  // or nesting beyond kMaxJsonDepth ("FILE:LINE: PATH: duplicate key \"k\"
  // (column C)"), or a text larger than MaxJsonFileBytes().
  static Result<JsonDocument> Parse(std::string_view text, std::string file);
  // ReadJsonFileText, then Parse.
  static Result<JsonDocument> Read(const std::string& path);

  JsonDocument(JsonDocument&&) noexcept;
  JsonDocument& operator=(JsonDocument&&) noexcept;
  ~JsonDocument();

  JsonValue root() const;
  const std::string& file() const;

 private:
  struct Tree;  // the nlohmann tree and the file name (json_reader.cc)
  explicit JsonDocument(std::unique_ptr<Tree> tree);
  std::unique_ptr<Tree> tree_;
};

}  // namespace ieval

#endif  // IEVAL_IO_JSON_READER_H_
