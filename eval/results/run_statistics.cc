#include "ieval/results/run_statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "ieval/core/thread_pool.h"
#include "ieval/results/metrics.h"
#include "ieval/stats/bootstrap.h"
#include "ieval/stats/paired.h"

namespace ieval {
namespace {

// Relation metrics are resampled by document even with the sentence unit:
// a relation may join mentions of two sentences.
bool BySentence(const RunResult& run, const MetricRef& metric) {
  return run.statistics.unit == "sentence" &&
         metric.family == MetricRef::Family::kEntities;
}

// One PrfCounts per unit, in gold order (documents) or sentence order.
std::vector<PrfCounts> Units(const RunResult& run, const VariantResult& v,
                             const MetricRef& metric) {
  std::vector<PrfCounts> units;
  if (BySentence(run, metric)) {
    for (const DocumentScores& s : v.sentence_scores)
      units.push_back(CountsOf(s, metric));
    return units;
  }
  const auto& documents = v.scores.documents();
  for (const AnnotatedDocument& g : run.gold) {
    auto it = documents.find(g.document.doc_id);
    units.push_back(it == documents.end() ? PrfCounts{}
                                          : CountsOf(it->second, metric));
  }
  return units;
}

}  // namespace

std::string FewUnitsNote(int64_t units, const std::string& unit) {
  if (units >= 30) return "";
  char text[600];
  std::snprintf(
      text, sizeof text,
      "Only %lld %ss: bootstrap intervals resample them, so there are only "
      "%.0f distinct resamples; intervals are wide and coarse. The "
      "randomization test cannot give a p-value below about %.2g "
      "(2/2^%lld), so differences between variants rarely reach "
      "significance. Read the intervals as a rough guide, not a verdict.",
      static_cast<long long>(units), unit.c_str(),
      DistinctBootstrapResamples(units),
      std::ldexp(2.0, -static_cast<int>(units)), static_cast<long long>(units));
  return text;
}

Status ComputeRunStatistics(RunResult& run, ThreadPool& pool) {
  const StatisticsSettings& settings = run.statistics;
  if (settings.unit != "document" && settings.unit != "sentence")
    return Status::Usage(
        "statistics unit must be \"document\" or "
        "\"sentence\", not \"" +
        settings.unit + "\"");
  std::vector<MetricRef> metrics;
  for (const std::string& name : settings.metrics) {
    auto m = ParseMetric(name);
    if (!m.ok()) return m.status();
    metrics.push_back(*m);
  }
  std::vector<VariantResult*> ok;
  for (VariantResult& v : run.variants)
    if (v.status == VariantStatus::kOk) ok.push_back(&v);
  if (ok.empty() || run.gold.empty()) return Status::Ok();

  // Every interval and every pair draws from the seed alone, so they are
  // computed on the run's threads and gathered in order.
  struct IntervalTask {
    VariantResult* variant = nullptr;
    const MetricRef* metric = nullptr;
    bool empty = false;
    std::optional<Result<ConfidenceInterval>> ci;
    size_t units = 0;
  };
  std::vector<IntervalTask> intervals;
  for (VariantResult* v : ok)
    for (const MetricRef& metric : metrics) {
      intervals.emplace_back();
      intervals.back().variant = v;
      intervals.back().metric = &metric;
    }
  ParallelFor(pool, intervals.size(), [&](size_t i) {
    IntervalTask& t = intervals[i];
    const std::vector<PrfCounts> units = Units(run, *t.variant, *t.metric);
    t.empty = units.empty();
    t.units = units.size();
    if (!t.empty) t.ci = BootstrapPrf(units, settings.bootstrap);
  });
  std::vector<int64_t> unit_counts;
  for (VariantResult* v : ok) v->intervals.clear();
  for (const IntervalTask& t : intervals) {
    if (t.empty) continue;
    const Result<ConfidenceInterval>& ci = *t.ci;
    if (!ci.ok()) return ci.status();
    MetricInterval interval;
    interval.metric = t.metric->Name();
    interval.unit = BySentence(run, *t.metric) ? "sentence" : "document";
    interval.interval = *ci;
    interval.distinct_resamples =
        DistinctBootstrapResamples(static_cast<int64_t>(t.units));
    t.variant->intervals.push_back(interval);
    if (t.variant == ok.front()) unit_counts.push_back(ci->units);
  }

  // Paired comparisons on the primary metric.
  run.comparisons.clear();
  if (!metrics.empty() && ok.size() >= 2) {
    const MetricRef& primary = metrics.front();
    struct PairTask {
      const VariantResult* a;
      const VariantResult* b;
      std::optional<Result<PairedResult>> boot;
      std::optional<Result<RandomizationResult>> ar;
    };
    std::vector<PairTask> pairs;
    for (size_t i = 0; i < ok.size(); ++i)
      for (size_t j = i + 1; j < ok.size(); ++j)
        pairs.push_back({ok[i], ok[j], std::nullopt, std::nullopt});
    ParallelFor(pool, pairs.size(), [&](size_t i) {
      PairTask& t = pairs[i];
      const std::vector<PrfCounts> a = Units(run, *t.a, primary);
      const std::vector<PrfCounts> b = Units(run, *t.b, primary);
      t.boot = PairedBootstrap(a, b, settings.bootstrap);
      t.ar = ApproximateRandomization(a, b, settings.bootstrap);
    });
    std::vector<double> p_values;
    for (const PairTask& t : pairs) {
      if (!t.boot->ok()) return t.boot->status();
      if (!t.ar->ok()) return t.ar->status();
      PairComparison c;
      c.a = t.a->name;
      c.b = t.b->name;
      c.metric = primary.Name();
      c.unit = BySentence(run, primary) ? "sentence" : "document";
      c.bootstrap = **t.boot;
      c.randomization = **t.ar;
      // Both tests must agree: the larger p (see run_result.h).
      p_values.push_back(
          std::max(c.bootstrap.p_value, c.randomization.p_value));
      run.comparisons.push_back(c);
    }
    const std::vector<double> adjusted = HolmBonferroni(p_values);
    for (size_t k = 0; k < run.comparisons.size(); ++k) {
      run.comparisons[k].p_holm = adjusted[k];
      run.comparisons[k].significant = adjusted[k] <= settings.alpha;
    }
  }

  for (size_t k = 0; k < unit_counts.size(); ++k) {
    const std::string unit =
        BySentence(run, metrics[k]) ? "sentence" : "document";
    const std::string note = FewUnitsNote(unit_counts[k], unit);
    bool seen = note.empty();
    for (const std::string& n : run.notes) seen = seen || n == note;
    if (!seen) run.notes.push_back(note);
  }
  return Status::Ok();
}

}  // namespace ieval
