// Internal to ieval::report: a variant's ExtractorStats in report.json, as
// an object under the stats' kind ("llm": {"requests": …, "tokens_in": …,
// "cost": …, "by_document": [{"doc_id", counters…, "problems": […]}]}),
// which report.md shows as a table (report_markdown.cc). The shape is in
// reports/README.md.
#ifndef IEVAL_EVAL_REPORT_EXTRACTOR_STATS_JSON_H_
#define IEVAL_EVAL_REPORT_EXTRACTOR_STATS_JSON_H_

#include <nlohmann/json.hpp>

#include "ieval/core/extractor_stats.h"

namespace ieval::report_text {

nlohmann::ordered_json ExtractorStatsJson(const ExtractorStats& stats);

}  // namespace ieval::report_text

#endif  // IEVAL_EVAL_REPORT_EXTRACTOR_STATS_JSON_H_
