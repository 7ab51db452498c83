// Internal to ieval::io: what the readers of annotation tools' exports
// (Label Studio, doccano, spaCy/Prodigy, WebAnno TSV) share: refusing keys a
// format does not define (with the key meant), finding a record's document
// id, reading JSONL records with their line numbers, and working out in
// which unit a tool counted its offsets.
#ifndef IEVAL_EVAL_IO_FOREIGN_FORMAT_H_
#define IEVAL_EVAL_IO_FOREIGN_FORMAT_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"
#include "ieval/io/json_reader.h"

namespace ieval::foreign {

// The words of `space_separated` (the views point into it): the keys a
// format defines, listed compactly.
std::vector<std::string_view> Keys(std::string_view space_separated);

// The key of `known` closest to `key` by edit distance, when it is close
// enough to be a typo (at most 2 edits, fewer than half of `key`'s
// characters); empty otherwise. "entites" -> "entities".
std::string ClosestKey(std::string_view key,
                       const std::vector<std::string_view>& known);

// Ok, or kInvalidInput for the first member of `object` whose key is not
// one of `known` (space-separated) and for which `also_allowed` (when set)
// returns false:
//   "$[2].annotations[0]: unknown key \"reslt\" (did you mean \"result\"?);
//    --ignore-unknown-keys reads the file anyway"
// Always ok when options.ignore_unknown_keys.
Status CheckKeys(
    const JsonValue& object, std::string_view known,
    const FormatReadOptions& options, const std::string& doc_id,
    const std::function<bool(const std::string&, const JsonValue&)>&
        also_allowed = nullptr);

// `text` for a message on one line: control characters (line breaks, tabs)
// as \uXXXX escapes, everything else as it is.
std::string Printable(std::string_view text);

// A JSON value used as an id: a string as it is, an integer in decimal.
// nullopt for anything else.
std::optional<std::string> IdText(const JsonValue& value);

// The value `id_field` names in `record`: a top-level key, or `meta.KEY`.
// nullopt when absent.
std::optional<JsonValue> FindIdField(const JsonValue& record,
                                     const std::string& id_field);

// kInvalidInput with value.Error(what)'s message (the JSON path), placed
// in the file and the document `doc_id`.
Status At(const JsonValue& value, std::string_view what,
          const std::string& doc_id);

// A record's document id: the value of --id-field (options.id_field) when
// given, an error when the record lacks it; else the first of `keys` the
// record has; else the 1-based `line`. A string or an integer, non-empty.
Result<std::string> RecordId(const JsonValue& record,
                             const FormatReadOptions& options, int64_t line,
                             std::initializer_list<std::string_view> keys);

// `content` without a leading UTF-8 byte-order mark, which Windows editors
// and some exports write and no JSON or TSV parser takes; reported when
// there is one.
std::string_view SkipByteOrderMark(std::string_view content,
                                   const std::string& file,
                                   std::vector<FormatRepair>* repairs);

// One JSONL record: its parsed text and 1-based line.
struct JsonlRecord {
  JsonDocument json;
  int64_t line = 0;
};

// Calls `visit` with each non-blank line of `content` parsed as JSON, in
// order; stops at the first error (of parsing, or one `visit` returns).
// Parse errors carry the line in the file.
Status ForEachJsonlRecord(
    std::string_view content, const std::string& file,
    const std::function<Status(const JsonValue& record, int64_t line)>& visit);

// A corpus of JSONL records, one document each (doccano, spaCy): `read`
// makes the document of a record (nullopt: the record holds none); a
// document id used twice is an error naming both lines and --id-field.
// A leading byte-order mark is skipped and reported.
Result<Corpus> ReadJsonlCorpus(
    std::string_view content, const std::string& file,
    std::vector<FormatRepair>* repairs,
    const std::function<Result<std::optional<AnnotatedDocument>>(
        const JsonValue& record, int64_t line)>& read);

// The text of a JSONL line or `data` value as UTF-8 checked for validity:
// kInvalidInput naming the byte offset of the first invalid sequence.
Status CheckUtf8(std::string_view text, const JsonValue& where,
                 const std::string& doc_id);

// How a tool's [start, end) relates to the text.
enum class SpanUnit {
  kCodepoints,  // Python's str, current Label Studio and doccano
  kUtf16,       // JavaScript's and Java's String: older Label Studio and
                // doccano, WebAnno/INCEpTION
  kCrlfAsOne,   // code points of the text with each CRLF read as one
                // character (a browser's view of a CRLF text)
};

// Converts offsets a tool gave in some unit to code points of one text.
class SpanConverter {
 public:
  // REQUIRES: `text` is valid UTF-8 and outlives the converter.
  explicit SpanConverter(std::string_view text);

  const OffsetIndex& index() const { return index_; }
  std::string_view text() const { return text_; }
  bool has_crlf() const { return !crlf_.empty(); }
  // True when some code point needs two UTF-16 units (outside the BMP).
  bool has_astral() const {
    return index_.utf16_units() != index_.codepoints();
  }

  // [start, end) in `unit` as code points; nullopt when it is not a span of
  // the text in that unit (outside it, start >= end, inside a character).
  std::optional<std::pair<int64_t, int64_t>> ToCodepoints(int64_t start,
                                                          int64_t end,
                                                          SpanUnit unit) const;

  // The first unit (in the order above) in which [start, end) picks out
  // exactly `expected`; nullopt when none does.
  std::optional<SpanUnit> MatchText(int64_t start, int64_t end,
                                    std::string_view expected) const;

  // What [start, end) picks out read as code points, for messages: the
  // JSON-quoted text, or "nothing (not a span of the text)".
  std::string DescribeSpan(int64_t start, int64_t end) const;

  // The message for a span MatchText found in no unit: "start 3, end 14
  // pick out \"…\", not <what> \"Kim\" (in code points, UTF-16 units or
  // with CRLF as one character)", and what would match when the offsets
  // count UTF-8 bytes, which none of these formats does.
  std::string Mismatch(int64_t start, int64_t end, std::string_view expected,
                       std::string_view what) const;

 private:
  std::string_view text_;
  OffsetIndex index_;
  std::vector<int64_t> crlf_;  // code point index of each CR of a CRLF
};

// "offsets converted from UTF-16 units to code points" and the like: the
// FormatRepair text for reading a span in `unit`.
std::string RepairText(std::string_view tool, SpanUnit unit);

}  // namespace ieval::foreign

#endif  // IEVAL_EVAL_IO_FOREIGN_FORMAT_H_
