// The counts of a score file (`ieval score --json`) or of a run report's
// variant, checked when a command reads them back (`ieval compare`, `ieval
// gate`). Those files come from pull requests and other tools as often as
// from ieval, and a paired test fed a negative or fractional count gives a
// verdict, not an error; so a count that ieval could not have written is an
// error naming the file and its JSON path.
#ifndef IEVAL_RESULTS_SCORE_COUNTS_H_
#define IEVAL_RESULTS_SCORE_COUNTS_H_

#include "ieval/core/status.h"
#include "ieval/io/json_reader.h"

namespace ieval {

// Checks `scores` (the object holding "entities" and "documents"):
//  - "documents" is an array of objects with a string "doc_id", and every
//    other value in them is an object or a count: a whole number ≥ 0,
//    except the half credits of partial matching (multiples of 0.5) and the
//    clusters' weighted numerators (any number ≥ 0);
//  - every "overall" and "per_type" block of "entities" and "relations" has
//    counts by the same rules, and tp and fn of at most "support";
//  - every "values" block has 0 ≤ correct ≤ matched.
// kInvalidInput at the first that is not ("$.documents[3].entities.strict.
// tp: expected a count (an integer ≥ 0), not -1").
Status CheckScoreCounts(const JsonValue& scores);
// The same with the documents given apart (read from a --per-document
// file, per_document_file.h).
Status CheckScoreCounts(const JsonValue& scores, const JsonValue& documents);

}  // namespace ieval

#endif  // IEVAL_RESULTS_SCORE_COUNTS_H_
