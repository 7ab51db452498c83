#include "eval/report/report_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "eval/report/metrics.h"
#include "eval/stats/bootstrap.h"
#include "eval/stats/paired.h"

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

Status ComputeRunStatistics(RunResult& run) {
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

  std::vector<int64_t> unit_counts;
  for (VariantResult* v : ok) {
    v->intervals.clear();
    for (const MetricRef& metric : metrics) {
      const std::vector<PrfCounts> units = Units(run, *v, metric);
      if (units.empty()) continue;
      auto ci = BootstrapPrf(units, settings.bootstrap);
      if (!ci.ok()) return ci.status();
      MetricInterval interval;
      interval.metric = metric.Name();
      interval.unit = BySentence(run, metric) ? "sentence" : "document";
      interval.interval = *ci;
      interval.distinct_resamples =
          DistinctBootstrapResamples(static_cast<int64_t>(units.size()));
      v->intervals.push_back(interval);
      if (v == ok.front()) unit_counts.push_back(ci->units);
    }
  }

  // Paired comparisons on the primary metric.
  run.comparisons.clear();
  if (!metrics.empty() && ok.size() >= 2) {
    const MetricRef& primary = metrics.front();
    std::vector<double> p_values;
    for (size_t i = 0; i < ok.size(); ++i) {
      for (size_t j = i + 1; j < ok.size(); ++j) {
        const std::vector<PrfCounts> a = Units(run, *ok[i], primary);
        const std::vector<PrfCounts> b = Units(run, *ok[j], primary);
        auto boot = PairedBootstrap(a, b, settings.bootstrap);
        if (!boot.ok()) return boot.status();
        auto ar = ApproximateRandomization(a, b, settings.bootstrap);
        if (!ar.ok()) return ar.status();
        PairComparison c;
        c.a = ok[i]->name;
        c.b = ok[j]->name;
        c.metric = primary.Name();
        c.unit = BySentence(run, primary) ? "sentence" : "document";
        c.bootstrap = *boot;
        c.randomization = *ar;
        // Both tests must agree: the larger p (see run_result.h).
        p_values.push_back(std::max(boot->p_value, ar->p_value));
        run.comparisons.push_back(c);
      }
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
