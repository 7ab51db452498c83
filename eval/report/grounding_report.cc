#include "ieval/report/grounding_report.h"

#include <nlohmann/json.hpp>

namespace ieval {
namespace {

using nlohmann::ordered_json;

ordered_json PrfOf(double tp, double fp, double fn) {
  const PrfCounts c{tp, fp, fn};
  return {{"tp", tp},
          {"fp", fp},
          {"fn", fn},
          {"precision", Precision(c)},
          {"recall", Recall(c)},
          {"f1", F1(c)}};
}

ordered_json StringsJson(const StringScore& s) {
  auto prf = [](const StringCounts& c) {
    return PrfOf(static_cast<double>(c.tp), static_cast<double>(c.fp),
                 static_cast<double>(c.fn));
  };
  ordered_json j = prf(s.overall);
  ordered_json per_type = ordered_json::object();
  for (const auto& [type, c] : s.per_type) per_type[type] = prf(c);
  j["per_type"] = std::move(per_type);
  return j;
}

}  // namespace

std::string GroundingToJson(const GroundingSummary& s, int indent) {
  const GroundCounts& c = s.counts;
  ordered_json root;
  root["grounding"] = {{"policy", GroundPolicyName(s.options.policy)},
                       {"threshold", s.options.fuzzy_threshold},
                       {"documents", s.grounded_documents},
                       {"predictions", c.predictions},
                       {"given", s.given},
                       {"grounding_rate", c.grounding_rate()},
                       {"exact", c.exact},
                       {"normalised", c.normalised},
                       {"fuzzy", c.fuzzy},
                       {"ungrounded", c.ungrounded},
                       {"ambiguous", c.ambiguous}};
  ordered_json by = ordered_json::object();
  for (MentionAlignment a : kReportedAlignments) {
    const AlignmentCredit& credit = s.by_alignment[a];
    ordered_json row = {{"predictions", credit.predictions}};
    for (SpanMode m : kSpanModes)
      row[SpanModeName(m)] = {{"tp", credit.tp[static_cast<size_t>(m)]},
                              {"precision", credit.precision(m)}};
    by[MentionAlignmentName(a)] = std::move(row);
  }
  root["by_alignment"] = std::move(by);
  root["strings"] = StringsJson(s.strings);
  ordered_json policies = {{"metric", "entities.strict"}};
  for (size_t i = 0; i < kGroundPolicies.size(); ++i) {
    const PrfCounts& p = s.strict_by_policy[i];
    policies[GroundPolicyName(kGroundPolicies[i])] = PrfOf(p.tp, p.fp, p.fn);
  }
  policies["f1_spread"] = s.StrictF1Spread();
  root["policy_sensitivity"] = std::move(policies);
  return root.dump(indent);
}

}  // namespace ieval
