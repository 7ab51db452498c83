// Writing a run's outputs: every file, all or nothing, predictions that
// rescore to the same counts.
#include "ieval/report/report_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ieval/io/corpus_reader.h"
#include "ieval/report/report_json.h"
#include "testing/cli_runner.h"
#include "testing/small_run.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;

// Every file under `dir`, dot files included.
std::vector<std::string> Listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      names.push_back(fs::relative(e.path(), dir).string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(WriteRunReports, WritesReportsAndPredictionsOfScoredVariants) {
  ThreadPool pool(1);
  const std::string dir = testing::MakeTempDir("report_files_all");
  const RunResult run = testing::SmallRun();
  auto written = WriteRunReports(run, dir, pool);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(Listing(dir),
            (std::vector<std::string>{
                "predictions/lossy.jsonl", "predictions/perfect.jsonl",
                "report.html", "report.json", "report.md"}));
  EXPECT_EQ(testing::ReadText(fs::path(dir) / "report.json"),
            RunReportToJson(run));
}

TEST(WriteRunReports, PredictionsReadBackAsWritten) {
  ThreadPool pool(1);
  const std::string dir = testing::MakeTempDir("report_files_pred");
  const RunResult run = testing::SmallRun();
  ASSERT_TRUE(WriteRunReports(run, dir, pool).ok());
  std::vector<Status> problems;
  auto read = ReadCorpus(dir + "/predictions/lossy.jsonl", &problems);
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(read->documents.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(read->documents[i].document.doc_id, run.gold[i].document.doc_id);
    EXPECT_FALSE(read->documents[i].has_text);
    ASSERT_EQ(read->documents[i].annotations.mentions.size(),
              run.variants[1].predictions[i].mentions.size());
    for (size_t m = 0; m < read->documents[i].annotations.mentions.size(); ++m)
      EXPECT_EQ(read->documents[i].annotations.mentions[m].start,
                run.variants[1].predictions[i].mentions[m].start);
  }
}

TEST(WriteRunReports, InterruptedWriteLeavesThePreviousReportsAndNoTemps) {
  ThreadPool pool(1);
  const std::string dir = testing::MakeTempDir("report_files_interrupt");
  testing::WriteText(dir + "/report.json", "previous");
  std::atomic<bool> interrupted{true};
  WriteReportOptions options;
  options.interrupted = &interrupted;
  auto written = WriteRunReports(testing::SmallRun(), dir, pool, options);
  EXPECT_FALSE(written.ok());
  EXPECT_EQ(testing::ReadText(fs::path(dir) / "report.json"), "previous");
  EXPECT_EQ(Listing(dir), std::vector<std::string>{"report.json"});
}

TEST(WriteRunReports, UnwritableFolderIsAnIoErrorNamingIt) {
  ThreadPool pool(1);
  const std::string dir = testing::MakeTempDir("report_files_unwritable");
  testing::WriteText(dir + "/file", "x");  // a file where a folder must be
  auto written = WriteRunReports(testing::SmallRun(), dir + "/file/out", pool);
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Status::Code::kIoError);
  EXPECT_NE(written.status().ToString().find("file/out"), std::string::npos);
}

// Which earlier predictions leave is the folder commit's business
// (atomic_folder.h, from the list of files a run wrote); writing the
// reports deletes nothing.
TEST(WriteRunReports, DeletesNothingItDidNotWrite) {
  ThreadPool pool(1);
  const std::string dir = testing::MakeTempDir("report_files_stale");
  testing::WriteText(dir + "/predictions/old.jsonl", "{}\n");
  testing::WriteText(dir + "/predictions/notes.txt", "kept");
  ASSERT_TRUE(WriteRunReports(testing::SmallRun(), dir, pool).ok());
  EXPECT_TRUE(fs::exists(dir + "/predictions/old.jsonl"));
  EXPECT_TRUE(fs::exists(dir + "/predictions/notes.txt"));
}

}  // namespace
}  // namespace ieval
