// The units the gate's paired tests pair: documents by default, sentences
// or mentions on request (from the files' per-unit counts), units empty on
// both sides left out, and beside a document-level test on fewer than 20
// documents the sentence-level one, reported but not deciding.
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

std::string Rule(const std::string& metric, const std::string& unit = "") {
  return R"({"format": "ieval-gate-rules", "format_version": 1,
             "accuracy": [{"metric": ")" +
         metric + R"(", "max_drop": 0.01, "require_significance": true)" +
         (unit.empty() ? "" : R"(, "unit": ")" + unit + "\"") + "}]}";
}

PrfCounts Good(int) { return PrfCounts{9, 1, 1}; }
PrfCounts Bad(int) { return PrfCounts{5, 5, 5}; }

TEST(GateUnits, SentencesDecideWhereFiveDocumentsCannot) {
  auto report = Gate(WithSentences(MakeDocs(5, Good), 6),
                     WithSentences(MakeDocs(5, Bad), 6),
                     Rule("entities.strict.f1", "sentences"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.unit, "sentences");
  EXPECT_EQ(c.units, 30);
  EXPECT_FALSE(c.underpowered);
  EXPECT_EQ(c.decided_by, Decider::kTest);
  EXPECT_EQ(c.outcome, CheckOutcome::kFail) << c.reason;
  EXPECT_FALSE(c.sentence_test.has_value());  // sentences already decide
}

TEST(GateUnits, RelationMetricsStayByDocument) {
  auto report = Gate(WithSentences(MakeDocs(5, Good), 6),
                     WithSentences(MakeDocs(5, Bad), 6),
                     Rule("relations.strict.f1", "sentences"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->checks.at(0).unit, "documents");
}

TEST(GateUnits, AskingForAUnitTheFileLacksIsAnErrorNamingItAndTheFix) {
  auto report = Gate(MakeDocs(5, Good), WithSentences(MakeDocs(5, Bad), 6),
                     Rule("entities.strict.f1", "mentions"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidInput);
  const std::string message = report.status().message();
  EXPECT_NE(message.find("baseline.json has no per-mention counts"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("--unit-counts mention"), std::string::npos);
}

TEST(GateUnits, DifferentSentenceCutsAreNotComparable) {
  auto report = Gate(WithSentences(MakeDocs(5, Good), 6),
                     WithSentences(MakeDocs(5, Bad), 5),
                     Rule("entities.strict.f1", "sentences"));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find(
                "cut the documents into different sentences"),
            std::string::npos)
      << report.status().message();
}

TEST(GateUnits, UnitsEmptyOnBothSidesDoNotCountTowardsTheTestsPower) {
  // PER only in the first 4 of 10 documents: its test has 4 units, and
  // 2/2^4 cannot reach 0.05.
  auto counts = [](int i) { return i < 4 ? PrfCounts{9, 1, 1} : PrfCounts{}; };
  auto report = Gate(MakeDocs(10, counts), MakeDocs(10, counts),
                     Rule("entities.strict.per_type.PER.f1"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.units, 4);
  EXPECT_TRUE(c.underpowered);
}

TEST(GateUnits, FewDocumentsReportTheSentenceTestBesideAndSayWhichDecided) {
  auto report =
      Gate(WithSentences(MakeDocs(5, Good), 6),
           WithSentences(MakeDocs(5, Bad), 6), Rule("entities.strict.f1"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const GateCheck& c = report->checks.at(0);
  EXPECT_EQ(c.unit, "documents");
  EXPECT_EQ(c.decided_by, Decider::kUnderpowered);
  ASSERT_TRUE(c.sentence_test.has_value());
  EXPECT_TRUE(c.sentence_test->available);
  EXPECT_EQ(c.sentence_test->units, 30);
  EXPECT_LT(c.sentence_test->p_value, 0.01);
  const std::string md = RenderGateMarkdown(*report);
  const std::string headline = md.substr(0, md.find('\n'));
  EXPECT_NE(headline.find("the tolerance decided because 5 documents cannot "
                          "reach significance (the sentence-level test, "
                          "reported only, gives p = "),
            std::string::npos)
      << headline;
  EXPECT_NE(md.find("the tolerance decided, because 5 documents"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("Beside the document-level test, the same test over 30 "
                    "sentences"),
            std::string::npos)
      << md;
}

TEST(GateUnits, SentenceTestWithoutCountsIsReportedUnavailable) {
  auto report =
      Gate(MakeDocs(5, Good), MakeDocs(5, Bad), Rule("entities.strict.f1"));
  ASSERT_TRUE(report.ok());
  const GateCheck& c = report->checks.at(0);
  ASSERT_TRUE(c.sentence_test.has_value());
  EXPECT_FALSE(c.sentence_test->available);
  bool noted = false;
  for (const std::string& note : report->notes)
    noted = noted || (note.find("unavailable here: baseline.json has no "
                                "per-sentence counts") != std::string::npos);
  EXPECT_TRUE(noted);
  const std::string md = RenderGateMarkdown(*report);
  EXPECT_NE(md.substr(0, md.find('\n'))
                .find("the sentence-level test is unavailable"),
            std::string::npos)
      << md;
}

TEST(GateUnits, TwentyDocumentsHaveNoSentenceTestBeside) {
  auto report =
      Gate(MakeDocs(20, Good), MakeDocs(20, Bad), Rule("entities.strict.f1"));
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->checks.at(0).sentence_test.has_value());
}

}  // namespace
}  // namespace ieval::testing
