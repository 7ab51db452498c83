// Label Studio's JSON export (Export -> JSON): a list of tasks, each with its
// `data` (the text under `data.text`), the `annotations` people made and the
// `predictions` models made. A text span is a result of type "labels"
// ({"id", "value": {"start", "end", "text", "labels": [TYPE]}}); a relation
// is a result of type "relation" ({"from_id", "to_id", "direction",
// "labels"}). eval/io/README.md ("Label Studio") states every rule.
//
// Units: Label Studio ≥ 1.6 (label-studio-frontend#308, 2022) counts
// value.start/end in code points; earlier versions counted UTF-16 units, the
// length of a JavaScript string (label-studio#1347, #1008). Every span is
// checked against its value.text: when only the UTF-16 reading (or the
// reading with CRLF as one character) picks out value.text, the offsets are
// converted and the repair is reported; when no reading does, the task and
// result id are named.
#ifndef IEVAL_IO_LABEL_STUDIO_FORMAT_H_
#define IEVAL_IO_LABEL_STUDIO_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Reads a whole export (`content`, the bytes of `file`). One document per
// task, in file order. Which annotation is read:
//  - options.annotator empty: the task's one annotation that was not
//    cancelled (skipped); a task with several is an error listing the
//    annotators, a task with none an error too;
//  - options.annotator "ID" or an e-mail: that annotator's annotation
//    (`completed_by`, a user id or an object with `id` and `email`);
//  - options.annotator "predictions" or "predictions:MODEL_VERSION": the
//    task's prediction (the one of that model version).
// Document id: data[options.id_field], else data.doc_id, else the task's
// `id`, else its 1-based position. Errors are kInvalidInput naming the file,
// the JSON path, the task and the result id; repairs are appended.
Result<Corpus> ReadLabelStudio(std::string_view content,
                               const std::string& file,
                               const FormatReadOptions& options,
                               std::vector<FormatRepair>* repairs);

// The corpus as a Label Studio JSON export that ReadLabelStudio reads back
// to the same documents, mentions (ids kept as result ids) and relations:
// one task per document (`id` its 1-based position, data.text, data.doc_id),
// one annotation by user 1. `entity` and `value` have no place in the
// format and are not written. Offsets are code points. REQUIRES: every
// document has its text.
std::string WriteLabelStudio(const Corpus& corpus);

}  // namespace ieval

#endif  // IEVAL_IO_LABEL_STUDIO_FORMAT_H_
