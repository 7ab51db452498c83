// The accuracy gate on synthetic score files and run reports: a real drop
// fails, a drop within noise passes, an improvement passes, and files that
// cannot be compared (other documents, gold, options or variants) are
// errors (exit 2), never a pass or a regression.
#include <gtest/gtest.h>

#include <cmath>

#include "ieval/gate/gate.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

// F1 only, 5 % significance, a 0.01 absolute tolerance.
constexpr char kF1Rule[] = R"({
  "format": "ieval-gate-rules", "format_version": 1,
  "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                "require_significance": true, "alpha": 0.05}]})";

// 40 documents with varied counts (F1 about 0.85).
PrfCounts Varied(int i) {
  return PrfCounts{static_cast<double>(8 + i % 5), static_cast<double>(i % 3),
                   static_cast<double>(1 + i % 4)};
}

Result<GateReport> Gate(const std::string& baseline, const std::string& current,
                        const std::string& rules) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(baseline, "baseline.json"));
  c.push_back(Input(current, "current.json"));
  return RunGate(std::move(b), std::move(c), Rules(rules));
}

TEST(GateAccuracy, RealDropFails) {
  const auto before = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  const auto after = MakeDocs(40, [](int) { return PrfCounts{7, 3, 3}; });
  auto report = Gate(ScoreJson(before), ScoreJson(after), kF1Rule);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->checks.size(), 1u);
  const GateCheck& c = report->checks[0];
  EXPECT_EQ(c.outcome, CheckOutcome::kFail) << c.reason;
  EXPECT_TRUE(report->Regression());
  EXPECT_EQ(c.subject, "score");
  EXPECT_EQ(c.metric, "entities.strict.overall.f1");
  EXPECT_NEAR(c.baseline, 11.0 / 12.0, 1e-12);  // PER 9/1/1 + LOC 2/0/0
  EXPECT_NEAR(c.current, 9.0 / 12.0, 1e-12);
  EXPECT_TRUE(c.tested);
  EXPECT_LT(c.p_value, 0.001);
  EXPECT_LT(c.ci_upper, 0);  // the whole interval is a drop
  EXPECT_NE(c.reason.find("significant"), std::string::npos);
}

TEST(GateAccuracy, DropWithinNoisePasses) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  // Two of 40 documents lose six true positives each: a drop of about
  // 0.012, beyond the 0.01 tolerance, but randomization sees two documents
  // moving together about half the time: far from significant.
  for (int i : {3, 17}) {
    after[static_cast<size_t>(i)].types["PER"].tp -= 6;
    after[static_cast<size_t>(i)].types["PER"].fn += 6;
  }
  auto report = Gate(ScoreJson(before), ScoreJson(after), kF1Rule);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(0);
  EXPECT_GT(c.baseline - c.current, 0.01);
  EXPECT_GT(c.p_value, 0.05);
  EXPECT_EQ(c.outcome, CheckOutcome::kPass) << c.reason;
  EXPECT_NE(c.reason.find("within noise"), std::string::npos) << c.reason;
  EXPECT_TRUE(c.within_noise);
}

TEST(GateAccuracy, SameDropFailsWhenSignificanceIsNotRequired) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  for (int i : {3, 17}) {
    after[static_cast<size_t>(i)].types["PER"].tp -= 6;
    after[static_cast<size_t>(i)].types["PER"].fn += 6;
  }
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01}]})");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).outcome, CheckOutcome::kFail);
}

TEST(GateAccuracy, ImprovementPasses) {
  const auto before = MakeDocs(40, [](int) { return PrfCounts{7, 3, 3}; });
  const auto after = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  auto report = Gate(ScoreJson(before), ScoreJson(after), kF1Rule);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).outcome, CheckOutcome::kPass);
  EXPECT_FALSE(report->Regression());
}

TEST(GateAccuracy, SmallDropWithinToleranceNeedsNoTest) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  after[0].types["PER"].fp += 1;  // a drop of about 0.001
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01}]})");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->checks.at(0).outcome, CheckOutcome::kPass);
}

TEST(GateAccuracy, RelativeToleranceIsAShareOfTheBaseline) {
  const auto before = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  const auto after = MakeDocs(40, [](int) { return PrfCounts{8, 2, 2}; });
  // 0.9167 -> 0.8333: a drop of 0.083, 9.1 % of the baseline.
  const std::string loose = R"({"format": "ieval-gate-rules",
    "format_version": 1, "accuracy": [{"metric": "entities.strict.f1",
    "max_relative_drop": 0.10}]})";
  const std::string tight = R"({"format": "ieval-gate-rules",
    "format_version": 1, "accuracy": [{"metric": "entities.strict.f1",
    "max_relative_drop": 0.08}]})";
  EXPECT_EQ(Gate(ScoreJson(before), ScoreJson(after), loose)->checks[0].outcome,
            CheckOutcome::kPass);
  EXPECT_EQ(Gate(ScoreJson(before), ScoreJson(after), tight)->checks[0].outcome,
            CheckOutcome::kFail);
}

TEST(GateAccuracy, FloorFailsEvenWithoutADrop) {
  const auto docs = MakeDocs(10, [](int) { return PrfCounts{6, 4, 4}; });
  auto report = Gate(ScoreJson(docs), ScoreJson(docs), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "min": 0.70}]})");
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail);
  EXPECT_NE(c.reason.find("below the floor 0.700"), std::string::npos);
}

TEST(GateAccuracy, PerTypeGlobGivesOneCheckPerType) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(ScoreJson(docs), ScoreJson(docs), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.per_type.*.f1",
                  "max_drop": 0.0}]})");
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->checks.size(), 2u);
  EXPECT_EQ(report->checks[0].metric, "entities.strict.per_type.LOC.f1");
  EXPECT_EQ(report->checks[1].metric, "entities.strict.per_type.PER.f1");
  EXPECT_EQ(report->Count(CheckOutcome::kPass), 2);
}

TEST(GateAccuracy, PrecisionAndRecallAreTestedExactly) {
  const auto before = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  const auto after = MakeDocs(40, [](int) { return PrfCounts{9, 5, 1}; });
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [
      {"metric": "entities.strict.precision", "max_drop": 0.01,
       "require_significance": true},
      {"metric": "entities.strict.recall", "max_drop": 0.01,
       "require_significance": true}]})");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->checks.size(), 2u);
  EXPECT_EQ(report->checks[0].outcome, CheckOutcome::kFail);  // precision
  EXPECT_NEAR(report->checks[0].current, 11.0 / 16.0, 1e-12);
  EXPECT_EQ(report->checks[1].outcome, CheckOutcome::kPass);  // recall same
  EXPECT_NEAR(report->checks[1].current - report->checks[1].baseline, 0, 1e-12);
}

TEST(GateAccuracy, HolmAdjustsOverTheChecksThatRequireSignificance) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  for (int i : {1, 5, 9}) after[static_cast<size_t>(i)].types["PER"].fp += 3;
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.*.f1", "max_drop": 0.001,
                  "require_significance": true}]})");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->checks.size(), 4u);  // strict, exact, partial, type
  for (const GateCheck& c : report->checks) {
    EXPECT_TRUE(c.tested);
    EXPECT_GE(c.p_adjusted, c.p_value);
  }
  EXPECT_GT(report->checks[0].p_adjusted, report->checks[0].p_value);
}

TEST(GateAccuracy, MacroAverageIsJudgedOnItsToleranceAlone) {
  const auto before = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  const auto after = MakeDocs(40, [](int) { return PrfCounts{7, 3, 3}; });
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.macro.f1", "max_drop": 0.01,
                  "require_significance": true}]})");
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  EXPECT_FALSE(c.tested);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail);
  EXPECT_NE(c.reason.find("tolerance alone"), std::string::npos);
}

TEST(GateAccuracy, FailureNamesTheDocumentsAndErrorsThatChangedMost) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  after[7].types["PER"] = PrfCounts{5, 1, 9};  // was {10, 1, 4}
  after[7].errors["missed"] = 9;
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.0}]})");
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].doc_id, "d07");
  EXPECT_EQ(c.documents[0].errors, "missed +5");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].category, "missed");
  EXPECT_EQ(c.errors[0].current - c.errors[0].baseline, 5);
}

TEST(GateAccuracy, RelationChecksDoNotBlameEntityErrorCategories) {
  auto before = MakeDocs(40, Varied);
  auto after = before;
  after[7].relations = PrfCounts{0, 0, 1};  // was {1, 0, 0}
  after[7].errors["missed"] = 9;            // entity errors moved too
  auto report = Gate(ScoreJson(before), ScoreJson(after), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "relations.strict.f1", "max_drop": 0.0}]})");
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(c.documents[0].doc_id, "d07");
  EXPECT_EQ(c.documents[0].errors, "");
  EXPECT_TRUE(c.errors.empty());
}

TEST(GateAccuracy, RunReportChecksEveryVariant) {
  const auto good = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  const auto bad = MakeDocs(40, [](int) { return PrfCounts{7, 3, 3}; });
  auto report =
      Gate(RunReportJson({{"rules", good}, {"gazetteer", good}}),
           RunReportJson({{"rules", good}, {"gazetteer", bad}}), kF1Rule);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->checks.size(), 2u);
  EXPECT_EQ(report->checks[0].subject, "rules");
  EXPECT_EQ(report->checks[0].outcome, CheckOutcome::kPass);
  EXPECT_EQ(report->checks[1].subject, "gazetteer");
  EXPECT_EQ(report->checks[1].outcome, CheckOutcome::kFail);
}

TEST(GateAccuracy, VariantThatFailsToRunIsARegression) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(RunReportJson({{"rules", docs}, {"crf", docs}}),
                     RunReportJson({{"rules", docs}}, {"crf"}), kF1Rule);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(1);
  EXPECT_EQ(c.subject, "crf");
  EXPECT_EQ(c.outcome, CheckOutcome::kFail);
  EXPECT_NE(c.reason.find("extractor crashed"), std::string::npos);
}

TEST(GateAccuracy, VariantSkippedForAMissingRequirementIsNotJudged) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(RunReportJson({{"rules", docs}, {"npm", docs}}),
                     RunReportJson({{"rules", docs}}, {}, {"npm"}), kF1Rule);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(1);
  EXPECT_EQ(c.outcome, CheckOutcome::kSkip);
  EXPECT_NE(c.reason.find("needs the program 'node'"), std::string::npos);
  EXPECT_FALSE(report->Regression());
}

TEST(GateAccuracy, MissingVariantIsAnError) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(RunReportJson({{"rules", docs}, {"crf", docs}}),
                     RunReportJson({{"rules", docs}}), kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(report.status().message().find("\"crf\" missing from the current"),
            std::string::npos)
      << report.status().message();
}

TEST(GateAccuracy, RuleNamingAnUnknownVariantIsAnError) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(RunReportJson({{"rules", docs}}),
                     RunReportJson({{"rules", docs}}), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "variants": ["rulez"],
                  "min": 0.5}]})");
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("variant \"rulez\" is not in"),
            std::string::npos);
}

TEST(GateAccuracy, MissingMetricIsAnError) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(ScoreJson(docs), ScoreJson(docs), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "values.DATE.accuracy", "min": 0.5}]})");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(report.status().message().find("\"values.DATE.accuracy\" is not"),
            std::string::npos)
      << report.status().message();
}

TEST(GateAccuracy, DifferentDocumentsAreAnError) {
  auto docs = MakeDocs(10, Varied);
  auto other = docs;
  other[4].id = "x04";
  auto report = Gate(ScoreJson(docs), ScoreJson(other), kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("different documents"),
            std::string::npos);
}

TEST(GateAccuracy, DifferentGoldIsAnError) {
  auto docs = MakeDocs(10, Varied);
  auto other = docs;
  other[2].types["PER"].fn += 1;  // one more gold mention
  auto report = Gate(ScoreJson(docs), ScoreJson(other), kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("different gold: document \"d02\""),
            std::string::npos)
      << report.status().message();
}

TEST(GateAccuracy, DifferentScoringOptionsAreAnError) {
  const auto docs = MakeDocs(10, Varied);
  auto report = Gate(ScoreJson(docs, 0.0), ScoreJson(docs, 0.5), kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("different options"),
            std::string::npos);
}

TEST(GateAccuracy, ScoreFileAgainstRunReportIsAnError) {
  const auto docs = MakeDocs(10, Varied);
  auto report =
      Gate(ScoreJson(docs), RunReportJson({{"score", docs}}), kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("compare like with like"),
            std::string::npos);
}

TEST(GateAccuracy, DocumentsThatDoNotAddUpAreAnError) {
  const auto docs = MakeDocs(10, Varied);
  std::string tampered = ScoreJson(docs);
  // The corpus F1 of PER+LOC no longer matches its documents.
  const std::string f1 = "\"f1\": ";
  tampered.replace(tampered.find(f1) + f1.size(), 3, "0.1");
  auto report = Gate(ScoreJson(docs), tampered, kF1Rule);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("do not add up"), std::string::npos)
      << report.status().message();
}

}  // namespace
}  // namespace ieval::testing
