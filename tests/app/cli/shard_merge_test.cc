// `ieval score --shard I/N --counts-out FILE` and `ieval merge`, through
// the real binary: merging every shard's counts, in any order, gives the
// very bytes of `ieval score --json` on the whole corpus (the shipped gold
// and a synthetic corpus, 1, 2 and 7 shards); merge refuses missing,
// duplicated and foreign shards and a document counted twice; a rerun
// skips a shard whose counts file is complete.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::ReadText;
using testing::RunIeval;
using testing::WriteText;

constexpr char kGold[] = IEVAL_SOURCE_DIR "/gold/docs";
constexpr char kPred[] =
    IEVAL_SOURCE_DIR "/reports/sample/predictions/best.jsonl";

class ShardMerge : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  // Scores shard i/n into counts file NAME-i-of-n.jsonl; returns its path.
  std::string Shard(const std::string& gold, const std::string& pred, int i,
                    int n, std::vector<std::string> more = {}) {
    const std::string counts = Path("counts-" + std::to_string(i) + "-of-" +
                                    std::to_string(n) + ".jsonl");
    std::vector<std::string> args = {
        "score",
        "--gold",
        gold,
        "--pred",
        pred,
        "--shard",
        std::to_string(i) + "/" + std::to_string(n),
        "--counts-out",
        counts};
    args.insert(args.end(), more.begin(), more.end());
    const auto r = RunIeval(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return counts;
  }

  std::vector<std::string> AllShards(const std::string& gold,
                                     const std::string& pred, int n) {
    std::vector<std::string> files;
    for (int i = 1; i <= n; ++i) files.push_back(Shard(gold, pred, i, n));
    return files;
  }

  testing::CommandResult Merge(const std::vector<std::string>& files,
                               const std::string& out) {
    std::vector<std::string> args = {"merge"};
    args.insert(args.end(), files.begin(), files.end());
    args.push_back("--out");
    args.push_back(out);
    return RunIeval(args);
  }

  // Merges the shards in `orders` different orders, each giving `expected`.
  void ExpectMergesTo(std::vector<std::string> files,
                      const std::string& expected) {
    std::mt19937 shuffle(static_cast<unsigned>(files.size()));
    for (int order = 0; order < 3; ++order) {
      const std::string out = Path("merged-" + std::to_string(files.size()) +
                                   "-" + std::to_string(order));
      const auto r = Merge(files, out);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      EXPECT_TRUE(ReadText(out + "/score.json") == expected)
          << files.size() << " shards, order " << order << " differ from "
          << "the unsharded score --json";
      std::shuffle(files.begin(), files.end(), shuffle);
    }
  }

  std::string Unsharded(const std::string& gold, const std::string& pred) {
    const auto r =
        RunIeval({"score", "--gold", gold, "--pred", pred, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  std::string dir_;
};

TEST_F(ShardMerge, ShippedGoldMergesExactlyFromOneTwoAndSevenShards) {
  const std::string expected = Unsharded(kGold, kPred);
  ASSERT_THAT(expected, HasSubstr("\"documents\""));
  for (int n : {1, 2, 7}) ExpectMergesTo(AllShards(kGold, kPred, n), expected);
}

// Predictions given by their text: the merged score.json has the same
// grounding, by-alignment, string and policy blocks as the unsharded one.
TEST_F(ShardMerge, StringPredictionsMergeWithTheirGroundingBlocks) {
  const std::string strings =
      std::string(IEVAL_SOURCE_DIR) + "/gold/strings/perturbed.jsonl";
  const std::string expected = Unsharded(kGold, strings);
  ASSERT_THAT(expected, HasSubstr("\"policy_sensitivity\""));
  ASSERT_THAT(expected, HasSubstr("\"ungrounded\": 1"));
  for (int n : {1, 2, 7})
    ExpectMergesTo(AllShards(kGold, strings, n), expected);
}

// `merge --per-document FILE` writes the two files of `score --json
// --per-document FILE`, byte for byte, and compare follows the link.
TEST_F(ShardMerge, MergeWritesThePerDocumentFileAsScoreDoes) {
  const auto whole =
      RunIeval({"score", "--gold", kGold, "--pred", kPred, "--json", "--out",
                Path("whole/score.json"), "--per-document",
                Path("whole/documents.jsonl")});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  std::vector<std::string> args = {"merge"};
  for (const std::string& f : AllShards(kGold, kPred, 2)) args.push_back(f);
  args.insert(args.end(), {"--out", Path("merged"), "--per-document",
                           Path("merged/documents.jsonl")});
  const auto merged = RunIeval(args);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_EQ(ReadText(Path("merged/score.json")),
            ReadText(Path("whole/score.json")));
  EXPECT_EQ(ReadText(Path("merged/documents.jsonl")),
            ReadText(Path("whole/documents.jsonl")));
  const auto compared =
      RunIeval({"compare", Path("whole/score.json"), Path("merged/score.json"),
                "--resamples", "100"});
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.out, HasSubstr("5 documents paired"));
}

TEST_F(ShardMerge, RefusesShardsGroundedUnderOtherPolicies) {
  const std::string strings =
      std::string(IEVAL_SOURCE_DIR) + "/gold/strings/perturbed.jsonl";
  const std::string one = Shard(kGold, strings, 1, 2);
  const std::string two =
      Shard(kGold, strings, 2, 2, {"--ground-policy", "first"});
  const auto r = Merge({one, two}, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("the options differ"));
  EXPECT_THAT(r.err, HasSubstr("\"ground_policy\":\"first\""));
  EXPECT_FALSE(fs::exists(Path("out/score.json")));
}

TEST_F(ShardMerge, SyntheticCorpusMergesExactlyFromOneTwoAndSevenShards) {
  if (std::string(IEVAL_MAKE_CORPUS).empty())
    GTEST_SKIP() << "make_corpus is built with the benchmarks "
                    "(IEVAL_BUILD_BENCH=ON, as in the ci preset)";
  const std::string corpus = Path("corpus");
  fs::create_directories(corpus);
  const int made = std::system((std::string(IEVAL_MAKE_CORPUS) +
                                " --docs 400 --seed 7 --out " + corpus +
                                " --shared " IEVAL_SHARED_DIR " > /dev/null")
                                   .c_str());
  ASSERT_EQ(made, 0);
  const std::string gold = corpus + "/gold.jsonl";
  const std::string pred = corpus + "/pred.jsonl";
  const std::string expected = Unsharded(gold, pred);
  for (int n : {1, 2, 7}) {
    const std::vector<std::string> files = AllShards(gold, pred, n);
    ExpectMergesTo(files, expected);
  }
  // Each document lands in exactly one of the seven shards.
  int64_t documents = 0;
  for (int i = 1; i <= 7; ++i) {
    const std::string head =
        ReadText(Path("counts-" + std::to_string(i) + "-of-7.jsonl"));
    const size_t at = head.find("\"documents\":");
    ASSERT_NE(at, std::string::npos);
    documents += std::stoll(head.substr(at + 12));
  }
  EXPECT_EQ(documents, 400);
}

TEST_F(ShardMerge, ExtractedShardsScoredAndMergedEqualTheWholeJob) {
  // Each task extracts and scores its own shard, as an array job does.
  const auto whole = RunIeval({"extract", "--extractor", "rules", "--gold",
                               kGold, "--out", Path("all.jsonl")});
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  std::vector<std::string> files;
  int64_t extracted = 0;
  for (int i = 1; i <= 3; ++i) {
    const std::string pred = Path("pred-" + std::to_string(i) + ".jsonl");
    const auto r =
        RunIeval({"extract", "--extractor", "rules", "--gold", kGold, "--shard",
                  std::to_string(i) + "/3", "--out", pred});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    extracted += std::stoll(r.out.substr(r.out.find(' ') + 1));
    files.push_back(Shard(kGold, pred, i, 3));
  }
  EXPECT_EQ(extracted, 5);
  ExpectMergesTo(files, Unsharded(kGold, Path("all.jsonl")));
}

TEST_F(ShardMerge, RefusesAMissingShardNamingIt) {
  std::vector<std::string> files = AllShards(kGold, kPred, 3);
  files.erase(files.begin() + 1);
  const auto r = Merge(files, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("shard 2/3 is missing"));
  EXPECT_FALSE(fs::exists(Path("out/score.json")));
}

TEST_F(ShardMerge, RefusesAShardGivenTwice) {
  std::vector<std::string> files = AllShards(kGold, kPred, 2);
  fs::copy_file(files[0], Path("copy.jsonl"));
  files.push_back(Path("copy.jsonl"));
  const auto r = Merge(files, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("shard 1/2 is given twice"));
  EXPECT_FALSE(fs::exists(Path("out/score.json")));
}

TEST_F(ShardMerge, RefusesShardsOfOtherOptions) {
  const std::string one = Shard(kGold, kPred, 1, 2);
  const std::string two = Shard(kGold, kPred, 2, 2, {"--min-overlap", "0.5"});
  const auto r = Merge({one, two}, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err,
              HasSubstr("are not shards of one job: the options differ"));
  EXPECT_FALSE(fs::exists(Path("out/score.json")));
}

TEST_F(ShardMerge, RefusesShardsOfOtherGold) {
  const std::string other = Path("gold");
  fs::copy(kGold, other);
  // One more character in a document's text changes the gold's hash.
  const std::string one = Shard(kGold, kPred, 1, 2);
  for (const auto& entry : fs::directory_iterator(other)) {
    WriteText(entry.path().string(), ReadText(entry.path().string()) + "\n");
    break;
  }
  const std::string two = Shard(other, kPred, 2, 2);
  const auto r = Merge({one, two}, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("the gold differs (fnv1a64:"));
}

TEST_F(ShardMerge, RefusesADocumentCountedTwice) {
  const std::vector<std::string> files = AllShards(kGold, kPred, 2);
  // Shard 1's counts relabelled as shard 2: its documents are then in two
  // files.
  std::string text = ReadText(files[0]);
  const size_t at = text.find("\"shard\":[1,2]");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 13, "\"shard\":[2,2]");
  WriteText(Path("relabelled.jsonl"), text);
  const auto r = Merge({files[0], Path("relabelled.jsonl")}, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("a document is counted in one shard only"));
}

TEST_F(ShardMerge, RefusesAMixOfScoreAndRunCounts) {
  const std::vector<std::string> files = AllShards(kGold, kPred, 2);
  std::string text = ReadText(files[1]);
  const size_t at = text.find("\"kind\":\"score\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 14, "\"kind\":\"run\"");
  WriteText(Path("run.jsonl"), text);
  const auto r = Merge({files[0], Path("run.jsonl")}, Path("out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("one holds `ieval score` counts, the other "
                               "`ieval run` counts"));
}

TEST_F(ShardMerge, ARerunSkipsACompleteShardAndForceScoresItAgain) {
  const std::string counts = Shard(kGold, kPred, 1, 2);
  const std::string before = ReadText(counts);
  const std::vector<std::string> args = {
      "score",   "--gold", kGold,          "--pred", kPred,
      "--shard", "1/2",    "--counts-out", counts,   "--json"};
  const auto first = RunIeval(
      {"score", "--gold", kGold, "--pred", kPred, "--shard", "1/2", "--json"});
  const auto skipped = RunIeval(args);
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_THAT(skipped.err, HasSubstr("not scored again"));
  EXPECT_EQ(skipped.out, first.out);  // the output made from the file
  EXPECT_EQ(ReadText(counts), before);

  std::vector<std::string> forced = args;
  forced.push_back("--force");
  const auto again = RunIeval(forced);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.err, Not(HasSubstr("not scored again")));
  EXPECT_EQ(ReadText(counts), before);

  // Cut short (no end line): scored again, and complete afterwards.
  WriteText(counts, before.substr(0, before.rfind("{\"end\"")));
  const auto cut = RunIeval(args);
  EXPECT_EQ(cut.exit_code, 0) << cut.err;
  EXPECT_THAT(cut.err, HasSubstr("the file was cut short"));
  EXPECT_THAT(cut.err, HasSubstr("scoring the shard again"));
  EXPECT_EQ(ReadText(counts), before);

  // Of other options: scored again with these.
  const auto other =
      RunIeval({"score", "--gold", kGold, "--pred", kPred, "--shard", "1/2",
                "--counts-out", counts, "--min-overlap", "0.5"});
  EXPECT_EQ(other.exit_code, 0) << other.err;
  EXPECT_THAT(other.err, HasSubstr("holds other counts: the options differ"));
  EXPECT_NE(ReadText(counts), before);
}

TEST_F(ShardMerge, BadShardValuesAreRefused) {
  for (const auto& [value, message] :
       std::vector<std::pair<std::string, std::string>>{
           {"0/4", "I is 1-based and at most N: give 1/4"},
           {"5/4", "I is 1-based and at most N"},
           {"1/0", "N must be between 1 and"},
           {"2", "expected I/N"},
           {"a/b", "expected I/N"}}) {
    const auto extract =
        RunIeval({"extract", "--extractor", "rules", "--gold", kGold, "--shard",
                  value, "--out", Path("p.jsonl")});
    EXPECT_EQ(extract.exit_code, 2) << value;
    EXPECT_THAT(extract.err, HasSubstr(message)) << value;
    const auto r =
        RunIeval({"score", "--gold", kGold, "--pred", kPred, "--shard", value,
                  "--counts-out", Path("c.jsonl")});
    EXPECT_EQ(r.exit_code, 2) << value;
    EXPECT_THAT(r.err, HasSubstr(message)) << value;
    EXPECT_FALSE(fs::exists(Path("c.jsonl"))) << value;
  }
}

}  // namespace
}  // namespace ieval
