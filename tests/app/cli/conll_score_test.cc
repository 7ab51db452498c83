// `ieval score --conll` and `ieval conlleval` through the real binary: the
// report header, output files, and exit code 2 with a message naming the
// file and line for bad input. (Scores themselves: reference_cases_test.cc.)
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using ::ieval::testing::CommandResult;
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::RunIeval;
using ::ieval::testing::WriteText;

const char kConll[] =
    "Kim B-PER B-PER\nJong-un I-PER O\n\nMoscou B-LOC I-LOC\n";

class ConllCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = dir_ + "/test.conll";
    WriteText(path_, kConll);
  }
  std::string dir_, path_;
};

TEST_F(ConllCli, TableStatesModeSchemeAndRepairPolicy) {
  const CommandResult c = RunIeval({"score", "--conll", path_});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("mode:    conlleval"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("scheme:  IOB1/IOB2 mixed"), std::string::npos);
  EXPECT_NE(c.out.find("repair:  I- after O starts a chunk"),
            std::string::npos);

  const CommandResult s = RunIeval(
      {"score", "--conll", path_, "--mode", "strict", "--scheme", "IOB2"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("scheme:  IOB2\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("repair:  none: sequences invalid in IOB2 are dropped"),
            std::string::npos);
}

TEST_F(ConllCli, TableListsTypesAndAverages) {
  const CommandResult r = RunIeval(
      {"score", "--conll", path_, "--mode", "strict", "--scheme", "IOB2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // I-LOC after O is no entity in strict IOB2: LOC has 1 gold, 0 predicted.
  EXPECT_NE(r.out.find("LOC    "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("weighted avg"), std::string::npos);
  EXPECT_NE(r.out.find("chunks:  2 gold, 1 predicted, 0 correct"),
            std::string::npos)
      << r.out;
}

TEST_F(ConllCli, JsonHasSeqevalsBlocks) {
  const CommandResult r = RunIeval({"score", "--conll", path_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  for (const char* key : {"per_type", "micro", "macro", "weighted"})
    EXPECT_TRUE(json.contains(key)) << key;
  EXPECT_EQ(json["mode"], "conlleval");
  EXPECT_EQ(json["per_type"]["LOC"]["precision"], 1.0);
  EXPECT_EQ(json["micro"]["support"], 2);
}

// Type names that are not UTF-8 are escaped byte by byte, so 0xB0 and
// 0xB1 stay two keys, apart from a real U+FFFD and from a literal "\xB0".
TEST_F(ConllCli, JsonKeepsUndecodableTypeNamesApart) {
  WriteText(path_,
            "a B-\xB0 B-\xB0\nb B-\xB1 O\nc B-\xEF\xBF\xBD O\n"
            "d B-\\xB0 O\n");
  const CommandResult r = RunIeval({"score", "--conll", path_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto per_type = nlohmann::json::parse(r.out)["per_type"];
  EXPECT_EQ(per_type.size(), 4u) << per_type.dump();
  EXPECT_EQ(per_type["\\xB0"]["correct"], 1);
  EXPECT_EQ(per_type["\\xB1"]["support"], 1);
  EXPECT_EQ(per_type["\xEF\xBF\xBD"]["support"], 1);
  EXPECT_EQ(per_type["\\\\xB0"]["support"], 1);
}

TEST_F(ConllCli, ReadsStandardInput) {
  const CommandResult r = RunIeval({"score", "--conll", "-", "--json"}, kConll);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["tokens"], 3);
}

TEST_F(ConllCli, OutWritesTheFileAndNothingToStdout) {
  const std::string out = dir_ + "/sub/score.json";
  const CommandResult r =
      RunIeval({"score", "--conll", path_, "--json", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  ASSERT_TRUE(fs::exists(out));
  EXPECT_EQ(fs::directory_iterator(dir_ + "/sub")->path().filename(),
            "score.json");  // no temporary file left beside it
}

TEST_F(ConllCli, BadInputLeavesNoOutputFile) {
  WriteText(path_, "Kim B-PER B-PER\nJong-un  I-PER I-PER\n");
  const std::string out = dir_ + "/score.json";
  const CommandResult r =
      RunIeval({"score", "--conll", path_, "--json", "--out", out});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_NE(r.err.find(path_ + ":2: unexpected number of features: 4 (3)"),
            std::string::npos)
      << r.err;
}

TEST_F(ConllCli, InconsistentColumnCountNamesFileAndLine) {
  WriteText(path_, "Kim B-PER B-PER\n\nJong-un  I-PER I-PER\n");
  const CommandResult r = RunIeval({"score", "--conll", path_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path_ + ":3: unexpected number of features: 4 (3)"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(ConllCli, WindowsLineEndingsAreNamedInTheColumnCountMessage) {
  WriteText(path_, "Kim B-PER B-PER\r\n\r\nMoscou B-LOC B-LOC\r\n");
  const CommandResult r = RunIeval({"score", "--conll", path_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path_ + ":2: unexpected number of features: 1 (3)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("the line ends in \\r (Windows line endings)"),
            std::string::npos)
      << r.err;
}

// Without a blank line nothing changes the column count: the '\r' stays in
// every last tag and makes types of its own, which a note names.
TEST_F(ConllCli, WindowsLineEndingsWithoutBlankLinesAreNoted) {
  WriteText(path_, "Kim B-PER B-PER\r\nMoscou B-LOC B-LOC\r\n");
  for (const char* mode : {"conlleval", "seqeval"}) {
    SCOPED_TRACE(mode);
    const CommandResult r =
        RunIeval({"score", "--conll", path_, "--mode", mode});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("note: 2 types end in \\r (\"LOC\\r\", \"PER\\r\"): "
                         "the file has Windows line endings"),
              std::string::npos)
        << r.out;
  }
  WriteText(path_, "Kim B-PER B-PER\nMoscou B-LOC B-LOC\n");
  const CommandResult lf = RunIeval({"score", "--conll", path_});
  EXPECT_EQ(lf.out.find("\\r"), std::string::npos) << lf.out;
}

TEST_F(ConllCli, AnEmptyDelimiterIsRefusedNotTakenAsTheDefault) {
  const CommandResult r = RunIeval({"score", "--conll", path_, "-d", ""});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("an empty delimiter splits nothing"), std::string::npos)
      << r.err;
}

TEST_F(ConllCli, UnreadableFileIsBadInput) {
  const CommandResult r =
      RunIeval({"score", "--conll", dir_ + "/missing.conll"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir_ + "/missing.conll"), std::string::npos) << r.err;
}

TEST_F(ConllCli, UnknownPrefixInStrictModeNamesFileLineAndTag) {
  WriteText(path_, "Kim B-PER B-PER\nJong-un X-PER I-PER\n");
  const CommandResult r = RunIeval(
      {"score", "--conll", path_, "--mode", "strict", "--scheme", "IOB2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path_ + ":2: IOB2: gold tag 'X-PER'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("KeyError: 'X'"), std::string::npos);
}

TEST_F(ConllCli, SchemeNeedsStrictMode) {
  EXPECT_EQ(RunIeval({"score", "--conll", path_, "--scheme", "IOB2"}).exit_code,
            2);
  EXPECT_EQ(RunIeval({"score", "--conll", path_, "--mode", "strict"}).exit_code,
            2);
}

TEST_F(ConllCli, TabDelimiter) {
  WriteText(path_, "New York\tB-LOC\tB-LOC\nvisit\tO\tO\n");
  const CommandResult r =
      RunIeval({"score", "--conll", path_, "-d", "\\t", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["per_type"]["LOC"]["correct"], 1);
}

TEST(ConllevalCli, UnsupportedDelimiterIsBadUsage) {
  const CommandResult r = RunIeval({"conlleval", "-d", "a|b"}, kConll);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'|'"), std::string::npos) << r.err;
}

TEST(ConllevalCli, OneColumnLineDiesLikePerl) {
  const CommandResult r = RunIeval({"conlleval"}, "Kim\n");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.err, "conlleval: unexpected number of features in line Kim\n");
  EXPECT_TRUE(r.out.empty());
}

// conlleval.pl: die "conlleval: unknown argument $ARGV[0]\n" for any other
// argument starting with '-', "unexpected command line argument" for the
// rest; Perl's die exits 255.
TEST(ConllevalCli, UnknownArgumentsDieLikePerl) {
  for (const char* arg : {"--", "-x", "--raw"}) {
    const CommandResult r = RunIeval({"conlleval", arg}, kConll);
    EXPECT_EQ(r.exit_code, 255) << arg;
    EXPECT_EQ(r.err, std::string("conlleval: unknown argument ") + arg + "\n");
    EXPECT_TRUE(r.out.empty()) << arg;
  }
  const CommandResult r = RunIeval({"conlleval", "file.conll"}, kConll);
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.err, "conlleval: unexpected command line argument\n");
  const CommandResult flags = RunIeval({"conlleval", "-r", "-o", "O"}, kConll);
  EXPECT_EQ(flags.exit_code, 0) << flags.err;
}

TEST(ConllevalCli, HelpDocumentsEveryFlag) {
  const CommandResult r = RunIeval({"conlleval", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* flag : {"-d", "-o", "-r", "-l"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

}  // namespace
}  // namespace ieval
