// The gate never fails open: a rule that requires significance, whose test
// cannot reach alpha with the units given (randomization over N units
// cannot go below 2/2^N, Holm multiplies that by the family's size, a
// Monte Carlo test cannot go below 1/(resamples + 1)), leaves the verdict
// to its tolerance unless it says "when_underpowered": "pass".
#include <gtest/gtest.h>

#include "ieval/gate/gate.h"
#include "ieval/gate/render.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

Result<GateReport> Gate(const std::vector<SynthDoc>& before,
                        const std::vector<SynthDoc>& after,
                        const std::string& rules) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(ScoreJson(before), "baseline.json"));
  c.push_back(Input(ScoreJson(after), "current.json"));
  return RunGate(std::move(b), std::move(c), Rules(rules));
}

std::string F1Rule(const std::string& extra = "") {
  return R"({"format": "ieval-gate-rules", "format_version": 1,)" + extra +
         R"( "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                           "require_significance": true}]})";
}

PrfCounts Good(int) { return PrfCounts{9, 1, 1}; }
PrfCounts Bad(int) { return PrfCounts{5, 5, 5}; }

TEST(GatePower, FiveDocumentsLeaveTheDropToTheTolerance) {
  auto report = Gate(MakeDocs(5, Good), MakeDocs(5, Bad), F1Rule());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail) << c.reason;
  EXPECT_TRUE(c.underpowered);
  EXPECT_EQ(c.decided_by, Decider::kUnderpowered);
  EXPECT_DOUBLE_EQ(c.p_floor, 2.0 / 32);
  EXPECT_EQ(c.power, "5 documents cannot reach significance");
  EXPECT_NE(c.reason.find("the tolerance decided"), std::string::npos)
      << c.reason;
}

TEST(GatePower, UnderpoweredDropWithinTheToleranceStillPasses) {
  auto after = MakeDocs(5, Good);
  after[0].types["PER"].fp += 1;  // a drop of about 0.008
  auto report = Gate(MakeDocs(5, Good), after, F1Rule());
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_TRUE(c.underpowered);
  EXPECT_EQ(c.outcome, CheckOutcome::kPass) << c.reason;
}

TEST(GatePower, WhenUnderpoweredPassIsAnExplicitOptIn) {
  auto report = Gate(MakeDocs(5, Good), MakeDocs(5, Bad),
                     R"({"format": "ieval-gate-rules", "format_version": 1,
               "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                             "require_significance": true,
                             "when_underpowered": "pass"}]})");
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.outcome, CheckOutcome::kPass);
  EXPECT_EQ(c.decided_by, Decider::kUnderpoweredPass);
  EXPECT_NE(c.reason.find("passes untested"), std::string::npos) << c.reason;
}

TEST(GatePower, StatisticsSetTheDefaultOfEveryRule) {
  auto report =
      Gate(MakeDocs(5, Good), MakeDocs(5, Bad),
           F1Rule(R"( "statistics": {"when_underpowered": "pass"},)"));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).decided_by, Decider::kUnderpoweredPass);
}

TEST(GatePower, TenDocumentsLetTheTestDecide) {
  auto report = Gate(MakeDocs(10, Good), MakeDocs(10, Bad), F1Rule());
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_FALSE(c.underpowered);
  EXPECT_EQ(c.decided_by, Decider::kTest);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail);
  for (const std::string& note : report->notes)
    EXPECT_EQ(note.find("cannot reach it"), std::string::npos) << note;
}

TEST(GatePower, HolmOverManyChecksCanLeaveEightDocumentsUnderpowered) {
  // 2/2^8 = 0.0078 alone, but 12 checks (4 modes, 4 x 2 types) under Holm
  // cannot go below 12 x 0.0078 = 0.094.
  auto report = Gate(MakeDocs(8, Good), MakeDocs(8, Bad),
                     R"({"format": "ieval-gate-rules", "format_version": 1,
               "accuracy": [
                 {"metric": "entities.*.f1", "max_drop": 0.01,
                  "require_significance": true},
                 {"metric": "entities.*.per_type.*.f1", "max_drop": 0.01,
                  "require_significance": true}]})");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->checks.size(), 12u);
  const GateCheck& c = report->checks.at(0);
  EXPECT_TRUE(c.underpowered);
  EXPECT_DOUBLE_EQ(c.p_floor, 12 * 2.0 / 256);
  EXPECT_NE(c.power_why.find("Holm over 12 checks"), std::string::npos)
      << c.power_why;
}

TEST(GatePower, WithoutHolmEightDocumentsCanDecide) {
  auto report = Gate(MakeDocs(8, Good), MakeDocs(8, Bad),
                     F1Rule(R"( "statistics": {"correction": "none"},)"));
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->checks.at(0).underpowered);
}

TEST(GatePower, TooFewResamplesCannotReachAlphaEither) {
  auto report = Gate(MakeDocs(40, Good), MakeDocs(40, Bad),
                     F1Rule(R"( "statistics": {"resamples": 10},)"));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_TRUE(c.underpowered);
  EXPECT_DOUBLE_EQ(c.p_floor, 1.0 / 11);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail);
}

TEST(GatePower, NoteSaysHowManyChecksTheToleranceDecides) {
  auto report = Gate(MakeDocs(5, Good), MakeDocs(5, Bad), F1Rule());
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->notes.empty());
  EXPECT_NE(report->notes[0].find("1 of 1 checks that require significance "
                                  "cannot reach it: 5 documents"),
            std::string::npos)
      << report->notes[0];
  EXPECT_NE(report->notes[0].find("2/2^5 = 0.06"), std::string::npos);
}

TEST(GatePower, HeadlineSaysTheToleranceDecidedAndWhy) {
  auto report = Gate(MakeDocs(5, Good), MakeDocs(5, Bad), F1Rule());
  ASSERT_TRUE(report.ok());
  const std::string md = RenderGateMarkdown(*report);
  const std::string first = md.substr(0, md.find('\n'));
  EXPECT_EQ(first.rfind("## ieval gate: ❌ regression: `score` "
                        "`entities.strict.overall.f1` 0.917 → 0.583 (−0.333)",
                        0),
            0u)
      << first;
  EXPECT_NE(first.find("the tolerance decided because 5 documents cannot "
                       "reach significance"),
            std::string::npos)
      << first;
}

TEST(GatePower, HeadlineWarnsOfADropPassedUntested) {
  auto report =
      Gate(MakeDocs(5, Good), MakeDocs(5, Bad),
           F1Rule(R"( "statistics": {"when_underpowered": "pass"},)"));
  ASSERT_TRUE(report.ok());
  const std::string md = RenderGateMarkdown(*report);
  EXPECT_EQ(md.rfind("## ieval gate: ✅ pass, but 1 drop beyond the tolerance "
                     "passed untested",
                     0),
            0u)
      << md;
}

}  // namespace
}  // namespace ieval::testing
