// A run report's speed, for the gate's speed rules: each variant's timed
// passes over the gold (report.json "throughput.repetitions": the N passes
// after a warm-up of `ieval run --bench-repetitions N`, else the scored
// pass alone) read as the repetitions of a benchmark named "run/VARIANT",
// so speed.h judges them exactly as Google Benchmark repetitions: median,
// max_slowdown, Mann-Whitney U over the passes. Internal to ieval::gate.
#ifndef IEVAL_EVAL_GATE_RUN_SPEED_H_
#define IEVAL_EVAL_GATE_RUN_SPEED_H_

#include <optional>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/rules.h"
#include "ieval/io/json_reader.h"

namespace ieval::gate_internal {

// The name a report's variant has among the benchmarks.
inline constexpr char kRunSpeedPrefix[] = "run/";

// The timed passes of every variant of report.json `root` (whose variants
// ReadRunReport has checked: unique names, known statuses); nullopt when
// no variant has "throughput.repetitions". Each pass's wall_seconds is a
// real_time repetition, its cpu_seconds (the whole process's and its
// children's) a cpu_time one. A failed variant's benchmark carries its
// error, a skipped one's why it was skipped. kInvalidInput naming the JSON
// path when wall_seconds or cpu_seconds is not an array of numbers ≥ 0,
// the two differ in length, or "count" is not their length.
Result<std::optional<BenchmarkInput>> ReadRunSpeed(const JsonValue& root,
                                                   const std::string& path);

// What the verdict says about the timed passes of the run reports
// `baseline_report` and `current_report` under `rules` (which have speed
// rules): a side without them (not judged), and, per rule, the variants it
// selects with fewer passes than its min_repetitions on a side — how the
// rule judges them instead (too_few_repetitions) and how to get a tested
// verdict.
std::vector<std::string> RunSpeedNotes(
    const std::optional<BenchmarkInput>& baseline,
    const std::optional<BenchmarkInput>& current,
    const std::string& baseline_report, const std::string& current_report,
    const GateRules& rules);

}  // namespace ieval::gate_internal

#endif  // IEVAL_EVAL_GATE_RUN_SPEED_H_
