// `ieval gate`: decides whether the current results regressed against a
// baseline. Accuracy comes from report.json of `ieval run` or `ieval score
// --json` (per-document counts, and per-sentence or per-mention counts
// when the files hold them, make paired significance tests possible),
// speed from Google Benchmark JSON and from report.json's timed passes of
// each variant (`ieval run --bench-repetitions N`), whose repetitions make
// a Mann-Whitney U test possible. Rules (rules.h) say which numbers may drop by
// how much. The result is a list of checks, one per rule, variant and metric
// (or benchmark), each passed, failed or skipped with a one-line reason and
// what decided it (a test that cannot reach alpha never decides); the
// Markdown and JUnit renderings are in render.h.
#ifndef IEVAL_GATE_GATE_H_
#define IEVAL_GATE_GATE_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/rules.h"

namespace ieval {

inline constexpr double kGateNaN = std::numeric_limits<double>::quiet_NaN();

enum class CheckOutcome { kPass, kFail, kSkip };
const char* CheckOutcomeName(CheckOutcome outcome);  // "pass", "fail", "skip"

// How one document's value of a checked metric changed.
struct DocumentChange {
  std::string doc_id;
  double baseline = 0;
  double current = 0;
  std::string counts_before;  // "tp 30, fp 2, fn 6"
  std::string counts_after;
  std::string errors;  // error categories that changed most: "missed +3"
};

// How one error category's corpus count changed (entity metrics).
struct ErrorChange {
  std::string category;
  double baseline = 0;
  double current = 0;
};

// What settled an accuracy check: the headline of the verdict says it.
enum class Decider {
  kNoDrop,     // no drop beyond the tolerance and no floor broken
  kFloor,      // below the rule's floor
  kTolerance,  // beyond the tolerance, with no test required or possible
  kTest,       // the paired test: a significant drop, or one within noise
  // The tolerance, because the test cannot reach alpha with these units.
  kUnderpowered,
  // Passed a drop beyond the tolerance untested, because the rule says
  // "when_underpowered": "pass" (the headline warns of it).
  kUnderpoweredPass,
  kRun,  // the variant failed or was skipped
  // The baseline's run-to-run spread: its repeats (`ieval run --repeats`)
  // against the current mean, a drop beyond the spread or within it.
  kSpread,
};

// A test run beside the one that decides: on fewer than kFewDocuments
// documents (ieval/results/run_result.h), the sentence-level test of a
// check whose test pairs documents. Reported, never deciding: sentences of
// one document are not independent, so its p-value is optimistic.
struct SideTest {
  std::string unit = "sentences";
  bool available = false;
  std::string unavailable;  // why not, naming the file and the fix
  int64_t units = 0;
  double p_value = kGateNaN;  // raw: the Holm family is the deciding tests'
  double p_floor = kGateNaN;  // the smallest p it can give over `units`
};

struct GateCheck {
  enum class Kind { kAccuracy, kSpeed };
  Kind kind = Kind::kAccuracy;
  int rule_index = 0;
  std::string rule;      // the rule's name, or "accuracy[0]" / "speed[0]"
  std::string subject;   // the variant (accuracy) or benchmark (speed)
  std::string metric;    // full metric path, or "real_time" / "cpu_time"
  std::string criteria;  // what the rule demands, in words
  CheckOutcome outcome = CheckOutcome::kPass;
  std::string reason;  // one sentence: why it passed, failed or was skipped
  // Passed only because the change beyond the allowance was not significant:
  // worth a look, so the Markdown lists its reason.
  bool within_noise = false;
  // The rule requires significance but its test cannot reach alpha with
  // these units (p_floor > alpha): `power` says so ("5 documents cannot
  // reach significance"), `power_why` why ("approximate randomization
  // cannot give p below 2/2^5 = 0.0625, above α = 0.05"), and the rule's
  // when_underpowered decides a drop beyond the tolerance.
  bool underpowered = false;
  std::string power;
  std::string power_why;
  Decider decided_by = Decider::kNoDrop;

  // Accuracy: the metric's values. Speed: median times in nanoseconds.
  double baseline = kGateNaN;
  double current = kGateNaN;

  // Accuracy: the paired test on per-document counts (when the metric is a
  // ratio of per-document sums and both variants ran).
  bool tested = false;
  std::string test;  // "approximate randomization" / "paired bootstrap"
  double p_value = kGateNaN;     // two-sided, raw
  double p_adjusted = kGateNaN;  // Holm-adjusted when in the family, else raw
  double ci_lower = kGateNaN;    // percentile interval of current - baseline
  double ci_upper = kGateNaN;    // (paired bootstrap)
  double confidence = 0;
  std::string unit = "documents";  // what the test paired and resampled
  int64_t units = 0;
  // The smallest p-value the test can give over `units` (Holm-adjusted in
  // the family): max(2/2^N, 1/(resamples + 1)) for randomization,
  // 1/(resamples + 1) for the bootstrap. N counts the units with a count on
  // either side: one empty in both tells the test nothing.
  double p_floor = kGateNaN;
  std::optional<SideTest> sentence_test;
  // The baseline has repeats: `baseline` and `current` are means over the
  // repeats (the current's, or its one run), and the test (unit
  // "repeats", `units` the baseline's repeats) is Student's t of the
  // change against the baseline's spread (ieval/stats/repeats.h), which
  // can reach any alpha (p_floor 0).
  bool by_repeats = false;
  int repeats_baseline = 0;
  int repeats_current = 0;
  double spread = kGateNaN;  // standard deviation of the baseline's repeats
  std::vector<DocumentChange> documents;  // largest drops first (<= 5)
  std::vector<ErrorChange> errors;        // largest changes first (<= 6)

  // Speed.
  int repetitions_baseline = 0;
  int repetitions_current = 0;
  double rank_biserial = kGateNaN;  // > 0: current tends to be slower
};

struct GateReport {
  std::vector<std::string> baseline_paths;
  std::vector<std::string> current_paths;
  int64_t documents = 0;  // accuracy inputs: the gold's documents
  std::vector<std::string> variants;
  int benchmarks = 0;  // in the baseline
  GateStatistics statistics;
  std::vector<GateCheck> checks;
  // Plain-language caveats: too few documents for significance, speed
  // measured on different machines, new benchmarks not judged…
  std::vector<std::string> notes;

  int Count(CheckOutcome outcome) const;
  bool Regression() const { return Count(CheckOutcome::kFail) > 0; }
};

// Compares `baseline` with `current` files under `rules`. Each side holds
// at most one accuracy file (report.json or score --json) and any number of
// Google Benchmark files (merged; names must be unique); the two sides must
// hold the same kinds. When both reports have timed passes, the speed
// rules judge them as benchmarks "run/VARIANT" beside the others.
// kInvalidInput (exit 2) when the sides are not comparable: different
// kinds, gold, documents, variants or scoring options; a benchmark of the
// baseline missing from the current side; a rule naming a variant or metric
// that does not exist.
Result<GateReport> RunGate(std::vector<GateInputFile> baseline,
                           std::vector<GateInputFile> current,
                           const GateRules& rules);

// Loads every path and runs the gate.
Result<GateReport> RunGateOnFiles(const std::vector<std::string>& baseline,
                                  const std::vector<std::string>& current,
                                  const GateRules& rules);

}  // namespace ieval

#endif  // IEVAL_GATE_GATE_H_
