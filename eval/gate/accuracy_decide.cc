// DecideAccuracyChecks (accuracy.h): the verdict of each accuracy check
// from its values and p-value, after Holm's adjustment over the checks
// that require significance.
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

void Decide(GateCheck& c, const AccuracyRule& rule, bool in_family, bool holm) {
  std::vector<std::string> failed, passed;
  if (rule.min) {
    if (c.current < *rule.min - kEpsilon)
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
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed));
    } else if (!c.tested) {
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) +
                       "; this metric has no per-document test, so it is "
                       "judged on the tolerance alone");
    } else if (c.p_adjusted <= rule.alpha) {
      failed.push_back(change + ": the drop exceeds the allowed " +
                       Fixed(allowed) + " and is significant (" +
                       TestText(c, in_family && holm) + " ≤ α " +
                       Fixed(rule.alpha, 2) + ")");
    } else {
      c.within_noise = true;
      passed.push_back(change + ": the drop exceeds " + Fixed(allowed) +
                       " but is within noise (" +
                       TestText(c, in_family && holm) + " > α " +
                       Fixed(rule.alpha, 2) + ")");
    }
  }
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
    if (!checks[i].decided)
      Decide(checks[i].check,
             rules.accuracy[static_cast<size_t>(checks[i].check.rule_index)],
             in_family, holm);
    out.push_back(std::move(checks[i].check));
  }
  return out;
}

}  // namespace ieval::gate_internal
