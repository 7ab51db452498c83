// Extractor faults contained, through the real binary: a program that exits
// non-zero after answering every document fails its variant; --isolate
// covers a plug-in inside an ensemble; a program whose start-up fails
// leaves nothing running behind it; a SIGKILL of ieval ends its extractor.
// Processes are counted with /proc, waits are polled with generous bounds.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
using nlohmann::json;
using testing::ProcessesWith;
using testing::ReadText;
using testing::RunIeval;
using testing::WaitForProcesses;
using testing::WriteText;

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";
const std::string kFake = std::string(IEVAL_SOURCE_DIR) +
                          "/tests/extractors/external/testdata/"
                          "fake_extractor.py";

class ExtractorFaults : public ::testing::Test {
 protected:
  // A run config over the shipped gold with `variants` (a JSON array).
  std::string Config(const json& variants) {
    WriteText(dir_ + "/variants.json", json{{"variants", variants}}.dump());
    WriteText(dir_ + "/run.json", json{{"gold", kGold},
                                       {"variants_file", "variants.json"},
                                       {"statistics", {{"resamples", 50}}}}
                                      .dump());
    return dir_ + "/run.json";
  }
  json Report() { return json::parse(ReadText(out_ + "/report.json")); }

  std::string marker_ = "ieval-faults-" + std::to_string(getpid()) + "-end";
  std::string dir_ = testing::MakeTempDir("extractor_faults");
  std::string out_ = dir_ + "/out";
};

TEST_F(ExtractorFaults, AnExitStatusAfterEveryAnswerFailsTheVariant) {
  const std::string config =
      Config({{{"name", "exits_3"},
               {"extractor", "external"},
               {"options",
                {{"command", json{"python3", kFake, "exit3"}.dump()},
                 {"timeout", "60"}}}},
              {{"name", "rules"}, {"extractor", "rules"}}});
  auto r = RunIeval({"run", "--config", config, "--out", out_, "-q"});
  ASSERT_EQ(r.exit_code, 3) << r.err;
  const json report = Report();
  EXPECT_EQ(report["variants"][0]["status"], "failed");
  const std::string error = report["variants"][0]["error"];
  EXPECT_NE(error.find("exited with status 3 after its input was closed"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("fake: could not save the cache"), std::string::npos)
      << error;
  EXPECT_EQ(report["variants"][1]["status"], "ok");
}

TEST_F(ExtractorFaults, IsolateCoversAPluginInsideAnEnsemble) {
  const std::string config =
      Config({{{"name", "crash"},
               {"extractor", "plugin"},
               {"options", {{"path", IEVAL_CRASH_PLUGIN}}}},
              {{"name", "both"},
               {"extractor", "ensemble"},
               {"options", {{"members", "crash,rules"}}}},
              {{"name", "rules"}, {"extractor", "rules"}}});
  auto r = RunIeval({"run", "--config", config, "--variants", "both,rules",
                     "--out", out_, "-q", "--isolate"});
  ASSERT_EQ(r.exit_code, 3) << r.err;
  const json report = Report();
  EXPECT_EQ(report["variants"][0]["name"], "both");
  EXPECT_EQ(report["variants"][0]["status"], "failed");
  const std::string error = report["variants"][0]["error"];
  // Under AddressSanitizer the host reports the SEGV itself and exits 1.
  EXPECT_TRUE(error.find("was killed by signal 11") != std::string::npos ||
              error.find("AddressSanitizer: SEGV") != std::string::npos)
      << error;
  EXPECT_NE(error.find("plugin-host"), std::string::npos) << error;
  EXPECT_EQ(report["variants"][1]["status"], "ok");
}

TEST_F(ExtractorFaults, AFailedStartUpLeavesNoBackgroundChild) {
  // The shell starts a child in the background, then cannot exec.
  const std::string command =
      "sh -c 'sleep 300; : " + marker_ + "' & exec /nonexistent/extractor";
  auto r = RunIeval({"extract", "--extractor", "external", "--option",
                     "command=" + command, "--option", "timeout=60", "--gold",
                     kGold, "--out", dir_ + "/preds.jsonl"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  // The background child holds the response pipe open, so which ieval sees
  // first depends on scheduling: the shell's exit status, or the timeout.
  EXPECT_TRUE(r.err.find("exited with status 127") != std::string::npos ||
              r.err.find("did not answer within 60 s") != std::string::npos)
      << r.err;
  EXPECT_TRUE(WaitForProcesses(marker_, 0, 30))
      << ProcessesWith(marker_) << " left running";
}

TEST_F(ExtractorFaults, SigkillOfIevalEndsItsExtractor) {
  // Three seconds a document: still running when ieval is killed.
  const std::string config = Config(
      {{{"name", "slow"},
        {"extractor", "external"},
        {"options",
         {{"command", json{"python3", kFake, "slow", "3000", marker_}.dump()},
          {"timeout", "60"}}}}});
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(IEVAL_BINARY, IEVAL_BINARY, "run", "--config", config.c_str(),
          "--out", out_.c_str(), "-q", static_cast<char*>(nullptr));
    _exit(127);
  }
  bool started = false;  // ≥ 1: a python3 shim may fork a moment
  for (int i = 0; i < 1200 && !started; ++i) {
    started = ProcessesWith(marker_) > 0;
    if (!started) usleep(50000);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(started) << "the extractor never started";
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_TRUE(WaitForProcesses(marker_, 0, 30))
      << ProcessesWith(marker_) << " extractor(s) outlived ieval";
}

}  // namespace
}  // namespace ieval
