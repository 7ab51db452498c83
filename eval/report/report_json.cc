#include "eval/report/report_json.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "eval/score/score_report.h"
#include "eval/stats/bootstrap.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

ordered_json IntervalJson(const Interval& i) {
  return {{"estimate", i.estimate},
          {"lower", i.lower},
          {"upper", i.upper},
          {"std_error", i.std_error}};
}

ordered_json ThroughputJson(const Throughput& t) {
  return {{"documents", t.documents},
          {"bytes", t.bytes},
          {"setup_seconds", t.setup_seconds},
          {"wall_seconds", t.wall_seconds},
          {"cpu_seconds", t.cpu_seconds},
          {"score_seconds", t.score_seconds},
          {"documents_per_second", t.DocumentsPerSecond()},
          {"megabytes_per_second", t.MegabytesPerSecond()},
          {"peak_rss_mb", static_cast<double>(t.peak_rss_kb) / 1024.0},
          {"children_peak_rss_mb",
           static_cast<double>(t.children_peak_rss_kb) / 1024.0},
          {"peak_rss_scope",
           "process-wide high-water mark (getrusage ru_maxrss) after this "
           "variant: it includes the variants run before it"}};
}

ordered_json VariantJson(const RunResult& run, const VariantResult& v) {
  ordered_json j;
  j["name"] = v.name;
  j["extractor"] = v.extractor;
  j["extractor_version"] = v.extractor_version;
  j["description"] = v.description;
  ordered_json options = ordered_json::object();
  for (const auto& [k, value] : v.options) options[k] = value;
  j["options"] = std::move(options);
  j["status"] = VariantStatusName(v.status);
  j["error"] = v.error.empty() ? ordered_json() : ordered_json(v.error);
  j["throughput"] = ThroughputJson(v.throughput);
  if (v.status != VariantStatus::kOk) return j;
  j["predictions"] = PredictionsPath(v.name);
  j["scores"] =
      ordered_json::parse(ScoresToJson(v.scores, run.score_options, false));
  ordered_json intervals = ordered_json::object();
  for (const MetricInterval& m : v.intervals) {
    intervals[m.metric] = {{"unit", m.unit},
                           {"units", m.interval.units},
                           {"distinct_resamples", m.distinct_resamples},
                           {"resamples", m.interval.resamples},
                           {"confidence", m.interval.confidence},
                           {"precision", IntervalJson(m.interval.precision)},
                           {"recall", IntervalJson(m.interval.recall)},
                           {"f1", IntervalJson(m.interval.f1)}};
  }
  j["intervals"] = std::move(intervals);
  return j;
}

// The variant with the highest primary-metric F1 among the ok ones (the
// first on ties), or null.
ordered_json BestVariant(const RunResult& run) {
  const VariantResult* best = nullptr;
  double best_f1 = -1;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk || v.intervals.empty()) continue;
    const double f1 = v.intervals.front().interval.f1.estimate;
    if (f1 > best_f1) {
      best_f1 = f1;
      best = &v;
    }
  }
  if (best == nullptr) return ordered_json();
  return {{"name", best->name},
          {"metric", best->intervals.front().metric},
          {"f1", best_f1}};
}

ordered_json ComparisonsJson(const RunResult& run) {
  ordered_json j;
  j["metric"] =
      run.statistics.metrics.empty() ? "" : run.statistics.metrics.front();
  j["unit"] = run.comparisons.empty() ? run.statistics.unit
                                      : run.comparisons.front().unit;
  j["alpha"] = run.statistics.alpha;
  j["correction"] = "holm";
  j["test"] =
      "paired bootstrap (shifted null, two-sided) and approximate "
      "randomization of F1(b) - F1(a); significant when the larger of the "
      "two p-values, Holm-adjusted over the pairs, is <= alpha";
  ordered_json pairs = ordered_json::array();
  for (const PairComparison& c : run.comparisons) {
    const double d = c.bootstrap.difference.estimate;
    pairs.push_back({{"a", c.a},
                     {"b", c.b},
                     {"f1_a", c.bootstrap.f1_a},
                     {"f1_b", c.bootstrap.f1_b},
                     {"difference", IntervalJson(c.bootstrap.difference)},
                     {"p_bootstrap", c.bootstrap.p_value},
                     {"p_randomization", c.randomization.p_value},
                     {"p_holm", c.p_holm},
                     {"share_b_better", c.bootstrap.share_b_better},
                     {"significant", c.significant},
                     {"verdict", !c.significant ? "no significant difference"
                                 : d > 0        ? "b better"
                                                : "a better"}});
  }
  j["pairs"] = pairs;
  return j;
}

}  // namespace

std::string PredictionsPath(const std::string& variant) {
  std::string file = variant;
  for (char& c : file) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                      c == '.';
    if (!safe) c = '_';
  }
  if (file.empty() || file[0] == '.') file = "_" + file;
  return "predictions/" + file + ".jsonl";
}

std::string RunReportToJson(const RunResult& run) {
  ordered_json root;
  root["format"] = kRunReportFormat;
  root["format_version"] = kRunReportFormatVersion;
  root["ieval_version"] = run.ieval_version;
  root["started_at"] = run.started_at;
  root["total_seconds"] = run.total_seconds;
  const StatisticsSettings& st = run.statistics;
  root["config"] = {{"path", run.config_path},
                    {"gold", run.gold_path},
                    {"variants_file", run.variants_path},
                    {"jobs", run.jobs},
                    {"statistics",
                     {{"unit", st.unit},
                      {"resamples", st.bootstrap.resamples},
                      {"confidence", st.bootstrap.confidence},
                      {"seed", st.bootstrap.seed},
                      {"alpha", st.alpha},
                      {"metrics", st.metrics}}}};
  root["machine"] = {{"os", run.machine.os},
                     {"cpu", run.machine.cpu},
                     {"cores", run.machine.cores},
                     {"memory_mb", run.machine.memory_mb},
                     {"compiler", run.machine.compiler}};
  int64_t bytes = 0, mentions = 0, relations = 0;
  ordered_json ids = ordered_json::array();
  for (const AnnotatedDocument& d : run.gold) {
    bytes += static_cast<int64_t>(d.document.text.size());
    mentions += static_cast<int64_t>(d.annotations.mentions.size());
    relations += static_cast<int64_t>(d.annotations.relations.size());
    ids.push_back(d.document.doc_id);
  }
  root["gold"] = {{"documents", static_cast<int64_t>(run.gold.size())},
                  {"bytes", bytes},
                  {"mentions", mentions},
                  {"relations", relations},
                  {"doc_ids", std::move(ids)}};
  ordered_json variants = ordered_json::array();
  for (const VariantResult& v : run.variants)
    variants.push_back(VariantJson(run, v));
  root["variants"] = std::move(variants);
  root["best_variant"] = BestVariant(run);
  root["comparisons"] = ComparisonsJson(run);
  root["notes"] = run.notes;
  return root.dump(1) + "\n";
}

const char* VariantStatusName(VariantStatus status) {
  switch (status) {
    case VariantStatus::kOk:
      return "ok";
    case VariantStatus::kFailed:
      return "failed";
    case VariantStatus::kSkipped:
      return "skipped";
  }
  return "?";
}

}  // namespace ieval
