// The accuracy half of the gate: are two accuracy files comparable, which
// checks do the rules expand into, and does each pass. Internal to
// ieval::gate (gate.cc calls it).
//
// A check's metric is read from the corpus scores. When the metric is a
// ratio of sums over documents (P, R, F1 of a mode, overall or per type;
// value accuracy; cluster-mention P/R/F1; MUC, B³, CEAF recall and
// precision), the per-document counts are turned into one PrfCounts per
// document whose micro F1 is that metric — P as F1 of {tp, fp, fp}, R as
// {tp, fn, fn}, a ratio num/den as {num, den-num, den-num} — so the paired
// tests of eval/stats (written for F1) test it exactly. Averages that are
// not ratios of sums (macro, weighted, per-document means, CoNLL F1, BLANC)
// have no paired test and are judged on their tolerance alone.
#ifndef IEVAL_EVAL_GATE_ACCURACY_H_
#define IEVAL_EVAL_GATE_ACCURACY_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/gate/gate.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/rules.h"
#include "metrics.h"

namespace ieval::gate_internal {

// kInvalidInput unless both files were scored with the same options on the
// same documents with the same gold (per document: mentions, mentions per
// type, relations) and list the same variants.
Status CheckComparable(const AccuracyInput& baseline,
                       const AccuracyInput& current);

// A check before its verdict: `decided` when the variants' status already
// settles it (a variant that failed to run).
struct PendingCheck {
  GateCheck check;
  bool decided = false;
};

// Expands every accuracy rule over variants and metrics and runs the paired
// tests. kInvalidInput for a rule naming a variant or metric that is not
// there, or documents whose counts do not add up to the corpus metric.
Result<std::vector<PendingCheck>> BuildAccuracyChecks(
    const AccuracyInput& baseline, const AccuracyInput& current,
    const GateRules& rules);

// Runs the paired tests of a measured check (its values and per-document
// counts `b` and `c` known) over the rule's unit: documents, or the finer
// units of both files for entity metrics; and beside a document-level test
// on fewer than kFewDocuments documents, the sentence-level one
// (check.sentence_test). Units empty on both sides are left out.
// kInvalidInput when the rule asks for a unit one file has no counts of,
// or the two files cut their documents into different units.
Status TestCheck(GateCheck& check, const PerDocumentCounts& b,
                 const PerDocumentCounts& c, const AccuracyInput& in_b,
                 const AccuracyInput& in_c, const VariantScores& vb,
                 const VariantScores& vc, const AccuracyRule& rule,
                 const GateStatistics& st);

// When the baseline variant has repeats (`ieval run --repeats K`) holding
// the metric's counts: the check's values become the means over the
// repeats (the current's, or its one run), and its test Student's t of the
// change against the baseline's run-to-run spread (by_repeats). false,
// the check untouched, otherwise. kInvalidInput when a file's repeat 0
// does not add up to its scores.
Result<bool> TestAgainstRepeats(GateCheck& check, const AccuracyInput& in_b,
                                const AccuracyInput& in_c,
                                const VariantScores& vb,
                                const VariantScores& vc,
                                const GateStatistics& st);

// How the repeats of the files were used: which baseline variants ran with
// repeats (their checks compare means against the baseline's spread), and
// current variants with repeats whose baseline has none (the spread cannot
// judge them: rerun the baseline with --repeats).
std::vector<std::string> RepeatNotes(const AccuracyInput& baseline,
                                     const AccuracyInput& current);

// Holm-adjusts the p-values of the checks that require significance (when
// rules.statistics.holm) and gives every undecided check its outcome and
// reason.
std::vector<GateCheck> DecideAccuracyChecks(std::vector<PendingCheck> checks,
                                            const GateRules& rules);

// Caveats about significance, from the decided checks: how many tests
// cannot reach alpha and what decides them instead, and the bootstrap's
// over-confidence on few documents; empty when no rule requires
// significance or every test can decide.
std::vector<std::string> SignificanceNotes(const std::vector<GateCheck>& checks,
                                           int64_t documents,
                                           const GateRules& rules);

}  // namespace ieval::gate_internal

#endif  // IEVAL_EVAL_GATE_ACCURACY_H_
