// TestAgainstRepeats (accuracy.h): a check whose baseline variant ran with
// `ieval run --repeats K` is judged against the baseline's run-to-run
// spread: the metric is computed in every repeat from its per-document
// counts, and the current mean (over its own repeats, or its one run) is
// compared with the baseline's repeats by Student's t
// (ieval/stats/repeats.h). A paired test over documents would compare one
// draw of each side and take the extractor's own noise for a regression.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "accuracy.h"
#include "ieval/core/text_format.h"
#include "ieval/stats/repeats.h"

namespace ieval::gate_internal {
namespace {

// The repeats keep the entity, relation and value counts of each document;
// a metric of those with no column in a repeat had only zero counts there.
bool KeptByRepeats(const std::string& metric) {
  for (const char* family : {"entities.", "relations.", "values."})
    if (metric.rfind(family, 0) == 0) return true;
  return false;
}

// The metric in each repeat of `v`; nullopt when the repeats do not hold
// its counts.
std::optional<std::vector<double>> PerRepeat(
    const VariantScores& v, const std::string& metric,
    const std::vector<std::string>& ids) {
  if (!KeptByRepeats(metric)) return std::nullopt;
  std::vector<double> out;
  for (const DocumentColumns& repeat : v.repeats) {
    PrfCounts sum;
    if (auto d = DecomposeMetric(repeat, metric, ids))
      for (const PrfCounts& u : d->units) sum += u;
    out.push_back(F1(sum));
  }
  return out;
}

}  // namespace

Result<bool> TestAgainstRepeats(GateCheck& check, const AccuracyInput& in_b,
                                const AccuracyInput& in_c,
                                const VariantScores& vb,
                                const VariantScores& vc,
                                const GateStatistics& st) {
  if (vb.repeats.size() < 2) return false;
  auto xb = PerRepeat(vb, check.metric, in_b.doc_ids);
  if (!xb) return false;
  // Repeat 0 is the run whose scores the file shows.
  if (std::fabs(xb->front() - check.baseline) > 1e-9)
    return Status::InvalidInput(
        "variant \"" + vb.name + "\": " + check.metric + " is " +
            Fixed(check.baseline, 6) + " but repeat 0's documents give " +
            Fixed(xb->front(), 6) +
            "; the file's repeats do not match its scores (edited by hand?)",
        Where{in_b.path, 0, "", ""});
  std::vector<double> xc = {check.current};
  if (vc.repeats.size() >= 2) {
    auto x = PerRepeat(vc, check.metric, in_b.doc_ids);
    if (!x) return false;
    if (std::fabs(x->front() - check.current) > 1e-9)
      return Status::InvalidInput(
          "variant \"" + vc.name + "\": " + check.metric + " is " +
              Fixed(check.current, 6) + " but repeat 0's documents give " +
              Fixed(x->front(), 6) +
              "; the file's repeats do not match its scores (edited by "
              "hand?)",
          Where{in_c.path, 0, "", ""});
    xc = std::move(*x);
  }
  auto r = CompareWithRepeats(*xb, xc, st.confidence);
  if (!r.ok()) return r.status();
  check.by_repeats = true;
  check.tested = true;
  check.test = "Student's t against the baseline's repeats";
  check.unit = "repeats";
  check.units = r->baseline_repeats;
  check.repeats_baseline = r->baseline_repeats;
  check.repeats_current = r->current_repeats;
  check.spread = r->baseline_stddev;
  check.baseline = r->baseline_mean;
  check.current = r->current_mean;
  check.p_value = check.p_adjusted = r->p_value;
  check.confidence = st.confidence;
  check.ci_lower = r->lower;
  check.ci_upper = r->upper;
  return true;
}

std::vector<std::string> RepeatNotes(const AccuracyInput& baseline,
                                     const AccuracyInput& current) {
  std::string repeated, unmatched;
  for (const VariantScores& vb : baseline.variants) {
    const VariantScores* vc = current.Find(vb.name);
    if (vb.repeats.size() >= 2)
      repeated += (repeated.empty() ? "" : ", ") + vb.name + " (" +
                  std::to_string(vb.repeats.size()) + ")";
    else if (vc != nullptr && vc->repeats.size() >= 2)
      unmatched += (unmatched.empty() ? "" : ", ") + vc->name;
  }
  std::vector<std::string> notes;
  if (!repeated.empty())
    notes.push_back(
        "Baseline variants with repeats (ieval run --repeats): " + repeated +
        ". Their checks compare the mean over the repeats (the current's, "
        "or its one run) with the baseline's mean, and a drop beyond the "
        "tolerance fails only when it is beyond the baseline's run-to-run "
        "spread (Student's t with the baseline's standard deviation, " +
        "reports/README.md); the documents listed are repeat 0's.");
  if (!unmatched.empty())
    notes.push_back(
        "Current variants with repeats whose baseline has none: " + unmatched +
        ". Without the baseline's spread, their repeat 0 is "
        "judged by the paired test over documents; rerun the "
        "baseline with ieval run --repeats for the spread to "
        "judge.");
  return notes;
}

}  // namespace ieval::gate_internal
