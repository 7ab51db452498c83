// `ieval run --repeats` and `ieval gate` against a baseline with repeats,
// through the real binary, on the shipped gold with a non-deterministic
// extractor (testdata/random_extractor.py: each gold mention dropped with
// probability p, drawn from a seed and IEVAL_REPEAT): report.json keeps
// every repeat's per-document counts and their spread; a run with other
// draws passes the default gate against the baseline, one whose recall
// halves fails it, and the headline says the baseline's spread decided.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using testing::RunIeval;

constexpr char kGold[] = IEVAL_SOURCE_DIR "/gold/docs";
constexpr char kRandom[] =
    IEVAL_SOURCE_DIR "/tests/app/cli/testdata/random_extractor.py";

class RepeatsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  // `ieval run --repeats K` of the random extractor dropping `drop` of the
  // mentions with `seed` (and `more` variant options); the report's folder.
  std::string Run(const std::string& name, const std::string& drop,
                  const std::string& seed, int repeats,
                  const json& more = json::object()) {
    json options = {
        {"command", json::array({"python3", kRandom, kGold, drop, seed})}};
    options.update(more);
    json variants = {{"variants",
                      {{{"name", "random"},
                        {"extractor", "external"},
                        {"options", options}}}}};
    testing::WriteText(Path(name + "-variants.json"), variants.dump());
    testing::WriteText(
        Path(name + "-run.json"),
        json{{"gold", kGold}, {"variants_file", Path(name + "-variants.json")}}
            .dump());
    const std::string out = Path(name);
    auto r = RunIeval({"run", "--config", Path(name + "-run.json"), "--out",
                       out, "--repeats", std::to_string(repeats), "--quiet"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }
  static json Variant(const std::string& folder) {
    return json::parse(
        testing::ReadText(folder + "/report.json"))["variants"][0];
  }
  static std::string FirstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
  }
  std::string dir_;
};

TEST_F(RepeatsCli, ReportKeepsEveryRepeatsCountsAndTheirSpread) {
  const std::string out = Run("base", "0.2", "7", 5);
  const json v = Variant(out);
  const json& repeats = v["repeats"];
  EXPECT_EQ(repeats["count"], 5);
  EXPECT_EQ(repeats["headline"], "mean");
  EXPECT_EQ(repeats["index_env"], "IEVAL_REPEAT");
  EXPECT_TRUE(repeats["seed_option"].is_null());  // external has no seed
  ASSERT_EQ(repeats["documents"].size(), 5u);
  // Repeat 0 is the scored run: its counts are the variant's documents'.
  const json& first = repeats["documents"][0];
  ASSERT_EQ(first.size(), v["scores"]["documents"].size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i]["doc_id"], v["scores"]["documents"][i]["doc_id"]);
    EXPECT_EQ(first[i]["entities"]["strict"].value("tp", 0),
              v["scores"]["documents"][i]["entities"]["strict"]["tp"]);
  }
  // The repeats draw differently (IEVAL_REPEAT), so their F1 differ.
  const json& f1 = repeats["metrics"]["entities.strict"]["f1"];
  ASSERT_EQ(f1["values"].size(), 5u);
  EXPECT_EQ(f1["values"][0],
            v["scores"]["entities"]["strict"]["overall"]["f1"]);
  std::set<double> distinct;
  double sum = 0;
  for (const json& x : f1["values"]) {
    distinct.insert(x.get<double>());
    sum += x.get<double>();
  }
  EXPECT_GT(distinct.size(), 1u);
  EXPECT_NEAR(f1["mean"].get<double>(), sum / 5, 1e-12);
  EXPECT_GT(f1["stddev"].get<double>(), 0);
  EXPECT_LE(f1["min"].get<double>(), f1["max"].get<double>());
  // No precision lost: the extractor only drops gold mentions.
  EXPECT_EQ(repeats["metrics"]["entities.strict"]["precision"]["mean"], 1.0);

  const std::string md = testing::ReadText(out + "/report.md");
  EXPECT_THAT(md, HasSubstr("## Repeats"));
  EXPECT_THAT(md, HasSubstr(" ± "));
  EXPECT_THAT(testing::ReadText(out + "/report.html"), HasSubstr("repeats"));
}

TEST_F(RepeatsCli, OtherDrawsPassTheDefaultGateHalvedRecallFailsIt) {
  const std::string base = Run("base", "0.2", "7", 5);
  const std::string other = Run("other", "0.2", "8", 5);
  const std::string half = Run("half", "0.6", "7", 5);

  const auto same = RunIeval({"gate", "--baseline", base + "/report.json",
                              "--current", base + "/report.json"});
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  const auto passes = RunIeval({"gate", "--baseline", base + "/report.json",
                                "--current", other + "/report.json"});
  EXPECT_EQ(passes.exit_code, 0) << passes.out << passes.err;
  EXPECT_THAT(FirstLine(passes.out), HasSubstr("✅ pass"));

  const auto fails = RunIeval({"gate", "--baseline", base + "/report.json",
                               "--current", half + "/report.json"});
  EXPECT_EQ(fails.exit_code, 1) << fails.out << fails.err;
  const std::string headline = FirstLine(fails.out);
  EXPECT_THAT(headline, HasSubstr("❌ regression: `random` "
                                  "`entities.strict.overall.f1`"));
  EXPECT_THAT(headline, HasSubstr("the baseline's run-to-run spread over 5 "
                                  "repeats, which decided"));
  EXPECT_THAT(fails.out, HasSubstr("Student's t against the baseline's 5 "
                                   "repeats"));

  // A current of one run against the baseline's repeats: the same test,
  // with the one run as the current mean.
  const std::string one = Run("one", "0.6", "7", 1);
  EXPECT_FALSE(Variant(one).contains("repeats"));
  const auto single = RunIeval({"gate", "--baseline", base + "/report.json",
                                "--current", one + "/report.json"});
  EXPECT_EQ(single.exit_code, 1) << single.out;
  EXPECT_THAT(single.out, HasSubstr("current: one run"));
}

TEST_F(RepeatsCli, RepeatsThatDoNotAddUpExitTwo) {
  const std::string base = Run("base", "0.2", "7", 3);
  json report = json::parse(testing::ReadText(base + "/report.json"));
  json& counts =
      report["variants"][0]["repeats"]["documents"][0][0]["entities"]["strict"];
  counts["tp"] = counts.value("tp", 0) + 5;
  testing::WriteText(Path("edited.json"), report.dump());
  const auto r = RunIeval({"gate", "--baseline", Path("edited.json"),
                           "--current", base + "/report.json"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, HasSubstr("repeats do not match its scores"));

  counts["tp"] = -1;
  testing::WriteText(Path("negative.json"), report.dump());
  const auto negative = RunIeval({"gate", "--baseline", Path("negative.json"),
                                  "--current", base + "/report.json"});
  EXPECT_EQ(negative.exit_code, 2) << negative.out;
  EXPECT_THAT(negative.err, HasSubstr("is not a count"));
}

TEST_F(RepeatsCli, BadRepeatsExitTwo) {
  auto r = RunIeval({"run", "--repeats", "0", "--out", Path("none")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("--repeats"));
}

}  // namespace
}  // namespace ieval
