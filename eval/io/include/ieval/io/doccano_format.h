// doccano's JSONL export of a sequence-labelling project, one document per
// line, in both shapes doccano has written:
//   current: {"id": 7, "text": "…", "entities": [{"id": 1, "label": "PER",
//             "start_offset": 0, "end_offset": 5}], "relations": [{"id": 1,
//             "from_id": 1, "to_id": 2, "type": "leader_of"}], "Comments": []}
//   older:   {"id": 7, "text": "…", "label": [[0, 5, "PER"]]} (also
//             "labels", the import shape)
// eval/io/README.md ("doccano") states every rule.
//
// Units: doccano counts characters of the Python string, code points; its
// first versions took the offsets from the browser, UTF-16 units
// (doccano#99). doccano carries no span text, so the unit is checked only
// where the two readings differ in what they allow: a document whose spans
// are not all spans of the text in code points but all are in UTF-16 units
// is converted and the repair reported; spans that fit neither are an error.
// Spans that fit both in a text with characters outside the BMP are read as
// code points and reported, as the offsets alone cannot tell.
#ifndef IEVAL_IO_DOCCANO_FORMAT_H_
#define IEVAL_IO_DOCCANO_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Reads a JSONL export (`content`, the bytes of `file`); blank lines are
// skipped. Document id: options.id_field (a top-level key or meta.KEY), else
// the record's `doc_id`, else its `id`, else its line number. Mention ids
// are "T" + the entity's id (current shape) or "T1", "T2"… in line order
// (older shape). Top-level keys doccano does not define are metadata
// doccano copies from the import when their values are strings, numbers,
// booleans or null; any other unknown key is an error naming it (and the key
// meant when it is close) unless options.ignore_unknown_keys.
Result<Corpus> ReadDoccano(std::string_view content, const std::string& file,
                           const FormatReadOptions& options,
                           std::vector<FormatRepair>* repairs);

// The corpus in the current shape, one line per document, with `doc_id`
// and `id` (the 1-based line) at the top level and entity ids 1, 2… in
// mention order, so ReadDoccano gives back the documents, spans, types and
// relations (mention ids T1, T2…). `entity` and `value` are not written.
// REQUIRES: every document has its text.
std::string WriteDoccano(const Corpus& corpus);

}  // namespace ieval

#endif  // IEVAL_IO_DOCCANO_FORMAT_H_
