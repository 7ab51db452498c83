#include "speed.h"

#include <algorithm>
#include <cmath>

#include "ieval/core/text_format.h"
#include "ieval/stats/mann_whitney.h"

namespace ieval::gate_internal {
namespace {

// The measure a rule judges benchmark `name` on ("auto": rules.h).
std::string MeasureOf(const SpeedRule& rule, const std::string& name) {
  if (rule.measure != "auto") return rule.measure;
  return name.rfind("extract/", 0) == 0 ? "real_time" : "cpu_time";
}

std::string Criteria(const SpeedRule& rule, const std::string& measure) {
  return "median " + measure + " slowdown ≤ " +
         PercentChange(rule.max_slowdown).substr(1) +
         ", unless not significant (Mann–Whitney U, α = " +
         Fixed(rule.alpha, 2) + ", ≥ " + std::to_string(rule.min_repetitions) +
         " repetitions)";
}

// Judges one benchmark: fills values, outcome and reason.
void Judge(GateCheck& check, const SpeedRule& rule, const std::string& measure,
           const BenchmarkSamples& b, const BenchmarkSamples& c) {
  if (!c.error.empty()) {
    check.outcome = CheckOutcome::kFail;
    check.reason =
        "the benchmark reported an error in the current run: " + c.error;
    return;
  }
  if (!b.error.empty()) {
    check.outcome = CheckOutcome::kSkip;
    check.reason =
        "the benchmark reported an error in the baseline: " + b.error;
    return;
  }
  const std::vector<double>& xb = b.Samples(measure);
  const std::vector<double>& xc = c.Samples(measure);
  check.repetitions_baseline = static_cast<int>(xb.size());
  check.repetitions_current = static_cast<int>(xc.size());
  const CheckOutcome too_few = rule.too_few == TooFewRepetitions::kFail
                                   ? CheckOutcome::kFail
                                   : CheckOutcome::kSkip;
  if (xb.empty() || xc.empty()) {
    check.outcome = too_few;
    check.reason =
        "no repetitions to compare (only aggregates: rerun with "
        "--benchmark_repetitions=" +
        std::to_string(rule.min_repetitions) +
        " and without --benchmark_report_aggregates_only)";
    return;
  }
  check.baseline = Median(xb);
  check.current = Median(xc);
  const double slowdown = check.current / check.baseline - 1;
  const std::string change = "median " + Duration(check.baseline) + " → " +
                             Duration(check.current) + " (" +
                             PercentChange(slowdown) + ")";
  // x = current: U's effect is positive when the current tends to be slower.
  auto u = MannWhitneyU(xc, xb);
  if (u.ok()) {
    check.tested = true;
    check.test = "Mann–Whitney U";
    check.p_value = u->p_value;
    check.p_adjusted = u->p_value;
    check.rank_biserial = u->rank_biserial;
  }
  const int n = static_cast<int>(std::min(xb.size(), xc.size()));
  if (n < rule.min_repetitions) {
    check.outcome = too_few;
    check.reason = change + "; not judged: " + std::to_string(n) +
                   " repetitions, fewer than the " +
                   std::to_string(rule.min_repetitions) +
                   " the U test needs (rerun with --benchmark_repetitions=" +
                   std::to_string(rule.min_repetitions) + ")";
    return;
  }
  const std::string test =
      "U test p = " + PValue(check.p_value) + ", α " + Fixed(rule.alpha, 2);
  if (slowdown <= rule.max_slowdown + 1e-12) {
    check.outcome = CheckOutcome::kPass;
    check.reason = change + (slowdown > 0 ? ", within the allowed " +
                                                PercentChange(rule.max_slowdown)
                                          : "");
  } else if (!check.tested || check.p_value > rule.alpha) {
    check.outcome = CheckOutcome::kPass;
    check.within_noise = true;
    check.reason = change + ": slower than the allowed " +
                   PercentChange(rule.max_slowdown) + " but not significant (" +
                   test + ")";
  } else {
    check.outcome = CheckOutcome::kFail;
    check.reason = change + ": slower than the allowed " +
                   PercentChange(rule.max_slowdown) + " and significant (" +
                   test + ")";
  }
}

void ContextNotes(const BenchmarkInput& b, const BenchmarkInput& c,
                  std::vector<std::string>& notes) {
  auto get = [](const BenchmarkInput& in, const char* key) {
    auto it = in.context.find(key);
    return it == in.context.end() ? std::string() : it->second;
  };
  for (const char* key : {"host_name", "num_cpus", "mhz_per_cpu"}) {
    const std::string vb = get(b, key), vc = get(c, key);
    if (!vb.empty() && !vc.empty() && vb != vc)
      notes.push_back(std::string("Benchmarks ran on different machines (") +
                      key + " " + vb + " vs " + vc +
                      "): speed differences may come from the machine.");
  }
}

}  // namespace

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

Result<std::vector<GateCheck>> BuildSpeedChecks(
    const BenchmarkInput& baseline, const BenchmarkInput& current,
    const GateRules& rules, std::vector<std::string>& notes) {
  std::vector<GateCheck> out;
  for (size_t r = 0; r < rules.speed.size(); ++r) {
    const SpeedRule& rule = rules.speed[r];
    const std::string label =
        rule.name.empty() ? "speed[" + std::to_string(r) + "]" : rule.name;
    std::vector<std::string> done;  // a benchmark two globs select: once
    for (const std::string& glob : rule.benchmarks) {
      bool any = false;
      for (const BenchmarkSamples& b : baseline.benchmarks) {
        if (!GlobMatch(glob, b.name)) continue;
        any = true;
        if (std::find(done.begin(), done.end(), b.name) != done.end()) continue;
        done.push_back(b.name);
        const BenchmarkSamples* c = current.Find(b.name);
        if (c == nullptr)
          return Status::InvalidInput(
              "benchmark \"" + b.name +
              "\" of the baseline is missing from "
              "the current results (" +
              current.paths.front() +
              "); a benchmark removed on purpose needs ieval gate "
              "--update-baseline");
        GateCheck check;
        check.kind = GateCheck::Kind::kSpeed;
        check.rule_index = static_cast<int>(r);
        check.rule = label;
        check.subject = b.name;
        check.metric = MeasureOf(rule, b.name);
        check.criteria = Criteria(rule, check.metric);
        Judge(check, rule, check.metric, b, *c);
        out.push_back(std::move(check));
      }
      if (!any)
        return Status::InvalidInput("rule " + label + ": benchmark \"" + glob +
                                    "\" matches no benchmark of " +
                                    baseline.paths.front());
    }
  }
  for (const BenchmarkSamples& c : current.benchmarks)
    if (baseline.Find(c.name) == nullptr)
      notes.push_back("Benchmark " + c.name +
                      " is new (not in the baseline): not judged.");
  ContextNotes(baseline, current, notes);
  return out;
}

}  // namespace ieval::gate_internal
