// The speed half of the gate: Google Benchmark repetitions of the baseline
// and the current build, compared per benchmark the way Google Benchmark's
// tools/compare.py does — a two-sided Mann-Whitney U test over the
// repetitions (eval/stats/include/ieval/stats/mann_whitney.h), with at least 9
// repetitions per side for a trustworthy answer — plus a minimum effect: a
// benchmark fails only when its median time grew by more than the rule's
// max_slowdown AND the U test finds the shift significant. A consistent 1 %
// shift is significant with enough repetitions, yet it is noise between two
// runs on a shared machine; max_slowdown (>= 1 %) keeps it from failing.
// A report.json's variants come as benchmarks "run/VARIANT" whose
// repetitions are the variant's timed passes (run_speed.h), judged alike.
// Internal to ieval::gate.
#ifndef IEVAL_EVAL_GATE_SPEED_H_
#define IEVAL_EVAL_GATE_SPEED_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/gate/gate.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/rules.h"

namespace ieval::gate_internal {

// One check per speed rule and baseline benchmark it selects. Appends to
// `notes` benchmarks new in the current files (not judged) and context
// differences (another host, a debug build). kInvalidInput when a selected
// baseline benchmark is missing from the current files, or a rule's
// benchmark glob selects nothing while there are Google Benchmark files
// (with only a report's variants, a note says the glob was not applied).
Result<std::vector<GateCheck>> BuildSpeedChecks(
    const BenchmarkInput& baseline, const BenchmarkInput& current,
    const GateRules& rules, std::vector<std::string>& notes);

// The median of `values` (non-empty; the mean of the middle two for an
// even count).
double Median(std::vector<double> values);

}  // namespace ieval::gate_internal

#endif  // IEVAL_EVAL_GATE_SPEED_H_
