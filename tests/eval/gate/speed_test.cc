// The speed gate on seeded synthetic repetitions: samples from one
// distribution pass, a 20 % slowdown fails, a consistent 1 % shift never
// fails, too few repetitions are reported, not judged.
#include <gtest/gtest.h>

#include "ieval/gate/gate.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

constexpr char kSpeedRule[] = R"({
  "format": "ieval-gate-rules", "format_version": 1,
  "speed": [{"benchmarks": ["BM_*"], "max_slowdown": 0.05, "alpha": 0.05,
             "min_repetitions": 9}]})";

Result<GateReport> Gate(const std::string& baseline, const std::string& current,
                        const std::string& rules = kSpeedRule) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(baseline, "base_bench.json"));
  c.push_back(Input(current, "cur_bench.json"));
  return RunGate(std::move(b), std::move(c), Rules(rules));
}

TEST(GateSpeed, SamplesFromTheSameDistributionPass) {
  // Ten seeds, 12 repetitions each side, +-5 % uniform noise.
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    auto report =
        Gate(BenchmarkJson({{"BM_Score", Samples(12, 1e6, 0.05, seed)}}),
             BenchmarkJson({{"BM_Score", Samples(12, 1e6, 0.05, seed + 100)}}));
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->checks.size(), 1u);
    EXPECT_EQ(report->checks[0].outcome, CheckOutcome::kPass)
        << "seed " << seed << ": " << report->checks[0].reason;
  }
}

TEST(GateSpeed, TwentyPercentSlowerFails) {
  auto report =
      Gate(BenchmarkJson({{"BM_Score", Samples(12, 1e6, 0.05, 1)}}),
           BenchmarkJson({{"BM_Score", Samples(12, 1.2e6, 0.05, 2)}}));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail) << c.reason;
  EXPECT_NEAR(c.current / c.baseline, 1.2, 0.05);
  EXPECT_LT(c.p_value, 0.001);
  EXPECT_GT(c.rank_biserial, 0.9);
  EXPECT_EQ(c.repetitions_baseline, 12);
  EXPECT_NE(c.reason.find("significant"), std::string::npos);
}

TEST(GateSpeed, TwentyPercentFasterPasses) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(12, 1.2e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(12, 1e6, 0.05, 2)}}));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).outcome, CheckOutcome::kPass);
}

TEST(GateSpeed, ConsistentOnePercentShiftNeverFails) {
  // Tight repetitions make a 1 % shift highly significant; the minimum
  // effect (max_slowdown) keeps it from failing.
  auto report =
      Gate(BenchmarkJson({{"BM_Score", Samples(20, 1e6, 0.001, 1)}}),
           BenchmarkJson({{"BM_Score", Samples(20, 1.01e6, 0.001, 2)}}));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_LT(c.p_value, 0.001);
  EXPECT_EQ(c.outcome, CheckOutcome::kPass) << c.reason;
}

TEST(GateSpeed, LargeButNoisySlowdownIsNotSignificant) {
  // +-60 % noise: a 10 % shift of the median is not distinguishable.
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.6, 3)}}),
                     BenchmarkJson({{"BM_Score", Samples(9, 1.1e6, 0.6, 4)}}));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  if (c.current / c.baseline - 1 > 0.05) {
    EXPECT_GT(c.p_value, 0.05);
    EXPECT_NE(c.reason.find("not significant"), std::string::npos);
    EXPECT_TRUE(c.within_noise);
  }
  EXPECT_EQ(c.outcome, CheckOutcome::kPass) << c.reason;
}

TEST(GateSpeed, TooFewRepetitionsAreSkippedAndSaidSo) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(5, 1e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(5, 1.5e6, 0.05, 2)}}));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.outcome, CheckOutcome::kSkip);
  EXPECT_NE(c.reason.find("5 repetitions, fewer than the 9"), std::string::npos)
      << c.reason;
  EXPECT_NE(c.reason.find("--benchmark_repetitions=9"), std::string::npos);
  EXPECT_FALSE(report->Regression());
}

TEST(GateSpeed, TooFewRepetitionsCanBeMadeToFail) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(3, 1e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(3, 1e6, 0.05, 2)}}),
                     R"({"format": "ieval-gate-rules", "format_version": 1,
          "speed": [{"too_few_repetitions": "fail"}]})");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).outcome, CheckOutcome::kFail);
}

TEST(GateSpeed, OnlyMatchingBenchmarksAreChecked) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)},
                                    {"BM_Other", Samples(9, 1e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 2)},
                                    {"BM_Other", Samples(9, 3e6, 0.05, 2)}}),
                     R"({"format": "ieval-gate-rules", "format_version": 1,
          "speed": [{"benchmarks": "BM_Score"}]})");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->checks.size(), 1u);
  EXPECT_EQ(report->checks[0].subject, "BM_Score");
}

TEST(GateSpeed, MissingBenchmarkIsAnError) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)},
                                    {"BM_Gone", Samples(9, 1e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 2)}}));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("\"BM_Gone\""), std::string::npos);
}

TEST(GateSpeed, NewBenchmarkIsNotedNotJudged) {
  auto report = Gate(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)}}),
                     BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 2)},
                                    {"BM_New", Samples(9, 1e6, 0.05, 2)}}));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.size(), 1u);
  ASSERT_FALSE(report->notes.empty());
  EXPECT_NE(report->notes[0].find("BM_New is new"), std::string::npos);
}

TEST(GateSpeed, DifferentMachinesAreNoted) {
  auto report =
      Gate(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)}}, "a"),
           BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 2)}}, "b"));
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->notes.empty());
  EXPECT_NE(report->notes[0].find("different machines"), std::string::npos);
}

TEST(GateSpeed, AccuracyAgainstBenchmarksIsAnError) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.05, 1)}}),
                    "bench.json"));
  c.push_back(Input(ScoreJson(MakeDocs(3,
                                       [](int) {
                                         return PrfCounts{1, 0, 0};
                                       })),
                    "score.json"));
  auto report = RunGate(std::move(b), std::move(c), Rules(kSpeedRule));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("not comparable"),
            std::string::npos);
}

}  // namespace
}  // namespace ieval::testing
