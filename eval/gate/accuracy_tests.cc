// TestCheck (accuracy.h): which units a check's paired tests pair and
// resample, and the tests themselves. Documents by default; sentences or
// mentions when the rule asks and both files hold those units' counts
// (entity metrics only: relations, values and clusters are not split).
// Below kFewDocuments documents, a document-level test also gets the
// sentence-level one beside it, reported and never deciding, or reported
// as unavailable when a file has no per-sentence counts.
#include <algorithm>
#include <cmath>
#include <set>

#include "accuracy.h"
#include "ieval/results/run_result.h"
#include "ieval/stats/paired.h"

namespace ieval::gate_internal {
namespace {

const char* FileFix(const std::string& kind) {
  return kind == "sentences"
             ? "write them with ieval score --json --unit-counts sentence, "
               "or ieval run (which keeps them for a gold of fewer than 20 "
               "documents, or with --unit-counts sentence)"
             : "write them with ieval score --json --unit-counts mention, or "
               "ieval run --unit-counts mention";
}

struct Tested {
  int64_t units = 0;
  std::string test;
  double p_value = kGateNaN;
  double ci_lower = kGateNaN;
  double ci_upper = kGateNaN;
};

// The tests over the units with a count on either side (a unit empty in
// both would add nothing but a count to N, overstating the tests' power).
// nullopt when no unit has a count.
Result<std::optional<Tested>> RunTests(const std::vector<PrfCounts>& b,
                                       const std::vector<PrfCounts>& c,
                                       const GateStatistics& st) {
  std::vector<PrfCounts> ub, uc;
  const PrfCounts zero;
  for (size_t i = 0; i < b.size() && i < c.size(); ++i)
    if (!(b[i] == zero && c[i] == zero)) {
      ub.push_back(b[i]);
      uc.push_back(c[i]);
    }
  if (ub.empty()) return std::optional<Tested>();
  BootstrapOptions options;
  options.resamples = st.resamples;
  options.confidence = st.confidence;
  options.seed = st.seed;
  auto boot = PairedBootstrap(ub, uc, options);
  if (!boot.ok()) return boot.status();
  Tested t;
  t.units = boot->units;
  t.ci_lower = boot->difference.lower;
  t.ci_upper = boot->difference.upper;
  if (st.test == GateTest::kBootstrap) {
    t.test = "paired bootstrap";
    t.p_value = boot->p_value;
  } else {
    auto ar = ApproximateRandomization(ub, uc, options);
    if (!ar.ok()) return ar.status();
    t.test = "approximate randomization";
    t.p_value = ar->p_value;
  }
  return std::optional<Tested>(t);
}

// A check's per-unit counts at the finer unit `kind` on both sides, or why
// there are none: the message names the file and the fix.
struct FinerUnits {
  PerDocumentCounts b;
  PerDocumentCounts c;
};
Result<FinerUnits> Finer(const std::string& kind, const std::string& metric,
                         const AccuracyInput& in_b, const AccuracyInput& in_c,
                         const VariantScores& vb, const VariantScores& vc) {
  const auto ub = vb.units.find(kind);
  const auto uc = vc.units.find(kind);
  if (ub == vb.units.end() || uc == vc.units.end())
    return Status::InvalidInput(
        (ub == vb.units.end() ? in_b.path : in_c.path) + " has no per-" +
        kind.substr(0, kind.size() - 1) + " counts (\"units\": {\"" + kind +
        "\": …}); " + FileFix(kind));
  const std::vector<std::string>& ids = ub->second.doc_ids;
  if (std::set<std::string>(ids.begin(), ids.end()) !=
      std::set<std::string>(uc->second.doc_ids.begin(),
                            uc->second.doc_ids.end()))
    return Status::InvalidInput(
        "baseline and current are not comparable: " + in_b.path + " and " +
        in_c.path + " cut the documents into different " + kind +
        " (scored by ieval versions that segment differently?); rescore "
        "both with one ieval");
  auto b = DecomposeMetric(ub->second, metric, ids);
  auto c = DecomposeMetric(uc->second, metric, ids);
  if (!b || !c)
    return Status::InvalidInput("the " + kind + " of " + in_b.path +
                                " have no counts of " + metric);
  return FinerUnits{std::move(*b), std::move(*c)};
}

// As MeasurePower (accuracy_decide.cc), before any Holm adjustment.
double RawFloor(int64_t units, const GateStatistics& st) {
  const double monte_carlo = 1.0 / (static_cast<double>(st.resamples) + 1.0);
  if (st.test == GateTest::kBootstrap) return monte_carlo;
  return std::max(
      monte_carlo,
      std::min(1.0, 2.0 / std::pow(2.0, static_cast<double>(units))));
}

}  // namespace

Status TestCheck(GateCheck& check, const PerDocumentCounts& b,
                 const PerDocumentCounts& c, const AccuracyInput& in_b,
                 const AccuracyInput& in_c, const VariantScores& vb,
                 const VariantScores& vc, const AccuracyRule& rule,
                 const GateStatistics& st) {
  const bool entity_metric = check.metric.rfind("entities.", 0) == 0;
  const GateUnit unit =
      entity_metric ? rule.unit.value_or(st.unit) : GateUnit::kDocuments;
  const std::vector<PrfCounts>* ub = &b.units;
  const std::vector<PrfCounts>* uc = &c.units;
  std::optional<FinerUnits> finer;
  if (unit != GateUnit::kDocuments) {
    auto f = Finer(GateUnitName(unit), check.metric, in_b, in_c, vb, vc);
    if (!f.ok())
      return Status::InvalidInput("rule " + check.rule + " (\"unit\": \"" +
                                  GateUnitName(unit) +
                                  "\"): " + f.status().message());
    finer = std::move(*f);
    ub = &finer->b.units;
    uc = &finer->c.units;
  }
  auto tested = RunTests(*ub, *uc, st);
  if (!tested.ok()) return tested.status();
  if (!*tested) return Status::Ok();
  check.tested = true;
  check.unit = GateUnitName(unit);
  check.units = (*tested)->units;
  check.test = (*tested)->test;
  check.p_value = check.p_adjusted = (*tested)->p_value;
  check.confidence = st.confidence;
  check.ci_lower = (*tested)->ci_lower;
  check.ci_upper = (*tested)->ci_upper;
  if (unit != GateUnit::kDocuments || !entity_metric ||
      !rule.require_significance ||
      static_cast<int64_t>(in_b.doc_ids.size()) >= kFewDocuments)
    return Status::Ok();
  SideTest& side = check.sentence_test.emplace();
  auto f = Finer("sentences", check.metric, in_b, in_c, vb, vc);
  if (!f.ok()) {
    side.unavailable = f.status().message();
    return Status::Ok();
  }
  auto sentences = RunTests(f->b.units, f->c.units, st);
  if (!sentences.ok()) return sentences.status();
  if (!*sentences) {
    side.unavailable = "no sentence has a count of this metric";
    return Status::Ok();
  }
  side.available = true;
  side.units = (*sentences)->units;
  side.p_value = (*sentences)->p_value;
  side.p_floor = RawFloor(side.units, st);
  return Status::Ok();
}

}  // namespace ieval::gate_internal
