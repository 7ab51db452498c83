#include "extractor_stats_json.h"

#include <cmath>

namespace ieval::report_text {
namespace {

using nlohmann::ordered_json;

// Whole counts as integers, durations and costs as they are.
ordered_json Number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15)
    return ordered_json(static_cast<int64_t>(v));
  return ordered_json(v);
}

}  // namespace

ordered_json ExtractorStatsJson(const ExtractorStats& stats) {
  ordered_json j = ordered_json::object();
  for (const auto& [name, value] : stats.totals) j[name] = Number(value);
  ordered_json documents = ordered_json::array();
  for (const ExtractorStats::Document& d : stats.documents) {
    ordered_json doc = {{"doc_id", d.doc_id}};
    for (const auto& [name, value] : d.counters) doc[name] = Number(value);
    doc["problems"] = d.problems;
    documents.push_back(std::move(doc));
  }
  j["by_document"] = std::move(documents);
  return j;
}

}  // namespace ieval::report_text
