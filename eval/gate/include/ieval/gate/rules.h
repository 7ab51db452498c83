// The rules of `ieval gate`: which metrics of which variants are checked,
// against what floors and tolerances, and which benchmarks may slow down by
// how much. Read from a JSON file (format in README.md, "Regression gate");
// a default set is compiled in (eval/gate/default_rules.json, printed by
// `ieval gate --print-default-rules`). Plain data: parsing validates every
// field so a typo in a rules file is an error, never a silently unchecked
// metric.
#ifndef IEVAL_GATE_RULES_H_
#define IEVAL_GATE_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

// Which paired test decides whether an accuracy drop is significant.
enum class GateTest {
  kRandomization,  // approximate randomization (default; valid for few units)
  kBootstrap,      // paired bootstrap, shifted null
};
const char* GateTestName(GateTest test);  // "randomization", "bootstrap"

// What a check that requires significance does when its test cannot reach
// the rule's alpha with the units given: approximate randomization over N
// units cannot give p below 2/2^N (the bootstrap below 1/(resamples + 1)),
// and Holm multiplies that floor by the number of checks in the family.
// Such a test can never find a drop significant, so it cannot decide.
enum class WhenUnderpowered {
  kTolerance,  // the tolerance decides: a drop beyond it fails (default)
  kPass,       // a drop beyond the tolerance passes: an explicit opt-in
};
// "tolerance", "pass".
const char* WhenUnderpoweredName(WhenUnderpowered when);

// The unit the paired tests pair and resample. Sentences and mentions need
// per-unit counts in both files (`ieval score --json --unit-counts`,
// report.json of a small gold); relation, value and cluster metrics are
// always tested over documents (a relation may cross sentences).
enum class GateUnit { kDocuments, kSentences, kMentions };
// "documents", "sentences", "mentions".
const char* GateUnitName(GateUnit unit);

// Settings shared by every accuracy check ("statistics" in the file).
struct GateStatistics {
  GateTest test = GateTest::kRandomization;
  int resamples = 10000;     // trials / bootstrap resamples; >= 1
  double confidence = 0.95;  // of the interval of the change
  uint64_t seed = 5489;
  // Holm-Bonferroni over every check that requires significance, so that
  // checking many metrics does not multiply false alarms. "holm" or "none".
  bool holm = true;
  // Defaults of the rules' fields of the same names.
  WhenUnderpowered when_underpowered = WhenUnderpowered::kTolerance;
  GateUnit unit = GateUnit::kDocuments;
};

// One accuracy rule. It expands into one check per matching variant and
// metric; each check fails when the floor or the drop tolerance fails.
struct AccuracyRule {
  std::string name;  // optional label shown in outputs
  // A metric path into the variant's scores (see README): dot-separated,
  // each component may be a glob ("entities.strict.per_type.*.f1").
  // "FAMILY.MODE.STAT" is short for "FAMILY.MODE.overall.STAT". The last
  // component must be precision, recall, f1, accuracy or conll_f1 (higher is
  // better).
  std::string metric;
  std::vector<std::string> variants = {"*"};  // globs over variant names
  std::optional<double> min;                  // floor: current >= min
  // Allowed drop (baseline - current): absolute, and relative to the
  // baseline. With both, the larger allowance applies. Unset: no drop check.
  std::optional<double> max_drop;
  std::optional<double> max_relative_drop;
  // A drop beyond the tolerance fails only when the paired test over
  // per-unit counts finds it significant at `alpha`; when the test cannot
  // reach alpha, `when_underpowered` decides.
  bool require_significance = false;
  double alpha = 0.05;
  // Unset: the statistics' setting. REQUIRES require_significance.
  std::optional<WhenUnderpowered> when_underpowered;
  std::optional<GateUnit> unit;
};

// What to do with a benchmark that has fewer repetitions than required
// (a Mann-Whitney U test over fewer is not trusted; one measurement, as a
// report.json of `ieval run` without --bench-repetitions holds, allows no
// test at all).
enum class TooFewRepetitions {
  kSkip,  // not judged, and the reason says so (default)
  kFail,  // fails
  // The median slowdown against max_slowdown alone, untested: what
  // "when_underpowered": "tolerance" is to accuracy rules. On a single
  // measurement per side it judges noise as much as the change.
  kTolerance,
};

// One speed rule: one check per matching benchmark of the baseline.
struct SpeedRule {
  std::string name;
  // Globs over run names; a report.json's variants are "run/VARIANT".
  std::vector<std::string> benchmarks = {"*"};
  // "cpu_time" (default), "real_time" or "auto". CPU time, because wall
  // time on a loaded CI machine also measures the other jobs; "auto" takes
  // real_time for `ieval bench`'s extractor benchmarks (names starting
  // "extract/"), whose cpu_time is ieval's alone and leaves out an
  // external extractor's program, and for the variants' timed passes of a
  // report.json ("run/VARIANT", BenchmarkSamples::from_run_report), the
  // same measurement; cpu_time for every other.
  std::string measure = "cpu_time";
  // Allowed slowdown of the median time, relative (0.05 = 5 %). It is also
  // the minimum effect size: a smaller slowdown never fails, however
  // significant. REQUIRES >= 0.01 (below is run-to-run noise).
  double max_slowdown = 0.05;
  double alpha = 0.05;      // Mann-Whitney U, two-sided
  int min_repetitions = 9;  // per side, as Google Benchmark's compare.py
  TooFewRepetitions too_few = TooFewRepetitions::kSkip;
};

struct GateRules {
  std::string comment;
  GateStatistics statistics;
  std::vector<AccuracyRule> accuracy;
  std::vector<SpeedRule> speed;
};

// Parses a rules file's text; `path` names it in messages. kInvalidInput
// for bad JSON, unknown keys (a typo must not disable a check), values out
// of range or a rule that checks nothing.
Result<GateRules> ParseGateRules(std::string_view text,
                                 const std::string& path);

// The compiled-in default rules (eval/gate/default_rules.json), as text.
std::string_view DefaultGateRulesText();

// Glob match: '*' any run of characters, '?' one character, else literal.
bool GlobMatch(std::string_view pattern, std::string_view text);

}  // namespace ieval

#endif  // IEVAL_GATE_RULES_H_
