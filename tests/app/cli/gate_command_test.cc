// `ieval gate` through the real binary: exit codes 0/1/2, the Markdown on
// stdout, the JUnit and Markdown files (and none on bad input),
// --update-baseline, and a gate on real `ieval score --json` files of the
// shipped gold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/cli_runner.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kNoSignificance[] = R"({
  "format": "ieval-gate-rules", "format_version": 1,
  "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.0}]})";

class GateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    const auto good = MakeDocs(12, [](int) { return PrfCounts{9, 1, 1}; });
    const auto bad = MakeDocs(12, [](int) { return PrfCounts{6, 4, 4}; });
    WriteText(Path("good.json"), ScoreJson(good));
    WriteText(Path("good2.json"), ScoreJson(good));
    WriteText(Path("bad.json"), ScoreJson(bad));
    auto other = good;
    other[0].id = "elsewhere";
    WriteText(Path("other_docs.json"), ScoreJson(other));
    WriteText(Path("rules.json"), kNoSignificance);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  std::string dir_;
};

TEST_F(GateCli, PassExitsZeroAndPrintsTheVerdict) {
  const auto r = RunIeval({"gate", "--baseline", Path("good.json"), "--current",
                           Path("good2.json"), "--rules", Path("rules.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("## ieval gate: ✅ pass", 0), 0u) << r.out;
}

TEST_F(GateCli, RegressionExitsOneAndWritesJUnitAndMarkdown) {
  const auto r =
      RunIeval({"gate", "--baseline", Path("good.json"), "--current",
                Path("bad.json"), "--rules", Path("rules.json"), "--junit",
                Path("out/junit.xml"), "--markdown", Path("out/verdict.md")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(testing::ReadText(Path("out/verdict.md")), r.out);
  EXPECT_NE(r.out.find("❌ regression"), std::string::npos);
  const std::string xml = testing::ReadText(Path("out/junit.xml"));
  EXPECT_NE(xml.find("failures=\"1\""), std::string::npos) << xml;
}

TEST_F(GateCli, QuietPrintsNothing) {
  const auto r =
      RunIeval({"gate", "--baseline", Path("good.json"), "--current",
                Path("bad.json"), "--rules", Path("rules.json"), "--quiet"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
}

TEST_F(GateCli, MismatchExitsTwoAndWritesNothing) {
  const auto r =
      RunIeval({"gate", "--baseline", Path("good.json"), "--current",
                Path("other_docs.json"), "--junit", Path("junit.xml"),
                "--markdown", Path("verdict.md")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("different documents"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(Path("junit.xml")));
  EXPECT_FALSE(fs::exists(Path("verdict.md")));
}

TEST_F(GateCli, MissingFileExitsTwoNamingIt) {
  const auto r = RunIeval({"gate", "--baseline", Path("nowhere.json"),
                           "--current", Path("good.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nowhere.json"), std::string::npos) << r.err;
}

TEST_F(GateCli, BadRulesExitTwo) {
  WriteText(Path("typo.json"), R"({"format": "ieval-gate-rules",
    "format_version": 1, "acuracy": []})");
  const auto r = RunIeval({"gate", "--baseline", Path("good.json"), "--current",
                           Path("good2.json"), "--rules", Path("typo.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown key \"acuracy\""), std::string::npos) << r.err;
}

TEST_F(GateCli, PrintDefaultRulesPrintsTheShippedFile) {
  const auto r = RunIeval({"gate", "--print-default-rules"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, testing::ReadText(std::string(IEVAL_SOURCE_DIR) +
                                     "/eval/gate/default_rules.json"));
}

TEST_F(GateCli, UpdateBaselineWritesTheCurrentResults) {
  const std::string baseline = Path("baselines/score.json");
  const auto r = RunIeval({"gate", "--update-baseline", "--baseline", baseline,
                           "--current", Path("bad.json")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadText(baseline), testing::ReadText(Path("bad.json")));
  EXPECT_NE(r.out.find("updated " + baseline), std::string::npos);
  // The new baseline gates the same results as a pass.
  EXPECT_EQ(RunIeval({"gate", "--baseline", baseline, "--current",
                      Path("bad.json"), "--rules", Path("rules.json")})
                .exit_code,
            0);
}

TEST_F(GateCli, UpdateBaselineRefusesABrokenCurrentFile) {
  WriteText(Path("broken.json"), "{\"entities\": ");
  const auto r =
      RunIeval({"gate", "--update-baseline", "--baseline", Path("good.json"),
                "--current", Path("broken.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(testing::ReadText(Path("good.json")),
            testing::ReadText(Path("good2.json")));  // intact
}

TEST_F(GateCli, RealBenchmarkFilesWithAndWithoutScores) {
  const std::string fixtures =
      std::string(IEVAL_SOURCE_DIR) + "/tests/eval/gate/fixtures/";
  const auto speed =
      RunIeval({"gate", "--baseline", fixtures + "stats_bench_a.json",
                "--current", fixtures + "stats_bench_b.json"});
  EXPECT_EQ(speed.exit_code, 0) << speed.out << speed.err;
  EXPECT_NE(speed.out.find("`BM_MannWhitneyU/100` | `cpu_time`"),
            std::string::npos)
      << speed.out;
  // Accuracy and speed together: one file of each kind per side.
  const auto both = RunIeval({"gate", "--baseline", Path("good.json"),
                              fixtures + "stats_bench_a.json", "--current",
                              Path("bad.json"), fixtures + "stats_bench_b.json",
                              "--rules", Path("rules.json")});
  EXPECT_EQ(both.exit_code, 1) << both.err;
  EXPECT_NE(both.out.find("2 benchmarks"), std::string::npos) << both.out;
  // A side without the benchmark file is not comparable.
  const auto lopsided = RunIeval({"gate", "--baseline", Path("good.json"),
                                  fixtures + "stats_bench_a.json", "--current",
                                  Path("bad.json")});
  EXPECT_EQ(lopsided.exit_code, 2);
}

// Predictions: the gold with every third mention of each document removed
// (and the relations that used them).
void WritePerturbedGold(const std::string& dir) {
  for (const auto& entry :
       fs::directory_iterator(std::string(IEVAL_SOURCE_DIR) + "/gold/docs")) {
    nlohmann::json doc =
        nlohmann::json::parse(testing::ReadText(entry.path().string()));
    nlohmann::json kept = nlohmann::json::array();
    std::set<std::string> ids;
    for (size_t i = 0; i < doc["entities"].size(); ++i)
      if (i % 3 != 1) {
        kept.push_back(doc["entities"][i]);
        ids.insert(doc["entities"][i]["id"].get<std::string>());
      }
    nlohmann::json relations = nlohmann::json::array();
    for (const auto& rel : doc["relations"])
      if (ids.count(rel["head"]) && ids.count(rel["tail"]))
        relations.push_back(rel);
    doc["entities"] = kept;
    doc["relations"] = relations;
    WriteText(dir + "/" + entry.path().filename().string(), doc.dump());
  }
}

TEST_F(GateCli, RealScoresOfTheShippedGold) {
  const std::string gold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";
  WritePerturbedGold(Path("pred"));
  ASSERT_EQ(RunIeval({"score", "--gold", gold, "--pred", gold, "--json",
                      "--out", Path("base.json")})
                .exit_code,
            0);
  const auto scored = RunIeval({"score", "--gold", gold, "--pred", Path("pred"),
                                "--json", "--out", Path("cur.json")});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  // Without a significance requirement the drop fails…
  const auto strict =
      RunIeval({"gate", "--baseline", Path("base.json"), "--current",
                Path("cur.json"), "--rules", Path("rules.json")});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.out.find("1.000 → 0."), std::string::npos) << strict.out;
  EXPECT_NE(strict.out.find("| missed |"), std::string::npos) << strict.out;
  // …while the default rules require significance, which five documents
  // cannot reach: the verdict passes and says why.
  const auto defaults = RunIeval(
      {"gate", "--baseline", Path("base.json"), "--current", Path("cur.json")});
  EXPECT_EQ(defaults.exit_code, 0) << defaults.out << defaults.err;
  EXPECT_NE(defaults.out.find("With 5 documents"), std::string::npos)
      << defaults.out;
}

}  // namespace
}  // namespace ieval::testing
