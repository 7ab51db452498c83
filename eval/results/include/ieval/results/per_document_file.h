// The per-document counts of a score object (`ieval score --json`, or a
// variant's "scores" in a run report), wherever they are: in its
// "documents" array, or, when it names one under "per_document", in that
// JSON Lines file (`ieval score --per-document FILE`: one document's
// counts per line, each line what "documents" would hold). `ieval compare`
// and `ieval gate` read them through here, so that a report whose counts
// were streamed to a file is read as one that holds them.
#ifndef IEVAL_RESULTS_PER_DOCUMENT_FILE_H_
#define IEVAL_RESULTS_PER_DOCUMENT_FILE_H_

#include <optional>
#include <string>

#include "ieval/core/status.h"
#include "ieval/io/json_reader.h"

namespace ieval {

// The documents of one score object; `documents` is valid while this
// lives (it points into `file` when they came from a file).
struct ScoreDocuments {
  std::optional<JsonDocument> file;  // the --per-document file, parsed
  std::optional<JsonValue> documents;
  std::string path;  // where they were read: the report, or the file
};

// `scores`' documents. A "per_document" link is resolved relative to the
// folder of `report_path` (the file `scores` was read from) unless it is
// absolute. kInvalidInput (exit 2) when "documents" is not an array, when
// the linked file is missing or unreadable, a line is not JSON, or the
// file does not match the scores: not one line per document of
// "corpus"."documents", or entity counts in strict mode that do not add up
// to "entities"."strict"."overall" (a file of another run).
Result<ScoreDocuments> LoadScoreDocuments(const JsonValue& scores,
                                          const std::string& report_path);

}  // namespace ieval

#endif  // IEVAL_RESULTS_PER_DOCUMENT_FILE_H_
