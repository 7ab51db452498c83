// The fast path of ParseAnnotatedDocument (annotation_json.h): reads one
// well-formed document object straight into an AnnotatedDocument in one
// pass, without building a JSON tree (nlohmann's DOM costs about a dozen
// allocations per mention, which would dominate `ieval score` on JSONL;
// bench/README.md, "JSON and offsets", compares the two).
//
// It accepts only what the general parser would read without a single
// problem, and gives the same result then; on anything else (invalid JSON,
// a missing or mistyped field, "entities": null, a key repeated in any
// object, a key the format does not define unless `ignore_unknown_keys`, a
// float where an integer belongs, a number it would have to round, nesting
// deeper than 64) it gives up, and the general parser runs and
// words the problems. So it never has to report anything itself, and the two
// cannot disagree on a message. tests/eval/io/annotation_scanner_test.cc checks
// both paths give the same answer on thousands of mutated documents.
#ifndef IEVAL_IO_ANNOTATION_SCANNER_H_
#define IEVAL_IO_ANNOTATION_SCANNER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Reads `json`, whose first line is line `line` of its file, into `doc`
// (doc_id, text and has_text, offset_unit, mentions with their offsets as
// written and mention_lines, relations; not the source fields nor the
// conversion of offsets, which the caller adds). Returns false when it
// gives up; `doc` is then unspecified. REQUIRES: `json` is valid UTF-8.
bool ScanWellFormedDocument(std::string_view json, int64_t line,
                            AnnotatedDocument* doc,
                            bool ignore_unknown_keys = false);

// ParseAnnotatedDocument without the fast path: nlohmann's DOM for every
// document (for tests comparing the two).
std::optional<AnnotatedDocument> ParseAnnotatedDocumentWithDom(
    std::string_view json, const std::string& file, int64_t line,
    std::vector<Status>* problems,
    const FormatReadOptions& options = FormatReadOptions());

}  // namespace ieval

#endif  // IEVAL_IO_ANNOTATION_SCANNER_H_
