// DecideAccuracyChecks (accuracy.h): the verdict of each accuracy check
// from its values and p-value, after Holm's adjustment over the checks
// that require significance. A test that cannot reach alpha with the units
// given never passes a drop beyond the tolerance on its own: the rule's
// when_underpowered decides, the tolerance by default, so the gate never
// fails open on a small gold.
#include <algorithm>
#include <cmath>

#include "accuracy.h"
#include "ieval/core/text_format.h"
#include "ieval/stats/paired.h"

namespace ieval::gate_internal {
namespace {

constexpr double kEpsilon = 1e-12;

// The drop allowed from `baseline` (the larger of the two tolerances).
double AllowedDrop(const AccuracyRule& rule, double baseline) {
  double allowed = -1;
  if (rule.max_drop) allowed = std::max(allowed, *rule.max_drop);
  if (rule.max_relative_drop)
    allowed = std::max(allowed, *rule.max_relative_drop * baseline);
  return allowed;
}

std::string TestText(const GateCheck& c, bool holm) {
  std::string text = c.test + " p = " + PValue(c.p_value);
  if (holm) text += ", Holm-adjusted " + PValue(c.p_adjusted);
  return text;
}

// "Student's t against the baseline's 5 repeats (sd 0.023; current: 5
// repeats) p = 0.001, Holm-adjusted 0.004".
std::string SpreadText(const GateCheck& c, bool holm) {
  std::string text =
      "Student's t against the baseline's " +
      std::to_string(c.repeats_baseline) + " repeats (standard deviation " +
      Fixed(c.spread) + "; current: " +
      (c.repeats_current > 1
           ? "mean of " + std::to_string(c.repeats_current) + " repeats"
           : std::string("one run")) +
      ") p = " + PValue(c.p_value);
  if (holm) text += ", Holm-adjusted " + PValue(c.p_adjusted);
  return text;
}

std::string Units(int64_t n, const std::string& unit) {
  return std::to_string(n) + " " +
         (n == 1 ? unit.substr(0, unit.size() - 1) : unit);
}

// The smallest p-value the test can give over the check's units, and
// whether Holm over `family` checks keeps it above the rule's alpha; when
// it does, the check is underpowered and `power` says so in words.
void MeasurePower(GateCheck& c, const AccuracyRule& rule,
                  const GateStatistics& st, size_t family) {
  if (c.by_repeats) {  // Student's t reaches any p (accuracy_repeats.cc)
    c.p_floor = 0;
    return;
  }
  const double monte_carlo = 1.0 / (static_cast<double>(st.resamples) + 1.0);
  const double exact =
      st.test == GateTest::kBootstrap
          ? 0.0
          : std::min(1.0, 2.0 / std::pow(2.0, static_cast<double>(c.units)));
  const double raw = std::max(monte_carlo, exact);
  const double m = static_cast<double>(family);
  c.p_floor = std::min(1.0, m * raw);
  c.underpowered = c.p_floor > rule.alpha;
  if (!c.underpowered) return;
  const std::string floor_text =
      exact >= monte_carlo
          ? "approximate randomization cannot give p below 2/2^" +
                std::to_string(c.units) + " = " + PValue(exact)
          : "the " + c.test + " test with " + std::to_string(st.resamples) +
                " resamples cannot give p below 1/" +
                std::to_string(st.resamples + 1) + " = " + PValue(monte_carlo);
  c.power = Units(c.units, c.unit) + " cannot reach significance";
  if (raw > rule.alpha)
    c.power_why = floor_text + ", above α = " + Fixed(rule.alpha, 2);
  else
    c.power_why = floor_text + "; Holm over " + std::to_string(family) +
                  " checks makes that " + PValue(c.p_floor) +
                  ", above α = " + Fixed(rule.alpha, 2);
}

void Decide(GateCheck& c, const AccuracyRule& rule, WhenUnderpowered when,
            bool in_family, bool holm) {
  std::vector<std::string> failed, passed;
  Decider decider = Decider::kNoDrop;
  bool below_floor = false;
  if (rule.min) {
    below_floor = c.current < *rule.min - kEpsilon;
    if (below_floor)
      failed.push_back(Fixed(c.current) + " is below the floor " +
                       Fixed(*rule.min));
    else
      passed.push_back(Fixed(c.current) + " ≥ floor " + Fixed(*rule.min));
  }
  const bool drop_rule = rule.max_drop || rule.max_relative_drop;
  if (drop_rule && std::isnan(c.baseline)) {
    passed.push_back("no drop check: the variant did not run in the baseline");
  } else if (drop_rule) {
    const double drop = c.baseline - c.current;
    const double allowed = AllowedDrop(rule, c.baseline);
    const std::string change = Fixed(c.baseline) + " → " + Fixed(c.current) +
                               " (" + Change(-drop, 3) + ")";
    if (drop <= allowed + kEpsilon) {
      passed.push_back(change +
                       (drop > kEpsilon
                            ? ", within the allowed drop " + Fixed(allowed)
                            : ""));
    } else if (!rule.require_significance) {
      decider = Decider::kTolerance;
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed));
    } else if (!c.tested) {
      decider = Decider::kTolerance;
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) +
                       "; this metric has no per-document test, so it is "
                       "judged on the tolerance alone");
    } else if (c.by_repeats && c.p_adjusted <= rule.alpha) {
      decider = Decider::kSpread;
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) +
                       " and the baseline's run-to-run spread (" +
                       SpreadText(c, in_family && holm) + " ≤ α " +
                       Fixed(rule.alpha, 2) + ")");
    } else if (c.by_repeats) {
      decider = Decider::kSpread;
      c.within_noise = true;
      passed.push_back(change + ": the drop exceeds " + Fixed(allowed) +
                       " but is within the baseline's run-to-run spread (" +
                       SpreadText(c, in_family && holm) + " > α " +
                       Fixed(rule.alpha, 2) + ")");
    } else if (c.underpowered && when == WhenUnderpowered::kTolerance) {
      decider = Decider::kUnderpowered;
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) + "; the tolerance decided, because " +
                       c.power + " (" + c.power_why + ")");
    } else if (c.underpowered) {
      decider = Decider::kUnderpoweredPass;
      passed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) +
                       " but passes untested (\"when_underpowered\": "
                       "\"pass\"), because " +
                       c.power + " (" + c.power_why + ")");
    } else if (c.p_adjusted <= rule.alpha) {
      decider = Decider::kTest;
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) + " and is significant (" +
                       TestText(c, in_family && holm) + " ≤ α " +
                       Fixed(rule.alpha, 2) + ")");
    } else {
      decider = Decider::kTest;
      c.within_noise = true;
      passed.push_back(change + ": the drop exceeds " + Fixed(allowed) +
                       " but is within noise (" +
                       TestText(c, in_family && holm) + " > α " +
                       Fixed(rule.alpha, 2) + ")");
    }
  }
  c.decided_by =
      decider == Decider::kNoDrop && below_floor ? Decider::kFloor : decider;
  c.outcome = failed.empty() ? CheckOutcome::kPass : CheckOutcome::kFail;
  const auto& parts = failed.empty() ? passed : failed;
  c.reason.clear();
  for (const std::string& p : parts)
    c.reason += (c.reason.empty() ? "" : "; ") + p;
}

}  // namespace

std::vector<GateCheck> DecideAccuracyChecks(std::vector<PendingCheck> checks,
                                            const GateRules& rules) {
  // The family: every measured check whose rule requires significance.
  std::vector<size_t> family;
  std::vector<double> p;
  for (size_t i = 0; i < checks.size(); ++i) {
    const PendingCheck& c = checks[i];
    if (!c.decided && c.check.tested &&
        rules.accuracy[static_cast<size_t>(c.check.rule_index)]
            .require_significance) {
      family.push_back(i);
      p.push_back(c.check.p_value);
    }
  }
  const bool holm = rules.statistics.holm && family.size() > 1;
  if (holm) {
    const std::vector<double> adjusted = HolmBonferroni(p);
    for (size_t k = 0; k < family.size(); ++k)
      checks[family[k]].check.p_adjusted = adjusted[k];
  }
  std::vector<GateCheck> out;
  out.reserve(checks.size());
  size_t next = 0;
  for (size_t i = 0; i < checks.size(); ++i) {
    const bool in_family = next < family.size() && family[next] == i;
    if (in_family) ++next;
    const AccuracyRule& rule =
        rules.accuracy[static_cast<size_t>(checks[i].check.rule_index)];
    if (in_family)
      MeasurePower(checks[i].check, rule, rules.statistics,
                   holm ? family.size() : 1);
    if (!checks[i].decided)
      Decide(
          checks[i].check, rule,
          rule.when_underpowered.value_or(rules.statistics.when_underpowered),
          in_family, holm);
    out.push_back(std::move(checks[i].check));
  }
  return out;
}

}  // namespace ieval::gate_internal
