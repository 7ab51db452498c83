// report.md, the terminal summary and report.html, rendered from report.json.
#include <gtest/gtest.h>

#include "ieval/report/report_html.h"
#include "ieval/report/report_json.h"
#include "ieval/report/report_markdown.h"
#include "ieval/report/viewer_data.h"
#include "testing/small_run.h"

namespace ieval {
namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Markdown() {
  auto md = RenderMarkdown(RunReportToJson(testing::SmallRun()));
  EXPECT_TRUE(md.ok()) << md.status().ToString();
  return md.ok() ? *md : "";
}

TEST(ReportMarkdown, SummaryTableHasOneRowPerVariantWithIntervals) {
  const std::string md = Markdown();
  EXPECT_TRUE(
      Has(md, "| variant | status | strict P | strict R | strict F1 |"));
  EXPECT_TRUE(Has(md, "| `perfect` | ok | 1.000 [1.00, 1.00] |"));
  EXPECT_TRUE(Has(md, "| `lossy` | ok |"));
  EXPECT_TRUE(Has(md, "| `broken` | failed |"));
}

TEST(ReportMarkdown, NamesTheBestVariant) {
  EXPECT_TRUE(Has(Markdown(),
                  "**Best variant:** `perfect` (entities.strict "
                  "F1 1.000)"));
}

TEST(ReportMarkdown, ReportsTheFailedVariantWithItsError) {
  // The '|' of the error is escaped so the line stays one quote.
  EXPECT_TRUE(Has(Markdown(),
                  "> **Failed:** `broken`: b: broken: `fake` "
                  "exited with status 7 \\| model missing"));
}

TEST(ReportMarkdown, SaysIntervalsAreWideWithFewDocuments) {
  EXPECT_TRUE(Has(Markdown(), "> **Note:** Only 3 documents"));
}

TEST(ReportMarkdown, ListsTheComparisonWithItsVerdict) {
  const std::string md = Markdown();
  EXPECT_TRUE(Has(md, "## Differences between variants"));
  EXPECT_TRUE(Has(md, "| perfect | lossy |"));
}

TEST(ReportMarkdown, PerTypeTableHasEveryType) {
  const std::string md = Markdown();
  EXPECT_TRUE(Has(md, "## Strict F1 per type"));
  for (const char* type : {"| DATE |", "| LOC |", "| ORG |", "| PER |"})
    EXPECT_TRUE(Has(md, type)) << type;
}

TEST(ReportMarkdown, ErrorCategoriesComeWithExamples) {
  const std::string md = Markdown();
  EXPECT_TRUE(Has(md, "## Top error categories"));
  EXPECT_TRUE(Has(md, "**missed**: 1"));
  EXPECT_TRUE(Has(md, "a: gold ORG `Élysée` [5, 11) → predicted nothing"));
  EXPECT_TRUE(Has(md, "**wrong type**: 1"));
}

TEST(ReportMarkdown, RejectsWhatIsNotARunReport) {
  EXPECT_FALSE(RenderMarkdown("{\"entities\": {}}").ok());
  EXPECT_FALSE(RenderMarkdown("not json").ok());
}

TEST(ReportSummaryText, AlignsTheTableAndNamesTheBest) {
  auto text = RenderSummaryText(RunReportToJson(testing::SmallRun()));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->rfind("variant  status", 0), 0u) << *text;
  EXPECT_TRUE(Has(*text, "best: perfect (entities.strict F1 1.000)"));
  EXPECT_TRUE(Has(*text, "failed: broken: "));
}

TEST(ReportHtml, IsOneSelfContainedPage) {
  ThreadPool pool(1);
  const RunResult run = testing::SmallRun();
  auto html = RenderHtml(RunReportToJson(run), ViewerDataJson(run, 100, pool));
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_FALSE(Has(*html, "{{"));  // every placeholder filled
  EXPECT_FALSE(Has(*html, "http://") && !Has(*html, "http://www.w3.org"));
  EXPECT_FALSE(Has(*html, "https://"));
  EXPECT_FALSE(Has(*html, "<link"));
  EXPECT_FALSE(Has(*html, "src=\""));
  EXPECT_TRUE(Has(*html, "id=\"ieval-report\""));
  EXPECT_TRUE(Has(*html, "function drawViewer"));
  EXPECT_TRUE(Has(*html, "Hier Élysée"));
}

TEST(ReportHtml, DataCannotCloseItsScriptElement) {
  EXPECT_EQ(EscapeForScript("{\"t\": \"</script><b>\"}"),
            "{\"t\": \"<\\/script><b>\"}");
}

TEST(ViewerData, MarksEachMentionWithItsErrorKind) {
  ThreadPool pool(1);
  const std::string v = ViewerDataJson(testing::SmallRun(), 100, pool);
  // lossy, document a: Élysée missed, the others correct.
  EXPECT_TRUE(Has(v,
                  "\"gold_kind\":[\"missed\",\"correct\",\"correct\","
                  "\"correct\"]"));
  EXPECT_TRUE(Has(v, "\"k\":\"wrong_boundary\""));
  EXPECT_TRUE(Has(v, "\"k\":\"wrong_type\""));
  EXPECT_TRUE(Has(v, "\"k\":\"spurious\""));
}

TEST(ViewerData, HoldsAtMostTheDocumentsAskedFor) {
  ThreadPool pool(1);
  const std::string v = ViewerDataJson(testing::SmallRun(), 2, pool);
  EXPECT_TRUE(Has(v, "\"total_documents\":3,\"truncated\":true"));
  EXPECT_FALSE(Has(v, "Kim Jong-un"));
}

}  // namespace
}  // namespace ieval
