// Internal to ieval::results: a shard's GroundingSummary in its counts
// file's end line, so that merging the shards of predictions given by
// their text gives the grounding, by-alignment, string and policy blocks
// of the unsharded score. Every part is a sum over documents
// (GroundingSummary::operator+=), written as integers and the half
// credits of partial matching. The shape is in eval/README.md, "Counts
// files".
#ifndef IEVAL_RESULTS_GROUNDING_COUNTS_H_
#define IEVAL_RESULTS_GROUNDING_COUNTS_H_

#include <string>

#include "ieval/core/status.h"
#include "ieval/io/json_reader.h"
#include "ieval/score/grounding_summary.h"

namespace ieval {

// `summary` (its options aside: they are in the header) as a JSON object.
void EncodeGrounding(const GroundingSummary& summary, std::string* out);

// Reads what EncodeGrounding wrote into `summary`, whose options the
// caller sets. kInvalidInput naming the JSON path at anything else.
Status DecodeGrounding(const JsonValue& value, GroundingSummary* summary);

}  // namespace ieval

#endif  // IEVAL_RESULTS_GROUNDING_COUNTS_H_
