// Through the real binary: nested gold (refused by default, allowed with
// --allow-nested or "nested": true in labels.json, scored one-to-one), the
// warnings that keep a table of zeros from passing silently, offsets that
// would match in another unit, and problems kept to one line each.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

using ::ieval::testing::CommandResult;
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::RunIeval;
using ::ieval::testing::WriteText;
using nlohmann::json;

// "[le roi de [France]]" nests a LOC in a PER; « » and U+00A0 around it.
const char kNestedGold[] =
    "{\"doc_id\": \"d1\", \"text\": \"\xC2\xAB\xC2\xA0le roi de France\xC2\xA0"
    "\xC2\xBB et Paris.\", \"entities\": ["
    "{\"id\": \"T1\", \"start\": 2, \"end\": 18, \"type\": \"PER\"},"
    "{\"id\": \"T2\", \"start\": 12, \"end\": 18, \"type\": \"LOC\"},"
    "{\"id\": \"T3\", \"start\": 24, \"end\": 29, \"type\": \"LOC\"}]}\n";

class NestedCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    WriteText(dir_ + "/gold/gold.jsonl", kNestedGold);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  CommandResult Score(const std::string& pred,
                      std::vector<std::string> extra = {}) {
    WriteText(dir_ + "/pred.jsonl", pred);
    std::vector<std::string> args = {"score",
                                     "--gold",
                                     dir_ + "/gold/gold.jsonl",
                                     "--pred",
                                     dir_ + "/pred.jsonl",
                                     "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunIeval(args);
  }
  std::string dir_;
};

TEST_F(NestedCli, NestedGoldIsRefusedUnlessAllowed) {
  const CommandResult v = RunIeval({"validate", dir_ + "/gold/gold.jsonl"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("T2: span [12, 18) overlaps T1 [2, 18) (gold spans "
                       "must be flat; for nested gold give --allow-nested"),
            std::string::npos)
      << v.err;
  const CommandResult allowed =
      RunIeval({"validate", dir_ + "/gold/gold.jsonl", "--allow-nested"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(Score(kNestedGold).exit_code, 2);
}

TEST_F(NestedCli, LabelsSayingNestedAllowIt) {
  WriteText(dir_ + "/gold/labels.json",
            R"({"entity_types": ["PER", "LOC"], "nested": true})");
  const CommandResult v = RunIeval({"validate", dir_ + "/gold/gold.jsonl"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  const CommandResult s = Score(kNestedGold);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const json strict = json::parse(s.out)["entities"]["strict"]["overall"];
  EXPECT_EQ(strict["tp"], 3);
  EXPECT_EQ(strict["f1"], 1.0);
}

// One prediction over both nested mentions pairs with one of them (the
// same type first): one-to-one, so the inner LOC is missed, not counted
// twice.
TEST_F(NestedCli, APredictionOverTwoNestedMentionsCountsOnce) {
  const CommandResult s = Score(
      R"({"doc_id": "d1", "entities": [{"start": 2, "end": 18, "type": "PER"},)"
      R"( {"start": 24, "end": 29, "type": "LOC"}]})"
      "\n",
      {"--allow-nested"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const json e = json::parse(s.out)["entities"];
  EXPECT_EQ(e["strict"]["overall"]["tp"], 2);
  EXPECT_EQ(e["strict"]["overall"]["fn"], 1);
  EXPECT_EQ(e["partial"]["overall"]["tp"], 2);
  EXPECT_EQ(e["semeval"]["partial"]["overall"]["missed"], 1);
  EXPECT_EQ(e["semeval"]["partial"]["overall"]["partial"], 0);
}

TEST_F(NestedCli, PredictionsWithoutMentionsWarnBeforeTheScores) {
  const CommandResult s = Score(R"({"doc_id": "d1", "entities": []})"
                                "\n",
                                {"--allow-nested"});
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.err.find("warning: the predictions " + dir_ +
                       "/pred.jsonl have no mention at all: every score "
                       "below is 0"),
            std::string::npos)
      << s.err;
}

TEST_F(NestedCli, TypesOutsideTheLabelSetAreSummedUpOnce) {
  WriteText(dir_ + "/gold/labels.json",
            R"({"entity_types": ["PER", "LOC"], "nested": true})");
  std::string pred = R"({"doc_id": "d1", "entities": [)"
                     R"({"start": 24, "end": 29, "type": "LOC"})";
  for (int i = 0; i < 5; ++i)
    pred += R"(, {"start": 12, "end": 18, "type": "GPE"})";
  pred += R"(, {"start": 2, "end": 18, "type": "PERSON"}]})"
          "\n";
  const CommandResult s = Score(pred);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.err.find("predicted types outside the label set (scored as "
                       "false positives): GPE x5, PERSON x1: try --map "
                       "GPE=LOC,PERSON=PER"),
            std::string::npos)
      << s.err;
  EXPECT_EQ(std::count(s.err.begin(), s.err.end(), '\n'), 1) << s.err;
}

// validate shows each unknown type once, then one line of counts and --map.
TEST_F(NestedCli, ValidateSumsUpUnknownTypesOnce) {
  WriteText(dir_ + "/gold/labels.json",
            R"({"entity_types": ["PER", "LOC"], "nested": true})");
  std::string pred = R"({"doc_id": "d1", "entities": [)";
  for (int i = 0; i < 4; ++i)
    pred += std::string(i ? ", " : "") +
            R"({"start": 12, "end": 18, "type": "GPE"})";
  pred += "]}\n";
  WriteText(dir_ + "/pred.jsonl", pred);
  const CommandResult v = RunIeval(
      {"validate", "--gold", dir_ + "/gold/gold.jsonl", dir_ + "/pred.jsonl"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("entity types outside the label set (each shown once "
                       "above): GPE x4: try --map GPE=LOC"),
            std::string::npos)
      << v.err;
  EXPECT_EQ(std::count(v.err.begin(), v.err.end(), '\n'), 2) << v.err;
  EXPECT_NE(v.out.find(": 4 errors"), std::string::npos) << v.out;
}

// The offsets count UTF-16 units (the emoji is two) but the document says
// code points: the message says which unit they match and how to say so.
TEST(OffsetHintCli, OffsetsThatMatchInAnotherUnitAreNamed) {
  const std::string dir = MakeTempDir("OffsetsThatMatchInAnotherUnitAreNamed");
  WriteText(dir + "/gold.jsonl",
            "{\"doc_id\": \"d1\", \"text\": \"\xF0\x9F\x98\x80 \xC2\xAB Paris "
            "\xC2\xBB\", \"entities\": [{\"id\": \"T1\", \"start\": 5, "
            "\"end\": 10, \"type\": \"LOC\", \"text\": \"Paris\"}]}\n");
  const CommandResult v = RunIeval({"validate", dir + "/gold.jsonl"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("the offsets match it counted in UTF-16 units: give "
                       "the document \"offset_unit\": \"utf16\""),
            std::string::npos)
      << v.err;
  std::filesystem::remove_all(dir);
}

// A line break inside a quoted text is written \n: one problem, one line.
TEST(OneLineCli, LineBreaksInsideAMessageAreEscaped) {
  const std::string dir = MakeTempDir("LineBreaksInsideAMessageAreEscaped");
  WriteText(dir + "/gold.jsonl",
            R"({"doc_id": "d1", "text": "Kim\nest ici.", "entities": [)"
            R"({"id": "T1", "start": 0, "end": 7, "type": "PER",)"
            R"( "text": "Kim\nes"}]})"
            "\n");
  const CommandResult v =
      RunIeval({"validate", dir + "/gold.jsonl", "--no-labels"});
  EXPECT_EQ(v.exit_code, 2);
  EXPECT_NE(v.err.find("which reads \"Kim\\nest\""), std::string::npos)
      << v.err;
  EXPECT_EQ(std::count(v.err.begin(), v.err.end(), '\n'), 1) << v.err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ieval
