#include "repeats_json.h"

#include <string>
#include <vector>

#include "ieval/results/metrics.h"
#include "ieval/stats/summary.h"

namespace ieval::report_text {
namespace {

using nlohmann::ordered_json;

// The precision, recall and F1 of `metric` in each repeat, with their
// mean, sample standard deviation (n - 1), min and max.
ordered_json RepeatMetricJson(const VariantResult& v, const MetricRef& metric) {
  std::vector<double> p, r, f;
  auto add = [&](const CorpusScores& s) {
    const PrfCounts c = CountsOf(s.total(), metric);
    p.push_back(Precision(c));
    r.push_back(Recall(c));
    f.push_back(F1(c));
  };
  add(v.scores);
  for (const CorpusScores& s : v.repeat_scores) add(s);
  auto summary = [](const std::vector<double>& values) {
    const SampleSummary s = Summarize(values);
    return ordered_json{{"mean", s.mean},
                        {"stddev", s.stddev},
                        {"min", s.min},
                        {"max", s.max},
                        {"values", values}};
  };
  return {
      {"precision", summary(p)}, {"recall", summary(r)}, {"f1", summary(f)}};
}

}  // namespace

ordered_json RepeatsJson(const RunResult& run, const VariantResult& v) {
  ordered_json metrics = ordered_json::object();
  for (const std::string& name : run.statistics.metrics) {
    auto metric = ParseMetric(name);
    if (metric.ok()) metrics[metric->Name()] = RepeatMetricJson(v, *metric);
  }
  return {{"count", v.Repeats()},
          {"headline", "mean"},
          {"index_env", kRepeatEnv},
          {"seed_option", v.repeat_seed_option.empty()
                              ? ordered_json()
                              : ordered_json(v.repeat_seed_option)},
          {"metrics", std::move(metrics)},
          {"documents", ordered_json(ordered_json::value_t::discarded)}};
}

// The primary metric's F1 of a variant: its point estimate, or the mean
// over its repeats.
double HeadlineF1(const VariantResult& v) {
  const double f1 = v.intervals.front().interval.f1.estimate;
  auto metric = ParseMetric(v.intervals.front().metric);
  if (v.Repeats() < 2 || !metric.ok()) return f1;
  double sum = F1(CountsOf(v.scores.total(), *metric));
  for (const CorpusScores& s : v.repeat_scores)
    sum += F1(CountsOf(s.total(), *metric));
  return sum / v.Repeats();
}

}  // namespace ieval::report_text
