// `ieval gate` on the variants' speed in report.json, through the real
// binary: two runs of `ieval run --bench-repetitions 9` of an external
// extractor slowed by 30 % fail the speed check and one slowed by 1 %
// passes (testing/slowed_extractor.h: the three run at once); a report of
// one timed pass per variant is not enough for a U test, and the verdict
// says how it is judged instead. Nothing here is timed: the runs are
// compared with the gate's own rules.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "testing/cli_runner.h"
#include "testing/slowed_extractor.h"

namespace ieval {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunIeval;

constexpr char kGold[] = IEVAL_SOURCE_DIR "/gold/docs";
constexpr char kSample[] = IEVAL_SOURCE_DIR "/reports/sample/report.json";

// Speed only, on the wall clock, for the report's variants.
constexpr char kSpeedRules[] = R"({
 "format": "ieval-gate-rules", "format_version": 1,
 "speed": [{"name": "variant time", "benchmarks": ["run/*"],
            "measure": "real_time", "max_slowdown": 0.05, "alpha": 0.05,
            "min_repetitions": 9, "too_few_repetitions": "TOO_FEW"}]})";

class RunSpeedGateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string Rules(const std::string& too_few) {
    std::string rules = kSpeedRules;
    rules.replace(rules.find("TOO_FEW"), 7, too_few);
    const std::string path = dir_ + "/rules-" + too_few + ".json";
    testing::WriteText(path, rules);
    return path;
  }
  // `ieval run` of the fake sleeping `ms` per document over the shipped
  // gold, 9 timed passes after the scored one, into folder `out`.
  testing::CommandResult Run(const std::string& ms, const std::string& out) {
    const std::string variants = out + "-variants.json";
    testing::WriteText(
        variants,
        json{{"variants", {testing::FakeExtractorVariant("fake", "slow", ms)}}}
            .dump());
    const std::string config = out + "-run.json";
    testing::WriteText(config, json{{"gold", kGold},
                                    {"variants_file", variants},
                                    {"statistics", {{"resamples", 200}}}}
                                   .dump());
    return RunIeval({"run", "--config", config, "--out", out,
                     "--bench-repetitions", "9", "--quiet"});
  }
  std::string dir_;
};

TEST_F(RunSpeedGateCli, ThirtyPercentSlowerFailsOnePercentSlowerPasses) {
  const testing::SlowedRuns runs = testing::MeasureSlowedExtractor(
      dir_, "", [this](const std::string& ms, const std::string& out) {
        return Run(ms, out);
      });
  const std::string base = runs.baseline + "/report.json",
                    slow = runs.slower_30 + "/report.json",
                    same = runs.slower_1 + "/report.json";
  const json passes = json::parse(
      testing::ReadText(base))["variants"][0]["throughput"]["repetitions"];
  ASSERT_EQ(passes["wall_seconds"].size(), 9u);

  const std::string rules = Rules("fail");
  auto fails = RunIeval(
      {"gate", "--baseline", base, "--current", slow, "--rules", rules});
  EXPECT_EQ(fails.exit_code, 1) << fails.out << fails.err;
  EXPECT_THAT(fails.out, HasSubstr("❌ regression: `run/fake` `real_time`"));
  EXPECT_THAT(fails.out, HasSubstr("and significant (U test p = "));
  EXPECT_THAT(fails.out, HasSubstr("Repetitions: 9 baseline, 9 current"));
  auto passes_gate = RunIeval(
      {"gate", "--baseline", base, "--current", same, "--rules", rules});
  EXPECT_EQ(passes_gate.exit_code, 0) << passes_gate.out << passes_gate.err;
  EXPECT_THAT(passes_gate.out, HasSubstr("| ✅ | `run/fake` | `real_time` |"));

  // The default rules judge the variant on the wall clock too ("measure":
  // "auto") beside its accuracy, which is the same in every run.
  const std::string fake = "`run/fake` | `real_time` |";
  auto default_fails =
      RunIeval({"gate", "--baseline", base, "--current", slow});
  EXPECT_EQ(default_fails.exit_code, 1) << default_fails.out;
  EXPECT_THAT(default_fails.out, HasSubstr("| " + fake));
  EXPECT_THAT(default_fails.out, Not(HasSubstr("| ✅ | " + fake)));
  EXPECT_THAT(default_fails.out,
              HasSubstr("| ✅ | `fake` | `entities.strict.overall.f1`"));
  auto default_passes =
      RunIeval({"gate", "--baseline", base, "--current", same});
  EXPECT_EQ(default_passes.exit_code, 0) << default_passes.out;
  EXPECT_THAT(default_passes.out, HasSubstr("| ✅ | " + fake));
  EXPECT_THAT(default_passes.out, Not(HasSubstr("a single timed pass")));
}

TEST_F(RunSpeedGateCli, OneTimedPassIsSkippedByDefaultAndSaysHowToJudgeIt) {
  // The sample report ran without --bench-repetitions: one pass a variant.
  auto r = RunIeval({"gate", "--baseline", kSample, "--current", kSample});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("| ⚪ | `run/acronyms` | `real_time` |"));
  EXPECT_THAT(r.out, HasSubstr("not judged: 1 repetition, fewer than the 9 "
                               "the U test needs (rerun with ieval run "
                               "--bench-repetitions 9)"));
  EXPECT_THAT(r.out, HasSubstr("have a single timed pass (ieval run without "
                               "--bench-repetitions)"));
  EXPECT_THAT(r.out, HasSubstr("\"tolerance\" judges the median slowdown"));

  // "tolerance" judges the median alone, and says so; "fail" fails.
  auto tolerance = RunIeval({"gate", "--baseline", kSample, "--current",
                             kSample, "--rules", Rules("tolerance")});
  EXPECT_EQ(tolerance.exit_code, 0) << tolerance.out << tolerance.err;
  EXPECT_THAT(tolerance.out, HasSubstr("| ✅ | `run/acronyms` |"));
  EXPECT_THAT(tolerance.out, HasSubstr("judges them by their median slowdown "
                                       "against max_slowdown (5.0 %) alone"));
  auto fail = RunIeval({"gate", "--baseline", kSample, "--current", kSample,
                        "--rules", Rules("fail")});
  EXPECT_EQ(fail.exit_code, 1) << fail.out << fail.err;
  EXPECT_THAT(fail.out, HasSubstr("fails them (\"too_few_repetitions\": "
                                  "\"fail\")"));
}

TEST_F(RunSpeedGateCli, BadTimedPassesExitTwoNamingThePath) {
  json report = json::parse(testing::ReadText(kSample));
  report["variants"][0]["throughput"]["repetitions"]["wall_seconds"] =
      json::array({0.1, -1});
  const std::string bad = dir_ + "/bad.json";
  testing::WriteText(bad, report.dump());
  auto r = RunIeval({"gate", "--baseline", kSample, "--current", bad});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("bad.json"));
  EXPECT_THAT(r.err, HasSubstr("throughput.repetitions.wall_seconds[1]"));
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace ieval
