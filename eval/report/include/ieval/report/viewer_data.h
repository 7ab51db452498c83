// The data of report.html's document viewer: each gold document's text and
// mentions, and per scored variant its predicted mentions, each with its
// error kind (correct, missed, spurious, wrong_type, wrong_boundary,
// wrong_type_and_boundary) read off the scorer's boundary-first alignment,
// so the colours agree with the error counts. Mentions are those scored
// (after the run's type map and type filter).
//
// JSON: {"symmetric": [relation types], "types": [entity types],
//        "total_documents": N, "truncated": bool,
//        "documents": [{"doc_id", "text", "gold": [{"s","e","t","id"}],
//                       "relations": [{"t","h","tl"}]}],   // h/tl: indices
//        "variants": [{"name", "docs": [{"pred": [{"s","e","t","k"}],
//                      "gold_kind": [kind per gold mention],
//                      "relations": [{"t","h","tl"}]}]}]}
#ifndef IEVAL_REPORT_VIEWER_DATA_H_
#define IEVAL_REPORT_VIEWER_DATA_H_

#include <string>

#include "ieval/core/thread_pool.h"
#include "ieval/results/run_result.h"

namespace ieval {

// At most `max_documents` documents (the first ones, in gold order), made
// on the pool's threads (the same text for any number of them).
std::string ViewerDataJson(const RunResult& run, int max_documents,
                           ThreadPool& pool);

}  // namespace ieval

#endif  // IEVAL_REPORT_VIEWER_DATA_H_
