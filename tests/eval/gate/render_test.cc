// The Markdown verdict and the JUnit XML.
#include <gtest/gtest.h>

#include "ieval/gate/gate.h"
#include "ieval/gate/render.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

int Occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

// Two variants over 40 documents; "a<b&c" drops on one document.
GateReport MixedReport() {
  const auto good = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  auto worse = good;
  worse[12].types["PER"] = PrfCounts{4, 3, 6};
  worse[12].errors = {{"missed", 6}, {"spurious", 3}};
  std::vector<GateInputFile> b, c;
  b.push_back(
      Input(RunReportJson({{"rules", good}, {"a<b&c", good}}), "b.json"));
  c.push_back(
      Input(RunReportJson({{"rules", good}, {"a<b&c", worse}}), "c.json"));
  b.push_back(Input(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.02, 1)}}),
                    "bb.json"));
  c.push_back(Input(BenchmarkJson({{"BM_Score", Samples(9, 1e6, 0.02, 2)}}),
                    "cb.json"));
  auto report = RunGate(std::move(b), std::move(c), Rules(R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"name": "F1", "metric": "entities.strict.f1",
                  "max_drop": 0.0}],
    "speed": [{}]})"));
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : GateReport{};
}

TEST(GateMarkdown, RegressionLeadsWithWhatRegressed) {
  const std::string md = RenderGateMarkdown(MixedReport());
  EXPECT_EQ(md.rfind("## ieval gate: ❌ regression", 0), 0u) << md;
  EXPECT_NE(md.find("**1 of 3 checks failed**, 2 passed"), std::string::npos)
      << md;
  EXPECT_NE(md.find("### What regressed"), std::string::npos);
  EXPECT_NE(md.find("#### `a<b&c` · `entities.strict.overall.f1`"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| `d12` | 0.917 | 0.571 | −0.345 | tp 11, fp 1, fn 1 → "
                    "tp 6, fp 3, fn 6 | missed +5, spurious +2 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| missed | 40 | 45 | +5 |"), std::string::npos) << md;
  EXPECT_NE(md.find("<details><summary>2 passed</summary>"), std::string::npos);
  EXPECT_NE(md.find("`BM_Score`"), std::string::npos);
}

TEST(GateMarkdown, HeadlineSaysWhatFailedAndWhyInOneLine) {
  const std::string md = RenderGateMarkdown(MixedReport());
  EXPECT_EQ(md.substr(0, md.find('\n')),
            "## ieval gate: ❌ regression: `a<b&c` "
            "`entities.strict.overall.f1` 0.917 → 0.909 (−0.008), beyond "
            "the tolerance");
}

TEST(GateMarkdown, WholeCorpusErrorTableAppearsOncePerVariant) {
  const auto good = MakeDocs(40, [](int) { return PrfCounts{9, 1, 1}; });
  auto worse = good;
  worse[3].types["PER"] = PrfCounts{4, 3, 6};
  worse[3].errors = {{"missed", 6}, {"spurious", 3}};
  std::vector<GateInputFile> b, c;
  b.push_back(Input(ScoreJson(good), "b.json"));
  c.push_back(Input(ScoreJson(worse), "c.json"));
  auto report = RunGate(std::move(b), std::move(c), Rules(R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.*.f1", "max_drop": 0.0}]})"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->Count(CheckOutcome::kFail), 4);  // the four modes
  const std::string md = RenderGateMarkdown(*report);
  EXPECT_EQ(Occurrences(md, "error categories that changed the most"), 1) << md;
  EXPECT_EQ(Occurrences(md, "| missed | 40 | 45 | +5 |"), 1) << md;
}

TEST(GateMarkdown, PassSaysSo) {
  GateReport report = MixedReport();
  report.checks.erase(report.checks.begin() + 1);
  const std::string md = RenderGateMarkdown(report);
  EXPECT_EQ(md.rfind("## ieval gate: ✅ pass", 0), 0u) << md;
  EXPECT_EQ(md.find("What regressed"), std::string::npos);
}

TEST(GateJUnit, OneTestCasePerCheckWithFailuresMarked) {
  const std::string xml = RenderGateJUnit(MixedReport());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_NE(xml.find("<testsuites name=\"ieval gate\" tests=\"3\" "
                     "failures=\"1\" errors=\"0\" skipped=\"0\""),
            std::string::npos)
      << xml;
  EXPECT_EQ(Occurrences(xml, "<testcase "), 3);
  EXPECT_EQ(Occurrences(xml, "<failure "), 1);
  EXPECT_NE(xml.find("classname=\"ieval.gate.accuracy.a&lt;b&amp;c\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"ieval gate speed\" tests=\"1\""),
            std::string::npos);
  EXPECT_EQ(xml.find("a<b"), std::string::npos);  // escaped everywhere
}

TEST(GateJUnit, SkippedChecksAreSkippedTestCases) {
  std::vector<GateInputFile> b, c;
  b.push_back(Input(BenchmarkJson({{"BM_X", Samples(3, 1e6, 0.02, 1)}}), "b"));
  c.push_back(Input(BenchmarkJson({{"BM_X", Samples(3, 1e6, 0.02, 2)}}), "c"));
  auto report = RunGate(std::move(b), std::move(c),
                        Rules(R"({"format": "ieval-gate-rules",
                                  "format_version": 1, "speed": [{}]})"));
  ASSERT_TRUE(report.ok());
  const std::string xml = RenderGateJUnit(*report);
  EXPECT_NE(xml.find("skipped=\"1\""), std::string::npos);
  EXPECT_NE(xml.find("<skipped message=\""), std::string::npos);
}

}  // namespace
}  // namespace ieval::testing
