// A folder of outputs replaced as one unit (atomic_folder.h): what the
// previous run wrote leaves with it, everything else stays; what killed
// runs left beside it is recovered.
#include "ieval/io/atomic_folder.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadText;
using testing::WriteText;

long DeadPid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

// Commits `files` (each containing its own name and `tag`) into `out`.
Status CommitFiles(const std::string& out,
                   const std::vector<std::string>& files,
                   const std::string& tag) {
  auto commit = FolderCommit::Begin(out, {"predictions"});
  if (!commit.ok()) return commit.status();
  for (const std::string& f : files)
    WriteText((*commit)->staging() + "/" + f, f + " " + tag);
  return (*commit)->Commit(files);
}

TEST(FolderCommitTest, KeepsWhatThePreviousRunDidNotWrite) {
  const std::string dir = MakeTempDir("folder_commit");
  const std::string out = dir + "/out";
  ASSERT_TRUE(
      CommitFiles(out, {"report.json", "predictions/a.jsonl"}, "1").ok());
  WriteText(out + "/notes.txt", "mine");
  WriteText(out + "/predictions/mine.txt", "mine");
  WriteText(out + "/sub/deep.txt", "mine");
  ASSERT_TRUE(
      CommitFiles(out, {"report.json", "predictions/b.jsonl"}, "2").ok());
  EXPECT_EQ(ReadText(out + "/report.json"), "report.json 2");
  EXPECT_EQ(ReadText(out + "/predictions/b.jsonl"), "predictions/b.jsonl 2");
  EXPECT_FALSE(fs::exists(out + "/predictions/a.jsonl"));  // the last run's
  EXPECT_EQ(ReadText(out + "/notes.txt"), "mine");
  EXPECT_EQ(ReadText(out + "/predictions/mine.txt"), "mine");
  EXPECT_EQ(ReadText(out + "/sub/deep.txt"), "mine");
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename(), "out");  // no staging folder left
}

TEST(FolderCommitTest, AFolderWithoutAListKeepsAllButTheReports) {
  const std::string dir = MakeTempDir("folder_commit");
  const std::string out = dir + "/out";
  WriteText(out + "/report.json", "old");
  WriteText(out + "/predictions/old.jsonl", "old");
  ASSERT_TRUE(CommitFiles(out, {"report.json"}, "new").ok());
  EXPECT_EQ(ReadText(out + "/report.json"), "report.json new");
  EXPECT_EQ(ReadText(out + "/predictions/old.jsonl"), "old");
}

TEST(FolderCommitTest, RefusesAPredictionsLinkBeforeWriting) {
  const std::string dir = MakeTempDir("folder_commit");
  const std::string out = dir + "/out";
  fs::create_directories(dir + "/elsewhere");
  WriteText(dir + "/elsewhere/x.jsonl", "precious");
  fs::create_directories(out);
  fs::create_directory_symlink(dir + "/elsewhere", out + "/predictions");
  auto commit = FolderCommit::Begin(out, {"predictions"});
  ASSERT_FALSE(commit.ok());
  EXPECT_NE(commit.status().message().find("is not a folder"),
            std::string::npos);
  EXPECT_EQ(ReadText(dir + "/elsewhere/x.jsonl"), "precious");
}

TEST(FolderCommitTest, ALinkToAFolderIsFollowedAndKept) {
  const std::string dir = MakeTempDir("folder_commit");
  fs::create_directories(dir + "/real");
  fs::create_directory_symlink(dir + "/real", dir + "/latest");
  ASSERT_TRUE(CommitFiles(dir + "/latest", {"report.json"}, "1").ok());
  EXPECT_TRUE(fs::is_symlink(dir + "/latest"));
  EXPECT_EQ(ReadText(dir + "/real/report.json"), "report.json 1");
}

TEST(FolderCommitTest, RecoversWhatKilledRunsLeft) {
  const std::string dir = MakeTempDir("folder_commit");
  const std::string out = dir + "/out";
  ASSERT_TRUE(CommitFiles(out, {"report.json"}, "1").ok());
  const std::string dead = std::to_string(DeadPid());
  // Killed while writing: its staging folder, all its own.
  const std::string staging = dir + "/.out.new" + dead;
  WriteText(staging + "/.ieval-outputs", "# files written by ieval run\n*\n");
  WriteText(staging + "/report.json", "partial");
  // Killed after the exchange: the previous folder, with a file of the
  // user's that must come back.
  const std::string previous = dir + "/.out.new" + std::to_string(DeadPid());
  WriteText(previous + "/.ieval-outputs",
            "# files written by ieval run\nreport.json\n");
  WriteText(previous + "/report.json", "0");
  WriteText(previous + "/notes.txt", "mine");
  ASSERT_TRUE(CommitFiles(out, {"report.json"}, "2").ok());
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_FALSE(fs::exists(previous));
  EXPECT_EQ(ReadText(out + "/notes.txt"), "mine");
  EXPECT_EQ(ReadText(out + "/report.json"), "report.json 2");
}

TEST(FolderCommitTest, AFolderRenamedAsideIsPutBack) {
  const std::string dir = MakeTempDir("folder_commit");
  const std::string aside = dir + "/.out.old" + std::to_string(DeadPid());
  WriteText(aside + "/.ieval-outputs",
            "# files written by ieval run\nreport.json\n");
  WriteText(aside + "/report.json", "previous");
  WriteText(aside + "/notes.txt", "mine");
  auto commit = FolderCommit::Begin(dir + "/out", {"predictions"});
  ASSERT_TRUE(commit.ok());
  EXPECT_TRUE((*commit)->had_previous() || fs::exists(dir + "/out"));
  EXPECT_EQ(ReadText(dir + "/out/report.json"), "previous");
  EXPECT_EQ(ReadText(dir + "/out/notes.txt"), "mine");
}

}  // namespace
}  // namespace ieval
