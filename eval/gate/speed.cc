#include "speed.h"

#include <algorithm>
#include <cmath>

#include "ieval/core/text_format.h"
#include "ieval/stats/mann_whitney.h"

namespace ieval::gate_internal {
namespace {

// The measure a rule judges benchmark `b` on ("auto": rules.h).
std::string MeasureOf(const SpeedRule& rule, const BenchmarkSamples& b) {
  if (rule.measure != "auto") return rule.measure;
  return b.from_run_report || b.name.rfind("extract/", 0) == 0 ? "real_time"
                                                               : "cpu_time";
}

// How to get `n` repetitions of `b`.
std::string Rerun(const BenchmarkSamples& b, int n) {
  return b.from_run_report
             ? "ieval run --bench-repetitions " + std::to_string(n)
             : "--benchmark_repetitions=" + std::to_string(n);
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
  const std::string failed = b.from_run_report
                                 ? "the variant failed"
                                 : "the benchmark reported an error";
  if (!c.error.empty()) {
    check.outcome = CheckOutcome::kFail;
    check.reason = failed + " in the current run: " + c.error;
    return;
  }
  if (!b.error.empty() || !b.skipped.empty() || !c.skipped.empty()) {
    check.outcome = CheckOutcome::kSkip;
    check.reason = !b.error.empty()
                       ? failed + " in the baseline: " + b.error
                       : std::string("the variant was skipped in the ") +
                             (c.skipped.empty() ? "baseline: " + b.skipped
                                                : "current run: " + c.skipped) +
                             " (not measured, not judged)";
    return;
  }
  const std::vector<double>& xb = b.Samples(measure);
  const std::vector<double>& xc = c.Samples(measure);
  check.repetitions_baseline = static_cast<int>(xb.size());
  check.repetitions_current = static_cast<int>(xc.size());
  // kTolerance judges by the median below, when there is one.
  const CheckOutcome too_few = rule.too_few == TooFewRepetitions::kFail
                                   ? CheckOutcome::kFail
                                   : CheckOutcome::kSkip;
  if (xb.empty() || xc.empty()) {
    check.outcome = too_few;
    check.reason =
        b.from_run_report
            ? "no timed passes to compare (rerun with " +
                  Rerun(b, rule.min_repetitions) + ")"
            : "no repetitions to compare (only aggregates: rerun with " +
                  Rerun(b, rule.min_repetitions) +
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
    const std::string few =
        std::to_string(n) + (n == 1 ? " repetition" : " repetitions") +
        ", fewer than the " + std::to_string(rule.min_repetitions) +
        " the U test needs (rerun with " + Rerun(b, rule.min_repetitions) + ")";
    if (rule.too_few != TooFewRepetitions::kTolerance) {
      check.outcome = too_few;
      check.reason = change + "; not judged: " + few;
      return;
    }
    const bool within = slowdown <= rule.max_slowdown + 1e-12;
    check.outcome = within ? CheckOutcome::kPass : CheckOutcome::kFail;
    check.reason = change + (within ? ", within" : ": slower than") +
                   " the allowed " + PercentChange(rule.max_slowdown) +
                   ", judged on the median alone (\"too_few_repetitions\": "
                   "\"tolerance\"): " +
                   few;
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
  for (const char* key : {"host_name", "num_cpus", "mhz_per_cpu", "cpu"}) {
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
  const bool only_run_reports =
      std::all_of(baseline.benchmarks.begin(), baseline.benchmarks.end(),
                  [](const BenchmarkSamples& b) { return b.from_run_report; });
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
        check.metric = MeasureOf(rule, b);
        check.criteria = Criteria(rule, check.metric);
        Judge(check, rule, check.metric, b, *c);
        out.push_back(std::move(check));
      }
      // Without Google Benchmark files, a rule written for them (its
      // globs name none of the report's run/VARIANT) is not an error.
      if (!any && !only_run_reports)
        return Status::InvalidInput("rule " + label + ": benchmark \"" + glob +
                                    "\" matches no benchmark of " +
                                    baseline.paths.front());
      if (!any)
        notes.push_back("Rule " + label + ": \"" + glob +
                        "\" matches none of the report's variants (named "
                        "run/VARIANT among the benchmarks): not applied.");
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
