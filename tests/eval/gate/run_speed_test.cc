// The speed gate on a report.json's timed passes (seeded synthetic
// passes): each variant is judged as the benchmark "run/VARIANT" with the
// speed rules of Google Benchmark files — a 20 % slowdown over 12 passes
// fails, other draws pass; one pass a side is skipped, failed or judged by
// the median alone as too_few_repetitions says, and a note says which;
// failed and skipped variants; bad passes are errors naming the path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ieval/gate/gate.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

using nlohmann::json;

constexpr char kRules[] = R"({
  "format": "ieval-gate-rules", "format_version": 1,
  "speed": [{"name": "pass time", "measure": "auto", "max_slowdown": 0.05,
             "too_few_repetitions": "TOO_FEW"}]})";

GateRules SpeedRules(const std::string& too_few = "skip") {
  std::string rules = kRules;
  rules.replace(rules.find("TOO_FEW"), 7, too_few);
  return Rules(rules);
}

std::vector<SynthDoc> Docs() {
  return MakeDocs(3, [](int) { return PrfCounts{1, 0, 0}; });
}

// A report of variants "a" and "b" (and a failed "c", a skipped "d" when
// asked) whose passes take `seconds` (wall; CPU a tenth of it).
std::string Report(const std::vector<double>& seconds,
                   const std::vector<std::string>& failed = {},
                   const std::vector<std::string>& skipped = {}) {
  json report = json::parse(
      RunReportJson({{"a", Docs()}, {"b", Docs()}}, failed, skipped));
  std::vector<double> cpu;
  for (double s : seconds) cpu.push_back(s / 10);
  for (json& v : report["variants"]) {
    const bool ok = v["status"] == "ok";
    v["throughput"]["repetitions"] = {
        {"count", ok ? seconds.size() : 0},
        {"after_warmup", seconds.size() > 1},
        {"wall_seconds", ok ? json(seconds) : json::array()},
        {"cpu_seconds", ok ? json(cpu) : json::array()}};
  }
  return report.dump();
}

// `n` passes of `mean` seconds, +-5 %.
std::vector<double> Passes(int n, double mean, uint64_t seed) {
  return Samples(n, mean, 0.05, seed);
}

Result<GateReport> Gate(const std::string& baseline, const std::string& current,
                        const GateRules& rules) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(baseline, "base/report.json"));
  c.push_back(Input(current, "cur/report.json"));
  return RunGate(std::move(b), std::move(c), rules);
}

const GateCheck* SpeedCheck(const GateReport& report,
                            const std::string& subject) {
  for (const GateCheck& c : report.checks)
    if (c.kind == GateCheck::Kind::kSpeed && c.subject == subject) return &c;
  return nullptr;
}

std::string Notes(const GateReport& report) {
  std::string all;
  for (const std::string& n : report.notes) all += n + "\n";
  return all;
}

TEST(GateRunSpeed, TwentyPercentSlowerPassesFailOtherDrawsPass) {
  auto slower = Gate(Report(Passes(12, 0.3, 1)), Report(Passes(12, 0.36, 2)),
                     SpeedRules());
  ASSERT_TRUE(slower.ok()) << slower.status().ToString();
  const GateCheck* c = SpeedCheck(*slower, "run/a");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->outcome, CheckOutcome::kFail) << c->reason;
  EXPECT_EQ(c->metric, "real_time");  // "auto": a report's passes
  EXPECT_NEAR(c->baseline, 0.3e9, 0.03e9);
  EXPECT_EQ(c->repetitions_current, 12);
  EXPECT_LT(c->p_value, 0.001);
  EXPECT_TRUE(slower->Regression());

  for (uint64_t seed = 1; seed <= 5; ++seed) {
    auto same = Gate(Report(Passes(12, 0.3, seed)),
                     Report(Passes(12, 0.3, seed + 100)), SpeedRules());
    ASSERT_TRUE(same.ok());
    ASSERT_NE(SpeedCheck(*same, "run/b"), nullptr);
    EXPECT_FALSE(same->Regression()) << "seed " << seed;
    EXPECT_EQ(Notes(*same).find("timed pass"), std::string::npos);
  }
}

TEST(GateRunSpeed, CpuTimeIsTheCpuSecondsOfThePasses) {
  auto report = Gate(Report(Passes(9, 0.3, 1)), Report(Passes(9, 0.3, 2)),
                     Rules(R"({"format": "ieval-gate-rules",
                               "format_version": 1,
                               "speed": [{"measure": "cpu_time"}]})"));
  ASSERT_TRUE(report.ok());
  const GateCheck* c = SpeedCheck(*report, "run/a");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->metric, "cpu_time");
  EXPECT_NEAR(c->baseline, 0.03e9, 0.003e9);
}

TEST(GateRunSpeed, OnePassASideIsJudgedAsTooFewRepetitionsSays) {
  const std::string base = Report({0.3}), slow = Report({0.39});
  auto skip = Gate(base, slow, SpeedRules("skip"));
  ASSERT_TRUE(skip.ok());
  EXPECT_EQ(SpeedCheck(*skip, "run/a")->outcome, CheckOutcome::kSkip);
  EXPECT_NE(SpeedCheck(*skip, "run/a")
                ->reason.find("1 repetition, fewer than the 9 the U test "
                              "needs (rerun with ieval run "
                              "--bench-repetitions 9)"),
            std::string::npos);
  EXPECT_FALSE(skip->Regression());
  const std::string notes = Notes(*skip);
  EXPECT_NE(notes.find("2 variants have a single timed pass"),
            std::string::npos)
      << notes;
  EXPECT_NE(notes.find("rule \"pass time\", which skips them"),
            std::string::npos);

  auto tolerance = Gate(base, slow, SpeedRules("tolerance"));
  ASSERT_TRUE(tolerance.ok());
  const GateCheck* c = SpeedCheck(*tolerance, "run/a");
  EXPECT_EQ(c->outcome, CheckOutcome::kFail) << c->reason;
  EXPECT_NE(c->reason.find("judged on the median alone"), std::string::npos);
  EXPECT_NE(Notes(*tolerance).find("against max_slowdown (5.0 %) alone"),
            std::string::npos)
      << Notes(*tolerance);
  auto within = Gate(base, Report({0.303}), SpeedRules("tolerance"));
  ASSERT_TRUE(within.ok());
  EXPECT_FALSE(within->Regression());

  auto fail = Gate(base, base, SpeedRules("fail"));
  ASSERT_TRUE(fail.ok());
  EXPECT_TRUE(fail->Regression());
  EXPECT_NE(Notes(*fail).find("fails them"), std::string::npos);
}

TEST(GateRunSpeed, FailedVariantFailsItsSpeedSkippedOneIsNotJudged) {
  const std::vector<double> passes = Passes(9, 0.3, 1);
  auto report =
      Gate(Report(passes), Report(passes, {"c"}, {"d"}), SpeedRules());
  // The baseline has no c and d: the variants differ, an error.
  EXPECT_FALSE(report.ok());
  auto both = Gate(Report(passes, {"c"}, {"d"}), Report(passes, {"c"}, {"d"}),
                   SpeedRules());
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(SpeedCheck(*both, "run/c")->outcome, CheckOutcome::kFail);
  EXPECT_NE(SpeedCheck(*both, "run/c")->reason.find("the variant failed"),
            std::string::npos);
  EXPECT_EQ(SpeedCheck(*both, "run/d")->outcome, CheckOutcome::kSkip);
  EXPECT_NE(SpeedCheck(*both, "run/d")->reason.find("skipped"),
            std::string::npos);
  EXPECT_EQ(SpeedCheck(*both, "run/a")->outcome, CheckOutcome::kPass);
}

TEST(GateRunSpeed, ReportsWithoutPassesOnOneSideAreNotJudgedAndSaidSo) {
  const std::string without = RunReportJson({{"a", Docs()}, {"b", Docs()}});
  auto report = Gate(without, Report(Passes(9, 0.3, 1)), SpeedRules());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(SpeedCheck(*report, "run/a"), nullptr);
  EXPECT_NE(Notes(*report).find("Only the current report.json"),
            std::string::npos);
  // Without speed rules, nothing is said about the passes.
  auto accuracy_only =
      Gate(Report(Passes(9, 0.3, 1)), Report(Passes(9, 0.3, 2)),
           Rules(R"({"format": "ieval-gate-rules", "format_version": 1,
                "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0}]})"));
  ASSERT_TRUE(accuracy_only.ok());
  EXPECT_EQ(SpeedCheck(*accuracy_only, "run/a"), nullptr);
  EXPECT_EQ(Notes(*accuracy_only).find("speed"), std::string::npos);
}

TEST(GateRunSpeed, RulesForOtherBenchmarksAreNotedWithReportsAlone) {
  auto report = Gate(Report(Passes(9, 0.3, 1)), Report(Passes(9, 0.3, 2)),
                     Rules(R"({"format": "ieval-gate-rules",
                               "format_version": 1,
                               "speed": [{"benchmarks": ["BM_*"]},
                                         {"benchmarks": ["run/b"]}]})"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_NE(Notes(*report).find("\"BM_*\" matches none of the report's"),
            std::string::npos);
  EXPECT_EQ(SpeedCheck(*report, "run/a"), nullptr);
  EXPECT_NE(SpeedCheck(*report, "run/b"), nullptr);
}

TEST(GateRunSpeed, ReportAndBenchmarkFilesAreJudgedTogether) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(Report(Passes(9, 0.3, 1)), "base/report.json"));
  b.push_back(Input(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)}}),
                    "base/bench.json"));
  c.push_back(Input(Report(Passes(9, 0.3, 2)), "cur/report.json"));
  c.push_back(Input(BenchmarkJson({{"BM_Score", Samples(9, 2e6, 0.05, 2)}}),
                    "cur/bench.json"));
  auto report = RunGate(std::move(b), std::move(c), SpeedRules());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(SpeedCheck(*report, "BM_Score")->outcome, CheckOutcome::kFail);
  EXPECT_EQ(SpeedCheck(*report, "BM_Score")->metric, "cpu_time");
  EXPECT_EQ(SpeedCheck(*report, "run/a")->outcome, CheckOutcome::kPass);
  EXPECT_EQ(report->benchmarks, 1);  // the Google Benchmark files' count
}

TEST(GateRunSpeed, BadPassesAreErrorsNamingTheJsonPath) {
  struct Case {
    const char* key;
    json value;
    const char* message;
  };
  const Case cases[] = {
      {"wall_seconds", json::array({0.1, -0.1}),
       "$.variants[0].throughput.repetitions.wall_seconds[1]"},
      {"cpu_seconds", "fast",
       "$.variants[0].throughput.repetitions.cpu_seconds"},
      {"cpu_seconds", json::array({0.1}), "differ in length"},
      {"count", 3, "is 3 but \"wall_seconds\" lists 2 timed passes"},
  };
  for (const Case& c : cases) {
    json report = json::parse(Report({0.3, 0.31}));
    report["variants"][0]["throughput"]["repetitions"][c.key] = c.value;
    auto parsed = ParseGateInput(report.dump(), "bad/report.json");
    ASSERT_FALSE(parsed.ok()) << c.message;
    EXPECT_EQ(parsed.status().code(), Status::Code::kInvalidInput);
    EXPECT_NE(parsed.status().ToString().find(c.message), std::string::npos)
        << parsed.status().ToString();
    EXPECT_NE(parsed.status().ToString().find("bad/report.json"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace ieval::testing
