// The annotation file format of ../shared/INTERFACE.md: one JSON object per
// document (doc_id, optional text, offset_unit, entities, relations).
// nlohmann/json stays inside the .cc files of eval/io.
#ifndef IEVAL_IO_ANNOTATION_JSON_H_
#define IEVAL_IO_ANNOTATION_JSON_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Parses one document object from `json`. `file` and `line` (1-based line of
// the object's first character in that file) locate messages. Every problem
// found is appended to `problems` (invalid JSON with line and column, missing
// or mistyped fields, unknown offset_unit, invalid UTF-8 in the text, offsets
// off the text); the document is returned whenever the object could be read
// at all, so validation can report everything in one pass. When the object
// carries `text`, offsets are converted to code points here. A key the
// format does not define (in the document, a mention or a relation) is a
// problem naming it and the key probably meant ("entites": "entities"),
// unless options.ignore_unknown_keys.
std::optional<AnnotatedDocument> ParseAnnotatedDocument(
    std::string_view json, const std::string& file, int64_t line,
    std::vector<Status>* problems,
    const FormatReadOptions& options = FormatReadOptions());

struct WriteOptions {
  bool include_text = true;          // the document text ("text")
  bool include_mention_text = true;  // each mention's "text"
  bool pretty = false;               // indented (for .json files)
};

// One document as a JSON object in code points. With `pretty` false it is a
// single line (for JSONL). REQUIRES: offsets are code points.
std::string SerializeAnnotatedDocument(const AnnotatedDocument& doc,
                                       const WriteOptions& options = {});

}  // namespace ieval

#endif  // IEVAL_IO_ANNOTATION_JSON_H_
