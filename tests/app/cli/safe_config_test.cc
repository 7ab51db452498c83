// Configs are code (app/cli/code_policy.h): `ieval run` names what it will
// execute, --no-exec and IEVAL_NO_EXEC=1 refuse it, `ieval list` never
// loads a library or starts a program; relative paths cannot leave a
// config's folder; a doc_id is never a path. Through the real binary.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::ReadText;
using testing::RunIeval;
using testing::WriteText;

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";

class SafeConfig : public ::testing::Test {
 protected:
  void SetUp() override {
    proof_ = dir_ + "/constructor_ran";
    touched_ = dir_ + "/command_ran";
    setenv("IEVAL_TEST_CONSTRUCTOR_FILE", proof_.c_str(), 1);
    unsetenv("IEVAL_NO_EXEC");
    const json variants = {
        {"variants",
         {{{"name", "library"},
           {"extractor", "plugin"},
           {"options", {{"path", IEVAL_CONSTRUCTOR_PLUGIN}}}},
          {{"name", "program"},
           {"extractor", "external"},
           {"options", {{"command", "touch " + touched_}}}},
          {{"name", "both"},
           {"extractor", "ensemble"},
           {"options", {{"members", "program,rules"}}}},
          {{"name", "rules"}, {"extractor", "rules"}}}}};
    WriteText(dir_ + "/variants.json", variants.dump());
    WriteText(dir_ + "/run.json", json{{"gold", kGold},
                                       {"variants_file", "variants.json"},
                                       {"statistics", {{"resamples", 50}}}}
                                      .dump());
  }
  void TearDown() override { unsetenv("IEVAL_NO_EXEC"); }

  std::string dir_ = testing::MakeTempDir("safe_config");
  std::string out_ = dir_ + "/out";
  std::string proof_, touched_;
};

TEST_F(SafeConfig, ListNeverLoadsALibraryOrStartsAProgram) {
  auto r = RunIeval({"list", "--config", dir_ + "/variants.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("executes: loads the library " +
                       std::string(IEVAL_CONSTRUCTOR_PLUGIN)),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("executes: runs the command `touch " + touched_),
            std::string::npos);
  EXPECT_NE(r.out.find("executes: (member program) runs the command"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(proof_));
  EXPECT_FALSE(fs::exists(touched_));
  // The proof works: a command that does load the library leaves it.
  RunIeval({"extract", "--config", dir_ + "/variants.json", "--variant",
            "library", "--gold", kGold, "--out", dir_ + "/p.jsonl"});
  EXPECT_TRUE(fs::exists(proof_));
}

TEST_F(SafeConfig, NoExecRefusesEveryVariantThatExecutesCode) {
  for (const char* variant : {"library", "program", "both"}) {
    auto r = RunIeval({"run", "--config", dir_ + "/run.json", "--variants",
                       variant, "--out", out_, "--no-exec"});
    EXPECT_EQ(r.exit_code, 2) << variant << ": " << r.err;
    EXPECT_NE(r.err.find("variant \"" + std::string(variant) + "\""),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("forbidden here (--no-exec or IEVAL_NO_EXEC=1)"),
              std::string::npos);
  }
  EXPECT_NE(RunIeval({"run", "--config", dir_ + "/run.json", "--variants",
                      "both", "--out", out_, "--no-exec"})
                .err.find("(through its member \"program\")"),
            std::string::npos);
  setenv("IEVAL_NO_EXEC", "1", 1);
  auto env = RunIeval({"run", "--config", dir_ + "/run.json", "--variants",
                       "program", "--out", out_});
  EXPECT_EQ(env.exit_code, 2) << env.err;
  auto extract =
      RunIeval({"extract", "--config", dir_ + "/variants.json", "--variant",
                "library", "--gold", kGold, "--out", dir_ + "/p.jsonl"});
  EXPECT_EQ(extract.exit_code, 2) << extract.err;
  // What executes nothing still runs.
  auto rules = RunIeval({"run", "--config", dir_ + "/run.json", "--variants",
                         "rules", "--out", out_, "-q"});
  EXPECT_EQ(rules.exit_code, 0) << rules.err;
  unsetenv("IEVAL_NO_EXEC");
  EXPECT_FALSE(fs::exists(proof_));
  EXPECT_FALSE(fs::exists(touched_));
}

TEST_F(SafeConfig, RunNamesWhatItExecutesBeforeRunningIt) {
  auto r = RunIeval({"run", "--config", dir_ + "/run.json", "--variants",
                     "program", "--out", out_});
  EXPECT_EQ(r.exit_code, 3);  // `touch` never answers
  EXPECT_EQ(r.err.find("ieval run: variant \"program\" runs the command "
                       "`touch " +
                       touched_ + "`"),
            0u)
      << r.err;
}

TEST_F(SafeConfig, RelativePathsCannotLeaveTheConfigsFolder) {
  WriteText(dir_ + "/sub/run.json",
            json{{"gold", "../../gold"}, {"variants_file", "v.json"}}.dump());
  auto r = RunIeval({"run", "--config", dir_ + "/sub/run.json", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("$.gold: the relative path \"../../gold\" leaves the "
                       "config's folder"),
            std::string::npos)
      << r.err;
  WriteText(dir_ + "/sub/v.json",
            json{{"variants",
                  {{{"name", "x"},
                    {"extractor", "plugin"},
                    {"options", {{"path", "../lib/evil.so"}}}}}}}
                .dump());
  auto v = RunIeval({"list", "--config", dir_ + "/sub/v.json"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("the relative path \"../lib/evil.so\" leaves the "
                       "variants file's folder"),
            std::string::npos)
      << v.err;
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(SafeConfig, ADocIdIsNeverUsedAsAPath) {
  for (const std::string id : {"../../escaped", "/tmp/abs", "a\tb", ""}) {
    WriteText(dir_ + "/gold.jsonl",
              json{{"doc_id", id}, {"text", "Kim est à Paris."}}.dump() + "\n");
    auto r = RunIeval({"extract", "--extractor", "rules", "--gold",
                       dir_ + "/gold.jsonl", "--out", out_ + "/a/b"});
    EXPECT_EQ(r.exit_code, 2) << id << ": " << r.err;
    if (!id.empty()) {
      EXPECT_NE(r.err.find("cannot be a file name in the output folder"),
                std::string::npos)
          << r.err;
    }
    EXPECT_FALSE(fs::exists(out_)) << id;
  }
  EXPECT_FALSE(fs::exists(out_ + "/escaped.json"));
  EXPECT_FALSE(fs::exists("/tmp/abs.json"));
}

TEST_F(SafeConfig, IsolateKeepsACrashingPluginFromEndingTheRun) {
  WriteText(dir_ + "/crash.json",
            json{{"variants",
                  {{{"name", "crash"},
                    {"extractor", "plugin"},
                    {"options", {{"path", IEVAL_CRASH_PLUGIN}}}},
                   {{"name", "rules"}, {"extractor", "rules"}}}}}
                .dump());
  WriteText(dir_ + "/crash.run.json", json{{"gold", kGold},
                                           {"variants_file", "crash.json"},
                                           {"statistics", {{"resamples", 50}}}}
                                          .dump());
  // In ieval's own process the crash is ieval's.
  auto inside = RunIeval(
      {"run", "--config", dir_ + "/crash.run.json", "--out", out_, "-q"});
  EXPECT_NE(inside.exit_code, 0);
  EXPECT_NE(inside.exit_code, 3);
  EXPECT_FALSE(fs::exists(out_ + "/report.json"));
  auto isolated = RunIeval({"run", "--config", dir_ + "/crash.run.json",
                            "--out", out_, "-q", "--isolate"});
  EXPECT_EQ(isolated.exit_code, 3) << isolated.err;
  const json report = json::parse(ReadText(out_ + "/report.json"));
  EXPECT_EQ(report["variants"][0]["status"], "failed");
  const std::string error = report["variants"][0]["error"];
  // Under AddressSanitizer the host reports the SEGV itself and exits 1.
  EXPECT_TRUE(error.find("was killed by signal 11") != std::string::npos ||
              error.find("AddressSanitizer: SEGV") != std::string::npos)
      << error;
  EXPECT_NE(error.find("plugin-host"), std::string::npos) << error;
  // It answered the first document, so the second is the one named.
  EXPECT_EQ(error.rfind("001_", 0), 0u) << error;
  EXPECT_EQ(report["variants"][1]["status"], "ok");
  EXPECT_TRUE(fs::exists(out_ + "/predictions/rules.jsonl"));
}

}  // namespace
}  // namespace ieval
