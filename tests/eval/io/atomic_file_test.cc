// Output files (atomic_file.h): replaced through a temporary file created
// exclusively, written through when a device or FIFO, refused when a link
// to a regular file; stale temporary files of dead processes removed.
#include "ieval/io/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadText;
using testing::WriteText;

// A pid that no process has: a child that has exited and been reaped.
long DeadPid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

TEST(AtomicFileTest, ReplacesARegularFileAndLeavesNoTemporaryFile) {
  const fs::path dir = MakeTempDir("atomic");
  const std::string out = (dir / "report.json").string();
  WriteText(out, "old");
  ASSERT_TRUE(WriteFileAtomically(out, "new").ok());
  EXPECT_EQ(ReadText(out), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), {}), 1);
}

TEST(AtomicFileTest, NeverWritesThroughALinkPlantedAtTheTemporaryName) {
  const fs::path dir = MakeTempDir("atomic");
  const fs::path victim = dir / "victim";
  WriteText(victim.string(), "precious");
  const fs::path planted =
      dir / (".report.json.tmp" + std::to_string(getpid()));
  fs::create_symlink(victim, planted);
  ASSERT_TRUE(WriteFileAtomically((dir / "report.json").string(), "new").ok());
  EXPECT_EQ(ReadText(victim.string()), "precious");
  EXPECT_EQ(ReadText((dir / "report.json").string()), "new");
  EXPECT_TRUE(fs::is_symlink(planted));  // not ours: left alone
}

TEST(AtomicFileTest, RefusesALinkAtTheOutputPath) {
  const fs::path dir = MakeTempDir("atomic");
  const fs::path victim = dir / "victim";
  WriteText(victim.string(), "precious");
  const fs::path link = dir / "scores.json";
  fs::create_symlink(victim, link);
  const Status s = WriteFileAtomically(link.string(), "new");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("is a symbolic link"), std::string::npos)
      << s.message();
  EXPECT_EQ(ReadText(victim.string()), "precious");
  EXPECT_TRUE(fs::is_symlink(link));
  // A dangling link is refused as well: rename would replace it.
  fs::create_symlink(dir / "nowhere", dir / "dangling");
  EXPECT_FALSE(WriteFileAtomically((dir / "dangling").string(), "x").ok());
  EXPECT_FALSE(fs::exists(dir / "nowhere"));
}

TEST(AtomicFileTest, WritesThroughAFifoAndALinkToIt) {
  const fs::path dir = MakeTempDir("atomic");
  const fs::path fifo = dir / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  fs::create_symlink(fifo, dir / "link");
  for (const fs::path& out : {fifo, dir / "link"}) {
    std::string read;
    std::thread reader([&] {
      std::ifstream in(fifo);
      std::stringstream all;
      all << in.rdbuf();
      read = all.str();
    });
    const Status s = WriteFileAtomically(out.string(), "through\n");
    reader.join();
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(read, "through\n");
    EXPECT_TRUE(fs::is_fifo(fifo));
  }
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
}

TEST(AtomicFileTest, WritesThroughDevNullWithoutReplacingIt) {
  ASSERT_TRUE(WriteFileAtomically("/dev/null", "gone").ok());
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  EXPECT_TRUE(WriteFileAtomically("/dev/stderr", "").ok());
}

TEST(AtomicFileTest, RefusesAFolder) {
  const fs::path dir = MakeTempDir("atomic");
  EXPECT_FALSE(WriteFileAtomically(dir.string(), "x").ok());
  EXPECT_TRUE(fs::is_directory(dir));
}

TEST(AtomicFileTest, RemovesTheTemporaryFilesOfDeadProcessesOnly) {
  const fs::path dir = MakeTempDir("atomic_stale");
  const long dead = DeadPid();
  const fs::path stale = dir / (".report.json.tmp" + std::to_string(dead));
  const fs::path stale_n =
      dir / (".report.md.tmp" + std::to_string(dead) + ".2");
  const fs::path live = dir / (".report.json.tmp" + std::to_string(getppid()));
  const fs::path other = dir / ".notes.tmpx";
  for (const fs::path& p : {stale, stale_n, live, other})
    WriteText(p.string(), "left");
  ASSERT_TRUE(WriteFileAtomically((dir / "a.json").string(), "{}").ok());
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_FALSE(fs::exists(stale_n));
  EXPECT_TRUE(fs::exists(live));
  EXPECT_TRUE(fs::exists(other));
}

TEST(AtomicFileTest, ReadsTheProcessIdOfATemporaryName) {
  EXPECT_EQ(TemporaryNamePid(".report.json.tmp123", "tmp"), 123);
  EXPECT_EQ(TemporaryNamePid(".report.json.tmp123.4", "tmp"), 123);
  EXPECT_EQ(TemporaryNamePid(".latest.new77", "new"), 77);
  EXPECT_EQ(TemporaryNamePid("report.json.tmp123", "tmp"), 0);
  EXPECT_EQ(TemporaryNamePid(".report.json.tmp", "tmp"), 0);
  EXPECT_EQ(TemporaryNamePid(".report.json.tmp12a", "tmp"), 0);
}

}  // namespace
}  // namespace ieval
