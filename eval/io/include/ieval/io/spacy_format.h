// spaCy / Prodigy JSONL, one document per line: `text` with its spans as
//   Prodigy writes them: "spans": [{"start": 0, "end": 5, "label": "PER",
//                        "token_start": 0, "token_end": 0, "text": "Alice"}]
//   or as spaCy's Doc.to_json: "ents": [{"start": 0, "end": 5,
//                        "label": "PER"}]
// and the record's `meta`, `_input_hash`, `_task_hash`, `answer`, `tokens`
// and the other keys Prodigy and spaCy write. Prodigy's `relations`
// ({"head_span", "child_span", "label"}) are read too; a span's `kb_id` is
// its entity. eval/io/README.md ("spaCy / Prodigy") states every rule.
//
// Units: character offsets of the Python string, code points. A span with a
// `text` is checked against it; when only the UTF-16 reading (or the reading
// with CRLF as one character) picks it out, the offsets are converted and
// the repair reported, and when none does the line and span are named.
#ifndef IEVAL_IO_SPACY_FORMAT_H_
#define IEVAL_IO_SPACY_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Reads a JSONL file (`content`, the bytes of `file`); blank lines are
// skipped, and so are Prodigy records whose `answer` is "reject" or
// "ignore" (reported as a repair). Document id: options.id_field (a
// top-level key or meta.KEY), else the record's `doc_id`, else its line
// number. Mention ids are T1, T2… in the record's order. A record with both
// a `spans` list and `ents` is an error, and so are spaCy span groups
// (`spans` as an object) without `ents`.
Result<Corpus> ReadSpacy(std::string_view content, const std::string& file,
                         const FormatReadOptions& options,
                         std::vector<FormatRepair>* repairs);

// The corpus as Prodigy-style JSONL: `doc_id`, `text`, `spans` (start, end,
// label, text, and kb_id for a mention's entity) and `relations` (head_span,
// child_span, label; no token indices, as no tokens are written), so that
// ReadSpacy gives back the documents, spans, types, entities and relations
// (mention ids T1, T2…). `value` is not written. REQUIRES: every document has
// its text.
std::string WriteSpacy(const Corpus& corpus);

}  // namespace ieval

#endif  // IEVAL_IO_SPACY_FORMAT_H_
