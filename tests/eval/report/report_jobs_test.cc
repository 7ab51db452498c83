// The reports of a run do not depend on the threads that write them:
// report.json's per-document counts and the predictions are serialised
// document by document on --jobs threads and joined in document order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ieval/report/report_files.h"
#include "ieval/report/report_json.h"
#include "ieval/results/run_statistics.h"
#include "testing/cli_runner.h"
#include "testing/small_run.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;

TEST(WriteRunReports, FilesAreTheSameWhateverTheJobs) {
  const RunResult run = testing::ManyDocumentRun(70);
  std::vector<std::string> dirs, summaries;
  for (int jobs : {1, 2, 3}) {
    dirs.push_back(testing::MakeTempDir("report_jobs_" + std::to_string(jobs)));
    ThreadPool pool(jobs);
    auto written = WriteRunReports(run, dirs.back(), pool);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    summaries.push_back(written->summary_text);
  }
  for (size_t k = 1; k < dirs.size(); ++k) {
    EXPECT_EQ(summaries[k], summaries[0]);
    for (const char* file :
         {"report.json", "report.md", "report.html",
          "predictions/perfect.jsonl", "predictions/lossy.jsonl",
          "predictions/empty.jsonl"})
      EXPECT_EQ(testing::ReadText(fs::path(dirs[k]) / file),
                testing::ReadText(fs::path(dirs[0]) / file))
          << file << " with " << k + 1 << " jobs";
  }
}

TEST(WriteRunReports, ReportJsonIsRunReportToJson) {
  const RunResult run = testing::ManyDocumentRun(5);
  const std::string dir = testing::MakeTempDir("report_jobs_text");
  ThreadPool pool(2);
  ASSERT_TRUE(WriteRunReports(run, dir, pool).ok());
  EXPECT_EQ(testing::ReadText(fs::path(dir) / "report.json"),
            RunReportToJson(run));
}

// The per-document counts are spliced into the text of the rest: the
// result must be exactly what nlohmann writes for the whole value.
TEST(ReportJson, TextIsTheDumpOfItsOwnValue) {
  for (const RunResult& run :
       {testing::SmallRun(), testing::ManyDocumentRun(4)}) {
    const std::string text = RunReportToJson(run);
    EXPECT_EQ(nlohmann::ordered_json::parse(text).dump(1) + "\n", text);
  }
}

TEST(ReportJson, VariantWithoutDocumentsHasAnEmptyList) {
  const nlohmann::json report =
      nlohmann::json::parse(RunReportToJson(testing::ManyDocumentRun(2)));
  ASSERT_EQ(report["variants"][1]["name"], "empty");
  EXPECT_EQ(report["variants"][1]["scores"]["documents"],
            nlohmann::json::array());
  EXPECT_EQ(report["variants"][0]["scores"]["documents"].size(), 6u);
  EXPECT_EQ(report["variants"][2]["scores"]["documents"][0]["doc_id"], "a-0");
}

TEST(ComputeRunStatistics, IntervalsAndPairsDoNotDependOnTheJobs) {
  // Three ok variants: 9 intervals and 3 pairs, shared by the threads.
  RunResult serial = testing::ManyDocumentRun(20);
  RunResult threaded = serial;
  ThreadPool one(1), three(3);
  ASSERT_TRUE(ComputeRunStatistics(serial, one).ok());
  ASSERT_TRUE(ComputeRunStatistics(threaded, three).ok());
  ASSERT_EQ(threaded.comparisons.size(), 3u);
  EXPECT_EQ(RunReportToJson(threaded), RunReportToJson(serial));
}

}  // namespace
}  // namespace ieval
