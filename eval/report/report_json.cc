#include "ieval/report/report_json.h"

#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor_stats_json.h"
#include "ieval/core/thread_pool.h"
#include "ieval/report/grounding_report.h"
#include "ieval/report/score_report.h"
#include "ieval/stats/bootstrap.h"
#include "ieval/stats/summary.h"
#include "repeats_json.h"
#include "report_model.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

// The report is first built without the per-document counts: each scored
// variant's "scores"."documents" holds a discarded value, which nlohmann
// dumps as the bare token <discarded>. The hole is then found by this key
// and token: inside a dumped string every '"' is escaped, so `s": <` can
// only be the end of a real key followed by a value outside any string.
constexpr std::string_view kDocumentsHole = "\"documents\": <discarded>";
constexpr std::string_view kHoleKey = "\"documents\": ";
// How deep each element of those arrays sits in report.json: root (0) >
// "variants" (1) > a variant (2) > "scores" (3) > "documents" (4).
constexpr int kDocumentDepth = 5;
// A variant's finer units (scores.units, when counted): a hole of their
// own, filled before the documents' (WithUnits), at depth 4 as "documents".
constexpr std::string_view kUnitsHole = "\"units\": <discarded>";
constexpr int kUnitsDepth = 4;
// A repeated variant's "repeats"."documents": filled, before the scores'
// documents, by WithRepeats, which finds it as the first documents hole
// after the variant's "repeats" key; as deep as "units".
constexpr std::string_view kRepeatsKey = "\"repeats\": {";
constexpr int kRepeatsDepth = 4;
constexpr int kIndent = 1;

ordered_json IntervalJson(const Interval& i) {
  return {{"estimate", i.estimate},
          {"lower", i.lower},
          {"upper", i.upper},
          {"std_error", i.std_error}};
}

ordered_json SummaryJson(const std::vector<double>& values) {
  const SampleSummary s = Summarize(values);
  return {{"mean", s.mean}, {"median", s.median}, {"stddev", s.stddev},
          {"cv", s.cv},     {"min", s.min},       {"max", s.max}};
}

// The timed passes: their times, and each rate's summary over them.
ordered_json RepetitionsJson(const Throughput& t) {
  auto rates = [&](double amount) {
    std::vector<double> out;
    for (double wall : t.repetition_wall_seconds)
      out.push_back(wall > 0 ? amount / wall : 0);
    return SummaryJson(out);
  };
  return {{"count", t.repetition_wall_seconds.size()},
          {"after_warmup", t.after_warmup},
          {"wall_seconds", t.repetition_wall_seconds},
          {"cpu_seconds", t.repetition_cpu_seconds},
          {"documents_per_second", rates(static_cast<double>(t.documents))},
          {"tokens_per_second", rates(static_cast<double>(t.tokens))},
          {"megabytes_per_second", rates(static_cast<double>(t.bytes) / 1e6)}};
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
           "variant: it includes the variants run before it"},
          {"tokens", t.tokens},
          {"tokens_per_second", t.TokensPerSecond()},
          {"first_document_seconds", t.first_document_seconds},
          {"latency_ms",
           {{"p50", t.latency.p50 * 1e3},
            {"p95", t.latency.p95 * 1e3},
            {"p99", t.latency.p99 * 1e3},
            {"max", t.latency.max * 1e3}}},
          {"repetitions", RepetitionsJson(t)}};
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
  if (!v.extractor_stats.empty())
    j[v.extractor_stats.kind] =
        report_text::ExtractorStatsJson(v.extractor_stats);
  if (v.status != VariantStatus::kOk) return j;
  j["predictions"] = PredictionsPath(v.name);
  j["scores"] = ordered_json::parse(ScoresToJson(
      v.scores, run.score_options, false, /*with_documents=*/false));
  j["scores"]["documents"] = ordered_json(ordered_json::value_t::discarded);
  if (!v.units.empty())
    j["scores"]["units"] = ordered_json(ordered_json::value_t::discarded);
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
  if (v.grounding.any()) {
    const ordered_json members =
        ordered_json::parse(GroundingToJson(v.grounding, -1));
    for (const auto& [key, value] : members.items()) j[key] = value;
  }
  if (v.Repeats() > 1) j["repeats"] = report_text::RepeatsJson(run, v);
  return j;
}

// The variant with the highest primary-metric F1 (the mean over repeats
// for a repeated variant) among the ok ones (the first on ties), or null.
ordered_json BestVariant(const RunResult& run) {
  const VariantResult* best = nullptr;
  double best_f1 = -1;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk || v.intervals.empty()) continue;
    const double f1 = report_text::HeadlineF1(v);
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

namespace {

// report.json with a hole for each scored variant's per-document counts.
ordered_json Skeleton(const RunResult& run) {
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
                     {"compiler", run.machine.compiler},
                     {"allocator", run.machine.allocator}};
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
  return root;
}

// Writes the skeleton's text to `sink` with every hole filled: the
// per-document counts of the scored variants, in order, serialised on
// the pool's threads while the pieces already done go to the sink.
void FillHoles(const std::string& skeleton, const RunResult& run,
               ThreadPool& pool, const report_text::TextSink& sink) {
  std::vector<const DocumentScores*> documents;
  std::vector<size_t> variant_of;  // per document: its scored variant
  std::vector<size_t> first;       // per scored variant, into `documents`
  std::vector<size_t> holes;       // per scored variant, into `skeleton`
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk) continue;
    const size_t hole =
        skeleton.find(kDocumentsHole, holes.empty() ? 0 : holes.back() + 1);
    if (hole == std::string::npos) break;  // cannot happen: one per variant
    holes.push_back(hole);
    first.push_back(documents.size());
    for (const auto& [id, d] : v.scores.documents()) {
      documents.push_back(&d);
      variant_of.push_back(holes.size() - 1);
    }
  }
  first.push_back(documents.size());

  const std::string item_indent(kDocumentDepth * kIndent, ' ');
  const std::string end_indent((kDocumentDepth - 1) * kIndent, ' ');
  size_t at = 0;      // skeleton bytes written
  size_t opened = 0;  // holes reached
  // The skeleton up to hole k, then the hole's key.
  auto up_to_hole = [&](size_t k) {
    sink(
        std::string_view(skeleton).substr(at, holes[k] + kHoleKey.size() - at));
    at = holes[k] + kDocumentsHole.size();
    opened = k + 1;
  };
  std::vector<std::string> pieces(documents.size());
  ParallelForOrdered(
      pool, documents.size(),
      [&](size_t i) {
        pieces[i] =
            DocumentScoresToJson(*documents[i], kIndent, kDocumentDepth);
      },
      [&](size_t i) {
        const size_t k = variant_of[i];
        if (i == first[k]) {
          while (opened < k) {  // variants without documents
            up_to_hole(opened);
            sink("[]");
          }
          up_to_hole(k);
          sink("[\n");  // as nlohmann dumps an array
        } else {
          sink(",\n");
        }
        sink(item_indent);
        sink(pieces[i]);
        std::string().swap(pieces[i]);
        if (i + 1 == first[k + 1]) {
          sink("\n");
          sink(end_indent);
          sink("]");
        }
      });
  while (opened < holes.size()) {
    up_to_hole(opened);
    sink("[]");
  }
  sink(std::string_view(skeleton).substr(at));
  sink("\n");
}

// `skeleton` with each variant's units hole filled, in variant order.
std::string WithUnits(std::string skeleton, const RunResult& run) {
  size_t at = 0;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk || v.units.empty()) continue;
    at = skeleton.find(kUnitsHole, at);
    if (at == std::string::npos) break;  // cannot happen: one per variant
    const size_t key = std::string_view("\"units\": ").size();
    const std::string text = UnitsToJson(v.units, kIndent, kUnitsDepth);
    skeleton.replace(at + key, kUnitsHole.size() - key, text);
    at += key + text.size();
  }
  return skeleton;
}

// `skeleton` with each repeated variant's "repeats"."documents" filled
// (repeat 0's counts from its scores, then the other repeats').
std::string WithRepeats(std::string skeleton, const RunResult& run) {
  size_t at = 0;
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk || v.Repeats() < 2) continue;
    at = skeleton.find(kRepeatsKey, at);
    if (at == std::string::npos) break;  // cannot happen: one per variant
    at = skeleton.find(kDocumentsHole, at);
    if (at == std::string::npos) break;
    std::vector<const CorpusScores*> repeats = {&v.scores};
    for (const CorpusScores& s : v.repeat_scores) repeats.push_back(&s);
    const std::string text =
        RepeatDocumentsToJson(repeats, kIndent, kRepeatsDepth);
    skeleton.replace(at + kHoleKey.size(),
                     kDocumentsHole.size() - kHoleKey.size(), text);
    at += kHoleKey.size() + text.size();
  }
  return skeleton;
}

// The renderers read a report without per-document counts: the small
// rest goes through text once more, to give them the same value they
// would parse from report.json.
nlohmann::json Model(ordered_json skeleton) {
  for (ordered_json& v : skeleton["variants"])
    if (v.contains("scores")) {
      v["scores"].erase("documents");
      v["scores"].erase("units");
    }
  for (ordered_json& v : skeleton["variants"])
    if (v.contains("repeats")) v["repeats"].erase("documents");
  return nlohmann::json::parse(skeleton.dump());
}

}  // namespace

std::string RunReportToJson(const RunResult& run) {
  std::string text;
  ThreadPool serial(1);
  FillHoles(WithRepeats(WithUnits(Skeleton(run).dump(kIndent), run), run), run,
            serial, [&text](std::string_view piece) { text += piece; });
  return text;
}

namespace report_text {

nlohmann::json BuildRunReport(const RunResult& run, ThreadPool& pool,
                              const TextSink& sink) {
  ordered_json root = Skeleton(run);
  FillHoles(WithRepeats(WithUnits(root.dump(kIndent), run), run), run, pool,
            sink);
  return Model(std::move(root));
}

}  // namespace report_text

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
