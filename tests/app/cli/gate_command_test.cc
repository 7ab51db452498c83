// `ieval gate` through the real binary: exit codes 0/1/2, the Markdown on
// stdout, the JUnit and Markdown files (and none on bad input),
// --update-baseline, and the default gate on real `ieval score --json`
// files of the shipped gold, where five documents leave every decision to
// the tolerance.
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

// `doc` with every third mention removed (and the relations that used it).
nlohmann::json WithoutEveryThirdMention(nlohmann::json doc) {
  nlohmann::json kept = nlohmann::json::array();
  std::set<std::string> ids;
  for (size_t i = 0; i < doc["entities"].size(); ++i)
    if (i % 3 != 1) {
      kept.push_back(doc["entities"][i]);
      ids.insert(doc["entities"][i]["id"].get<std::string>());
    }
  nlohmann::json relations = nlohmann::json::array();
  for (const auto& rel : doc.value("relations", nlohmann::json::array()))
    if (ids.count(rel["head"]) && ids.count(rel["tail"]))
      relations.push_back(rel);
  doc["entities"] = kept;
  doc["relations"] = relations;
  return doc;
}

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";

class GateCliShippedGold : public GateCli {
 protected:
  // Scores `pred` against the shipped gold into `out`.
  void Score(const std::string& pred, const std::string& out,
             const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"score", "--gold", kGold,   "--pred",
                                     pred,    "--json", "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = RunIeval(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // The `relations` variant's predictions of reports/sample/, and the same
  // with a third of their mentions removed, scored (with `extra` options).
  void ScoreRelationsVariant(const std::vector<std::string>& extra = {}) {
    const std::string sample = std::string(IEVAL_SOURCE_DIR) +
                               "/reports/sample/predictions/relations.jsonl";
    std::ifstream in(sample);
    std::string cut, line;
    while (std::getline(in, line))
      cut +=
          WithoutEveryThirdMention(nlohmann::json::parse(line)).dump() + "\n";
    WriteText(Path("cut.jsonl"), cut);
    Score(sample, Path("base.json"), extra);
    Score(sample, Path("base_again.json"), extra);
    Score(Path("cut.jsonl"), Path("cut.json"), extra);
  }
  static std::string FirstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
  }
};

TEST_F(GateCliShippedGold, ThirdOfTheMentionsRemovedFailsTheDefaultGate) {
  ScoreRelationsVariant();
  const auto r = RunIeval(
      {"gate", "--baseline", Path("base.json"), "--current", Path("cut.json")});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string headline = FirstLine(r.out);
  EXPECT_EQ(headline.rfind("## ieval gate: ❌ regression: `score` "
                           "`entities.strict.overall.f1` 0.949 → 0.7",
                           0),
            0u)
      << headline;
  EXPECT_NE(headline.find("the tolerance decided because 5 documents cannot "
                          "reach significance"),
            std::string::npos)
      << headline;
}

TEST_F(GateCliShippedGold, DefaultVerdictReportsTheSentenceTestWhenCounted) {
  ScoreRelationsVariant({"--unit-counts", "sentence"});
  const auto r = RunIeval(
      {"gate", "--baseline", Path("base.json"), "--current", Path("cut.json")});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(FirstLine(r.out).find("the tolerance decided because 5 documents "
                                  "cannot reach significance (the "
                                  "sentence-level test, reported only, gives "
                                  "p = 0.0001 over "),
            std::string::npos)
      << FirstLine(r.out);
}

TEST_F(GateCliShippedGold, WithoutSentenceCountsTheSentenceTestIsUnavailable) {
  ScoreRelationsVariant();
  const auto r = RunIeval(
      {"gate", "--baseline", Path("base.json"), "--current", Path("cut.json")});
  EXPECT_NE(r.out.find("unavailable here: " + Path("base.json") +
                       " has no per-sentence counts"),
            std::string::npos)
      << r.out;
}

TEST_F(GateCliShippedGold, SentenceUnitLetsSentencesDecide) {
  ScoreRelationsVariant({"--unit-counts", "sentence"});
  WriteText(Path("sentences.json"), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "statistics": {"unit": "sentences", "correction": "none"},
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                  "require_significance": true}]})");
  const auto r =
      RunIeval({"gate", "--baseline", Path("base.json"), "--current",
                Path("cut.json"), "--rules", Path("sentences.json")});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(FirstLine(r.out).find("beyond the tolerance and significant"),
            std::string::npos)
      << FirstLine(r.out);
}

TEST_F(GateCliShippedGold, SentenceUnitWithoutSentenceCountsExitsTwo) {
  ScoreRelationsVariant();
  WriteText(Path("sentences.json"), R"({
    "format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                  "require_significance": true, "unit": "sentences"}]})");
  const auto r =
      RunIeval({"gate", "--baseline", Path("base.json"), "--current",
                Path("cut.json"), "--rules", Path("sentences.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(Path("base.json") + " has no per-sentence counts"),
            std::string::npos)
      << r.err;
}

TEST_F(GateCliShippedGold, IdenticalRunsPassTheDefaultGate) {
  ScoreRelationsVariant();
  const auto r = RunIeval({"gate", "--baseline", Path("base.json"), "--current",
                           Path("base_again.json")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(FirstLine(r.out).rfind("## ieval gate: ✅ pass", 0), 0u) << r.out;
}

TEST_F(GateCliShippedGold, ToleranceRulesShowTheDocumentsAndErrors) {
  ScoreRelationsVariant();
  const auto r = RunIeval({"gate", "--baseline", Path("base.json"), "--current",
                           Path("cut.json"), "--rules", Path("rules.json")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("0.949 → 0.7"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| missed | 11 |"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ieval::testing
