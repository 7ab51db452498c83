// `ieval run` and `ieval compare` through the real binary, with variants
// served by the scripted external extractor of the extractor tests
// (tests/extractors/external/testdata/fake_extractor.py) over the shipped gold.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunIeval;

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";

json Variant(const std::string& name, const std::string& mode,
             double timeout = 30) {
  return {{"name", name},
          {"extractor", "external"},
          {"options",
           {{"command",
             {"python3",
              std::string(IEVAL_SOURCE_DIR) +
                  "/tests/extractors/external/testdata/fake_extractor.py",
              mode}},
            {"timeout", timeout}}}};
}

class RunCli : public ::testing::Test {
 protected:
  // A config with these variants; returns its path.
  std::string Config(const std::vector<json>& variants) {
    json file = json::object();
    file["variants"] = json::array();
    for (const json& v : variants) file["variants"].push_back(v);
    testing::WriteText(dir_ + "/variants.json", file.dump());
    const json config = {{"gold", kGold},
                         {"variants_file", "variants.json"},
                         {"statistics", {{"resamples", 200}}}};
    testing::WriteText(dir_ + "/run.json", config.dump());
    return dir_ + "/run.json";
  }
  json Report() {
    return json::parse(testing::ReadText(out_ + "/report.json"));
  }

  std::string dir_ = testing::MakeTempDir("run_cli");
  std::string out_ = dir_ + "/out";
};

TEST_F(RunCli, WritesEveryReportAndPrintsOnlyTheSummary) {
  auto r = RunIeval(
      {"run", "--config", Config({Variant("good", "good")}), "--out", out_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f :
       {"report.json", "report.md", "report.html", "predictions/good.jsonl"})
    EXPECT_TRUE(fs::exists(out_ + "/" + f)) << f;
  EXPECT_EQ(r.out.rfind("variant  status", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("best: good"), std::string::npos);
  EXPECT_NE(r.err.find(out_ + "/report.html"), std::string::npos);
  const json report = Report();
  EXPECT_EQ(report["variants"][0]["status"], "ok");
  EXPECT_EQ(report["gold"]["documents"], 5);
  EXPECT_EQ(report["variants"][0]["throughput"]["documents"], 5);
}

TEST_F(RunCli, BenchRepetitionsAreTimedPassesAfterTheScoredOne) {
  auto r = RunIeval({"run", "--config", Config({Variant("good", "good")}),
                     "--out", out_, "--quiet", "--bench-repetitions", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json t = Report()["variants"][0]["throughput"];
  EXPECT_EQ(t["repetitions"]["count"], 3);
  EXPECT_EQ(t["repetitions"]["after_warmup"], true);
  EXPECT_EQ(t["repetitions"]["wall_seconds"].size(), 3u);
  EXPECT_EQ(t["repetitions"]["cpu_seconds"].size(), 3u);
  const json& docs = t["repetitions"]["documents_per_second"];
  EXPECT_LE(docs["min"].get<double>(), docs["median"].get<double>());
  EXPECT_LE(docs["median"].get<double>(), docs["max"].get<double>());
  EXPECT_GT(t["tokens"].get<int>(), 1000);
  EXPECT_GE(t["latency_ms"]["max"].get<double>(),
            t["latency_ms"]["p50"].get<double>());
  EXPECT_GT(t["children_peak_rss_mb"].get<double>(), 1);  // python3
}

TEST_F(RunCli, OneBenchRepetitionByDefault) {
  ASSERT_EQ(RunIeval({"run", "--config", Config({Variant("good", "good")}),
                      "--out", out_, "--quiet"})
                .exit_code,
            0);
  const json t = Report()["variants"][0]["throughput"];
  EXPECT_EQ(t["repetitions"]["count"], 1);
  EXPECT_EQ(t["repetitions"]["wall_seconds"][0], t["wall_seconds"]);
}

// The binary links mimalloc ahead of glibc (IEVAL_MALLOC); a link that
// loads it without replacing malloc, or drops it, shows in the report.
TEST_F(RunCli, ReportNamesTheMallocTheProcessRanOn) {
  ASSERT_EQ(RunIeval({"run", "--config", Config({Variant("good", "good")}),
                      "--out", out_, "--quiet"})
                .exit_code,
            0);
  const std::string allocator = Report()["machine"]["allocator"];
  if (std::string(IEVAL_MALLOC_CONFIGURED) == "mimalloc") {
    EXPECT_EQ(allocator.rfind("mimalloc ", 0), 0u) << allocator;
    EXPECT_EQ(allocator.find("not its own"), std::string::npos) << allocator;
    // ieval's main asks mimalloc for 2 MiB pages unless told otherwise.
    if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) {
      EXPECT_NE(allocator.find(", large OS pages"), std::string::npos)
          << allocator;
    }
  } else {
    EXPECT_EQ(allocator.find("mimalloc"), std::string::npos) << allocator;
  }
}

TEST_F(RunCli, PredictionsRescoreToTheReportedScores) {
  ASSERT_EQ(RunIeval({"run", "--config", Config({Variant("good", "good")}),
                      "--out", out_, "--quiet"})
                .exit_code,
            0);
  auto scored = RunIeval({"score", "--gold", kGold, "--pred",
                          out_ + "/predictions/good.jsonl", "--json"});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  const json rescored = json::parse(scored.out);
  const json report = Report();
  const json& reported = report["variants"][0]["scores"];
  EXPECT_EQ(rescored["entities"]["strict"]["overall"],
            reported["entities"]["strict"]["overall"]);
  EXPECT_EQ(rescored["documents"], reported["documents"]);
}

TEST_F(RunCli, FailedVariantExitsThreeAfterWritingTheOthers) {
  auto r =
      RunIeval({"run", "--config",
                Config({Variant("crash", "crash"), Variant("good", "good")}),
                "--out", out_});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const json report = Report();
  EXPECT_EQ(report["variants"][0]["status"], "failed");
  EXPECT_NE(report["variants"][0]["error"].get<std::string>().find(
                "model file missing"),
            std::string::npos)
      << report["variants"][0]["error"];
  EXPECT_EQ(report["variants"][1]["status"], "ok");
  EXPECT_TRUE(fs::exists(out_ + "/predictions/good.jsonl"));
  EXPECT_FALSE(fs::exists(out_ + "/predictions/crash.jsonl"));
  EXPECT_NE(
      testing::ReadText(out_ + "/report.md").find("> **Failed:** `crash`"),
      std::string::npos);
  EXPECT_NE(r.out.find("failed: crash"), std::string::npos);
}

TEST_F(RunCli, QuietPrintsNothingOnStderr) {
  auto r = RunIeval({"run", "--config", Config({Variant("good", "good")}),
                     "--out", out_, "--quiet"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
}

TEST_F(RunCli, BadConfigIsExitTwoAndWritesNothing) {
  testing::WriteText(dir_ + "/bad.json", "{\"gold\": \"x\", \"jbos\": 2}");
  auto r = RunIeval({"run", "--config", dir_ + "/bad.json", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.json: $: unknown key \"jbos\""), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(RunCli, UnknownVariantIsExitTwoListingTheKnownOnes) {
  auto r = RunIeval({"run", "--config", Config({Variant("good", "good")}),
                     "--variants", "nope", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown variant \"nope\""), std::string::npos);
  EXPECT_NE(r.err.find("has: good"), std::string::npos);
}

TEST_F(RunCli, CtrlCLeavesNoReportAndExits130) {
  const std::string config = Config({Variant("hang", "hang", 5)});
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(IEVAL_BINARY, IEVAL_BINARY, "run", "--config", config.c_str(),
          "--out", out_.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_FALSE(fs::exists(out_ + "/report.json"));
  if (fs::exists(out_)) {
    EXPECT_TRUE(fs::is_empty(out_));
  }
}

TEST_F(RunCli, CompareOfTwoRunsGivesVerdicts) {
  const std::string config = Config({Variant("good", "good")});
  ASSERT_EQ(RunIeval({"run", "--config", config, "--out", out_ + "1", "-q"})
                .exit_code,
            0);
  ASSERT_EQ(RunIeval({"run", "--config", config, "--out", out_ + "2", "-q"})
                .exit_code,
            0);
  auto text =
      RunIeval({"compare", out_ + "1/report.json", out_ + "2/report.json"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("entities.strict "), std::string::npos);
  EXPECT_NE(text.out.find("no significant difference"), std::string::npos);
  auto j = RunIeval(
      {"compare", out_ + "1/report.json", out_ + "2/report.json", "--json"});
  ASSERT_EQ(j.exit_code, 0);
  const json parsed = json::parse(j.out);
  EXPECT_EQ(parsed["pairs"][0]["a_variant"], "good");
  EXPECT_EQ(parsed["pairs"][0]["documents"], 5);
}

// A BRAT gold's annotation.conf is the run's label set: a gold type it does
// not list is refused, and predicted types outside it are summarised once
// per variant with the --map that fixes them (offsets past « à » and « ’ »
// in code points).
class RunBratGold : public RunCli {
 protected:
  void SetUp() override {
    testing::WriteText(dir_ + "/brat/d1.txt", "Kim vit à Paris avec l’OTAN.\n");
    testing::WriteText(dir_ + "/brat/d2.txt", "Paris et Kim.\n");
    testing::WriteText(dir_ + "/brat/d2.ann",
                       "T1\tLOC 0 5\tParis\nT2\tPER 9 12\tKim\n");
    testing::WriteText(dir_ + "/brat/annotation.conf",
                       "[entities]\nPER\nLOC\nOrg\n[relations]\n[events]\n"
                       "[attributes]\n");
    Config({Variant("good", "good")});
    const json config = {{"gold", "brat"},
                         {"variants_file", "variants.json"},
                         {"statistics", {{"resamples", 50}}}};
    testing::WriteText(dir_ + "/run.json", config.dump());
  }
  void Ann(const std::string& org_type) {
    testing::WriteText(dir_ + "/brat/d1.ann",
                       "T1\tPER 0 3\tKim\nT2\tLOC 10 15\tParis\nT3\t" +
                           org_type + " 23 27\tOTAN\n");
  }
  testing::CommandResult Run(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run",   "--config", dir_ + "/run.json",
                                     "--out", out_,       "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunIeval(args);
  }
};

TEST_F(RunBratGold, ATypeTheAnnotationConfDoesNotListIsRefused) {
  Ann("ORGA");
  auto r = Run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d1.ann:3: d1: T3: unknown entity type \"ORGA\""),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out_ + "/report.json"));
}

TEST_F(RunBratGold, TypesOutsideTheLabelSetAreSummarisedOnceWithTheMap) {
  Ann("Org");
  auto r = Run();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string warning =
      "ieval run: warning: variant good: predicted types outside the label "
      "set (scored as false positives): ORG x1: try --map ORG=Org\n";
  EXPECT_NE(r.err.find(warning), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("ORG x1"), r.err.rfind("ORG x1")) << r.err;
  EXPECT_NE(r.out.find("0.800 [0.67, 1.00]"), std::string::npos) << r.out;

  auto mapped = Run({"--map", "ORG=Org"});
  ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
  EXPECT_EQ(mapped.err.find("warning"), std::string::npos) << mapped.err;
  EXPECT_NE(mapped.out.find("1.000 [1.00, 1.00]"), std::string::npos)
      << mapped.out;
}

TEST_F(RunCli, CompareOfAMissingFileIsExitTwo) {
  auto r = RunIeval({"compare", dir_ + "/none.json", dir_ + "/none.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("none.json"), std::string::npos);
}

}  // namespace
}  // namespace ieval
