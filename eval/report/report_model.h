// Internal to ieval::report (nlohmann in the interface): report.json built
// once for `ieval run`, both as the text written to the file and as the
// parsed value report.md, report.html and the terminal summary are rendered
// from, so that none of them parses the file's text again.
//
// The bulk of report.json is every variant's per-document counts (about
// 4 KB per document): those are serialised document by document on the
// run's --jobs threads and joined in document order, so the text does not
// depend on the number of threads. The parsed value leaves them out (no
// renderer reads them; report.html drops them).
#ifndef IEVAL_EVAL_REPORT_REPORT_MODEL_H_
#define IEVAL_EVAL_REPORT_REPORT_MODEL_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ieval/core/thread_pool.h"
#include "ieval/results/run_result.h"

namespace ieval::report_text {

// Receives a text piece by piece, in order (one thread at a time).
using TextSink = std::function<void(std::string_view)>;

// Writes report.json of `run` to `sink` (the text of RunReportToJson), the
// per-document counts serialised on the pool's threads while the pieces
// already done are handed over; the text is the same for any number of
// threads. Returns the
// same report, parsed, without any variant's "scores"."documents".
nlohmann::json BuildRunReport(const RunResult& run, ThreadPool& pool,
                              const TextSink& sink);

// The renderers of report_markdown.h and report_html.h, from a parsed
// report (ParseReport or BuildRunReport's model).
std::string MarkdownOf(const nlohmann::json& report);
std::string HtmlOf(nlohmann::json report, std::string_view viewer_json);

}  // namespace ieval::report_text

#endif  // IEVAL_EVAL_REPORT_REPORT_MODEL_H_
