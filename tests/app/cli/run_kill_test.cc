// `ieval run` killed at any moment (SIGKILL, SIGTERM, SIGINT), during the
// extraction as during the writing of the reports: --out must hold either
// every report of the previous run or every report of the new one, never a
// mix, and the message of a caught signal must say which.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const std::string kFake = std::string(IEVAL_SOURCE_DIR) +
                          "/tests/extractors/external/testdata/"
                          "fake_extractor.py";

// 800 documents, so that writing the reports takes a while to be killed
// in.
std::string WriteGold(const std::string& dir) {
  const std::string path = dir + "/gold.jsonl";
  std::ofstream out(path);
  const std::string text = "Kim est à Paris avec l'OTAN. ";
  for (int i = 0; i < 800; ++i) {
    std::string t;
    for (int k = 0; k < 8; ++k) t += text;
    json entities = json::array();
    for (int k = 0; k < 8; ++k) {
      const int at = k * 29;
      entities.push_back(
          {{"start", at}, {"end", at + 3}, {"type", "PER"}, {"text", "Kim"}});
    }
    out << json{{"doc_id", "d" + std::to_string(i)},
                {"text", t},
                {"entities", entities}}
               .dump()
        << "\n";
  }
  return path;
}

// A run config whose one variant is `name`.
std::string WriteConfig(const std::string& dir, const std::string& name,
                        const std::string& gold) {
  const json variants = {
      {"variants",
       {{{"name", name},
         {"extractor", "external"},
         {"options", {{"command", {"python3", kFake, "good"}}}}}}}};
  testing::WriteText(dir + "/" + name + ".variants.json", variants.dump());
  const json config = {{"gold", gold},
                       {"variants_file", name + ".variants.json"},
                       {"statistics", {{"resamples", 50}}}};
  testing::WriteText(dir + "/" + name + ".run.json", config.dump());
  return dir + "/" + name + ".run.json";
}

// Which run's reports `out` holds ("" when there are none; "mixed: …" when
// its files disagree): every file names the one variant, and predictions/
// holds that variant's file and nothing else.
std::string WhoseReports(const std::string& out) {
  if (!fs::exists(out)) return "";
  const json report = json::parse(testing::ReadText(out + "/report.json"));
  const std::string name = report["variants"][0]["name"];
  const std::string md = testing::ReadText(out + "/report.md");
  const std::string html = testing::ReadText(out + "/report.html");
  std::set<std::string> predictions;
  for (const auto& e : fs::directory_iterator(out + "/predictions"))
    predictions.insert(e.path().filename().string());
  const std::string other = name == "kiwi" ? "mango" : "kiwi";
  if (md.find("| " + name) == std::string::npos ||
      md.find("| " + other) != std::string::npos)
    return "mixed: report.md is not " + name + "'s";
  if (html.find("\"" + name + "\"") == std::string::npos ||
      html.find("\"" + other + "\"") != std::string::npos)
    return "mixed: report.html is not " + name + "'s";
  if (predictions != std::set<std::string>{name + ".jsonl"})
    return "mixed: predictions/ is not " + name + "'s";
  return name;
}

struct Ended {
  int exit_code = -1;  // -1: killed
  std::string err;
};

// Runs `ieval run` and sends `signal` after `delay` (none when zero).
Ended RunAndKill(const std::string& config, const std::string& out,
                 const std::string& dir, std::chrono::microseconds delay,
                 int signal) {
  const std::string err = dir + "/stderr";
  const pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen(err.c_str(), "w", stderr);
    execl(IEVAL_BINARY, IEVAL_BINARY, "run", "--config", config.c_str(),
          "--out", out.c_str(), "--jobs", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  if (delay.count() > 0) {
    std::this_thread::sleep_for(delay);
    kill(pid, signal);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Ended e;
  e.err = testing::ReadText(err);
  if (WIFEXITED(status)) e.exit_code = WEXITSTATUS(status);
  return e;
}

TEST(RunKill, AKillAtAnyMomentLeavesThePreviousReportsOrTheNewOnes) {
  const std::string dir = testing::MakeTempDir("run_kill");
  const std::string gold = WriteGold(dir);
  const std::string configs[2] = {WriteConfig(dir, "kiwi", gold),
                                  WriteConfig(dir, "mango", gold)};
  const std::string out = dir + "/out";
  // One whole run, to spread the kills over its length.
  const auto begin = std::chrono::steady_clock::now();
  ASSERT_EQ(RunAndKill(configs[0], out, dir, {}, 0).exit_code, 0);
  const auto whole = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - begin);
  ASSERT_EQ(WhoseReports(out), "kiwi");
  std::string previous = "kiwi";
  const int kKills = 18;
  std::set<std::string> seen;
  for (int k = 0; k < kKills; ++k) {
    const std::string next = previous == "kiwi" ? "mango" : "kiwi";
    const int signal = k % 3 == 0 ? SIGKILL : k % 3 == 1 ? SIGTERM : SIGINT;
    // From a third of the run (the extraction) to past its end, where the
    // writing and the folder's exchange are.
    const auto delay = whole / 3 + whole * k / kKills;
    const Ended e =
        RunAndKill(configs[next == "kiwi" ? 0 : 1], out, dir, delay, signal);
    const std::string now = WhoseReports(out);
    ASSERT_TRUE(now == previous || now == next)
        << "after " << strsignal(signal) << " at " << delay.count()
        << " us: " << now << "\n"
        << e.err;
    if (e.exit_code == 128 + signal) {
      const bool says_new =
          e.err.find("the new reports were written") != std::string::npos;
      const bool says_old =
          e.err.find("holds the previous reports, unchanged") !=
          std::string::npos;
      EXPECT_TRUE(says_new ? now == next : says_old && now == previous)
          << e.err << "\nholds " << now;
    } else if (e.exit_code == 0) {
      EXPECT_EQ(now, next);
    } else {
      EXPECT_EQ(e.exit_code, -1) << e.err;  // SIGKILL
    }
    seen.insert(now == previous ? "previous" : "new");
    previous = now;
  }
  // A run that completes cleans what the killed ones left beside --out.
  const std::string last = previous == "kiwi" ? "mango" : "kiwi";
  ASSERT_EQ(
      RunAndKill(configs[last == "kiwi" ? 0 : 1], out, dir, {}, 0).exit_code,
      0);
  EXPECT_EQ(WhoseReports(out), last);
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_NE(e.path().filename().string().rfind(".out.", 0), 0u)
        << e.path() << " left behind";
  for (const auto& e : fs::directory_iterator(out))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos)
        << e.path() << " left behind";
  EXPECT_EQ(seen.size(), 2u) << "the kills never fell on both sides";
}

// Processes whose command line holds `marker` (zombies have none); the
// marker ends in "-end", so that pid 12 is not found in pid 123's.
int ProcessesWith(const std::string& marker) {
  int n = 0;
  for (const auto& e : fs::directory_iterator("/proc")) {
    // A process may end while it is read: then it is not counted.
    std::string cmdline;
    try {
      std::ifstream in(e.path() / "cmdline", std::ios::binary);
      cmdline.assign(std::istreambuf_iterator<char>(in), {});
    } catch (const std::exception&) {
      continue;
    }
    if (cmdline.find(marker) != std::string::npos) ++n;
  }
  return n;
}

// A signal while an extractor hangs (timeout ten minutes) stops the run at
// once, and the extractor and what it started in the background die too.
TEST(RunKill, ASignalStopsAHangingExtractorAndItsChildren) {
  const std::string dir = testing::MakeTempDir("run_signal");
  const std::string marker =
      "ieval-signal-test-" + std::to_string(getpid()) + "-end";
  const json variants = {
      {"variants",
       {{{"name", "hang"},
         {"extractor", "external"},
         {"options",
          // The quotes keep the marker out of the shell's own command line.
          // (`python3` may be a shim that forks before it runs Python,
          // so the marked process is a shell, which `; :` keeps from
          // replacing itself by `sleep`.)
          {{"command", "sh -c 'sleep 300; :' ieval-''" + marker.substr(6) +
                           " & exec python3 " + kFake + " hang"},
           {"timeout", 600}}}}}}};
  testing::WriteText(dir + "/variants.json", variants.dump());
  const json config = {{"gold", std::string(IEVAL_SOURCE_DIR) + "/gold/docs"},
                       {"variants_file", "variants.json"}};
  testing::WriteText(dir + "/run.json", config.dump());
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) {
    const std::string err = dir + "/stderr";
    const pid_t pid = fork();
    if (pid == 0) {
      freopen("/dev/null", "w", stdout);
      freopen(err.c_str(), "w", stderr);
      execl(IEVAL_BINARY, IEVAL_BINARY, "run", "--config",
            (dir + "/run.json").c_str(), "--out", (dir + "/out").c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    for (int i = 0; i < 200 && ProcessesWith(marker) == 0; ++i) usleep(20000);
    ASSERT_EQ(ProcessesWith(marker), 1) << "the extractor never started";
    usleep(500000);  // the extractor's own start-up, so that it hangs
    kill(pid, signal);
    // Far sooner than the timeout; a bound only so that a failure ends.
    int status = 0;
    for (int i = 0; i < 3000 && waitpid(pid, &status, WNOHANG) == 0; ++i)
      usleep(10000);
    if (kill(pid, 0) == 0) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      FAIL() << strsignal(signal) << " did not stop the run within 30 s";
    }
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 128 + signal);
    EXPECT_NE(testing::ReadText(err).find("no report was written"),
              std::string::npos)
        << testing::ReadText(err);
    for (int i = 0; i < 100 && ProcessesWith(marker) > 0; ++i) usleep(20000);
    EXPECT_EQ(ProcessesWith(marker), 0)
        << "left running after " << strsignal(signal);
    EXPECT_FALSE(fs::exists(dir + "/out"));
  }
}

}  // namespace
}  // namespace ieval
