// `ieval score --gold DIR --pred PATH` through the real binary: a gold
// scored against itself, a prediction file with one error of each kind,
// offsets in other units, options, and the exit-2 cases.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

using ::ieval::testing::CommandResult;
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::RunIeval;
using ::ieval::testing::WriteText;
using nlohmann::json;

// "Kim Jong Un dirige la Corée du Nord. Kim a rencontré Poutine le 11
// novembre avec 11 000 soldats." (U+00A0 in "11 000").
const char kText[] =
    "Kim Jong Un dirige la Cor\xC3\xA9"
    "e du Nord. Kim a rencontr\xC3\xA9 Poutine le 11 novembre avec "
    "11\xC2\xA0"
    "000 soldats.";

const char kLabels[] =
    R"({"entity_types": ["PER", "ORG", "LOC", "DATE", "QUANTITY"],
  "relation_types": {
    "leader_of": {"allowed": [{"head": ["PER"], "tail": ["LOC", "ORG"]}]},
    "allied_with": {"symmetric": true,
                    "allowed": [{"head": ["LOC", "PER"], "tail": ["LOC", "PER"]}]}}})";

std::string GoldDoc() {
  return std::string(R"({"doc_id": "d1", "text": ")") + kText + R"(",
 "entities": [
  {"id": "T1", "start": 0, "end": 11, "type": "PER", "entity": "kim"},
  {"id": "T2", "start": 22, "end": 35, "type": "LOC", "entity": "nk"},
  {"id": "T3", "start": 37, "end": 40, "type": "PER", "entity": "kim"},
  {"id": "T4", "start": 53, "end": 60, "type": "PER", "entity": "putin"},
  {"id": "T5", "start": 64, "end": 75, "type": "DATE", "value": "XXXX-11-11"},
  {"id": "T6", "start": 81, "end": 87, "type": "QUANTITY", "value": "11000"}],
 "relations": [{"type": "leader_of", "head": "T1", "tail": "T2"},
               {"type": "allied_with", "head": "T3", "tail": "T4"}]})";
}

std::string SecondGoldDoc() {
  return R"({"doc_id": "d2", "text": "Moscou et Pyongyang.",
 "entities": [
  {"id": "T1", "start": 0, "end": 6, "type": "LOC", "entity": "moscow"},
  {"id": "T2", "start": 10, "end": 19, "type": "LOC", "entity": "pyongyang"}],
 "relations": [{"type": "allied_with", "head": "T1", "tail": "T2"}]})";
}

// One error of each kind in d1 (code points): correct Kim Jong Un, Corée du
// Nord as ORG (wrong type), "Kim a" (wrong boundary), "Poutine le" as LOC
// (wrong type and boundary), the date missed, the quantity correct, and
// "soldats" spurious.
const char kKnownErrors[] =
    R"({"doc_id": "d1", "entities": [
  {"id": "P1", "start": 0, "end": 11, "type": "PER"},
  {"id": "P2", "start": 22, "end": 35, "type": "ORG"},
  {"id": "P3", "start": 37, "end": 42, "type": "PER"},
  {"id": "P4", "start": 53, "end": 63, "type": "LOC"},
  {"id": "P5", "start": 81, "end": 87, "type": "QUANTITY", "value": "11000.0"},
  {"id": "P6", "start": 88, "end": 95, "type": "PER"}]})";

class ScoreCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    WriteText(dir_ + "/gold/labels.json", kLabels);
    WriteText(dir_ + "/gold/docs/d1.json", GoldDoc());
    WriteText(dir_ + "/gold/docs/d2.json", SecondGoldDoc());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CommandResult Score(const std::string& pred_content,
                      std::vector<std::string> extra = {}) {
    WriteText(dir_ + "/pred.json", pred_content);
    std::vector<std::string> args = {
        "score", "--gold", dir_ + "/gold/docs", "--pred", dir_ + "/pred.json",
        "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunIeval(args);
  }
  static json Parse(const CommandResult& r) {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  std::string dir_;
};

TEST_F(ScoreCli, GoldAgainstItselfScoresOneEverywhere) {
  const json j = Parse(RunIeval({"score", "--gold", dir_ + "/gold/docs",
                                 "--pred", dir_ + "/gold/docs", "--json"}));
  for (const char* mode : {"strict", "exact", "partial", "type"})
    EXPECT_EQ(j["entities"][mode]["overall"]["f1"], 1.0) << mode;
  for (const char* scheme : {"strict", "exact", "partial", "ent_type"})
    EXPECT_EQ(j["entities"]["semeval"][scheme]["overall"]["f1"], 1.0);
  EXPECT_EQ(j["relations"]["strict"]["overall"]["f1"], 1.0);
  EXPECT_EQ(j["relations"]["boundaries"]["overall"]["f1"], 1.0);
  EXPECT_EQ(j["values"]["DATE"]["accuracy"], 1.0);
  EXPECT_EQ(j["values"]["QUANTITY"]["accuracy"], 1.0);
  for (const char* metric : {"muc", "b3", "ceafe", "ceafm", "blanc"})
    EXPECT_EQ(j["clusters"][metric]["f1"], 1.0) << metric;
  EXPECT_EQ(j["clusters"]["conll_f1"], 1.0);
}

TEST_F(ScoreCli, KnownErrorsGiveTheExpectedCategories) {
  const json j = Parse(Score(kKnownErrors));
  const json& counts = j["errors"]["counts"];
  EXPECT_EQ(counts["correct"], 2);
  EXPECT_EQ(counts["wrong_type"], 1);
  EXPECT_EQ(counts["wrong_boundary"], 1);
  EXPECT_EQ(counts["wrong_type_and_boundary"], 1);
  EXPECT_EQ(counts["missed"], 3);  // the date, and d2's two places
  EXPECT_EQ(counts["spurious"], 1);
  const json& example = j["errors"]["examples"]["wrong_type_and_boundary"][0];
  EXPECT_EQ(example["doc_id"], "d1");
  EXPECT_EQ(example["gold"]["text"], "Poutine");
  EXPECT_EQ(example["gold"]["type"], "PER");
  EXPECT_EQ(example["pred"]["text"], "Poutine le");
  EXPECT_EQ(example["pred"]["type"], "LOC");
  EXPECT_EQ(j["errors"]["confusion"]["LOC"]["ORG"], 1);
  EXPECT_EQ(j["errors"]["confusion"]["none"]["PER"], 1);
  const json& strict = j["entities"]["strict"]["overall"];
  EXPECT_EQ(strict["tp"], 2);
  EXPECT_EQ(strict["fp"], 4);
  EXPECT_EQ(strict["fn"], 6);
  EXPECT_EQ(j["entities"]["partial"]["overall"]["tp"], 4);  // 3 + 2 halves
  EXPECT_EQ(j["values"]["QUANTITY"]["correct"], 1);
}

TEST_F(ScoreCli, DocumentsMissingFromThePredictionsWerePredictedNothing) {
  const json j = Parse(Score(kKnownErrors));
  ASSERT_EQ(j["documents"].size(), 2u);
  const json& d2 = j["documents"][1];
  EXPECT_EQ(d2["doc_id"], "d2");
  EXPECT_EQ(d2["entities"]["strict"]["fn"], 2);
  EXPECT_EQ(d2["relations"]["strict"]["fn"], 1);
}

TEST_F(ScoreCli, ByteAndUtf16OffsetsAreResolvedAgainstTheGoldText) {
  // "Corée du Nord" is [22, 35) in code points, [22, 36) in UTF-8 bytes.
  const json bytes = Parse(Score(
      R"({"doc_id": "d1", "offset_unit": "byte", "entities": [
          {"start": 22, "end": 36, "type": "LOC"}]})"));
  EXPECT_EQ(bytes["entities"]["strict"]["overall"]["tp"], 1);
  const json utf16 = Parse(Score(
      R"({"doc_id": "d1", "offset_unit": "utf16", "entities": [
          {"start": 22, "end": 35, "type": "LOC"}]})"));
  EXPECT_EQ(utf16["entities"]["strict"]["overall"]["tp"], 1);
}

TEST_F(ScoreCli, APredictedDocumentNotInTheGoldIsBadInput) {
  const auto r = Score(R"({"doc_id": "d9", "entities": []})");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d9"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not in the gold"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ScoreCli, AnOffsetInsideACharacterIsBadInput) {
  const auto r = Score(R"({"doc_id": "d1", "offset_unit": "byte", "entities": [
      {"id": "P1", "start": 22, "end": 26, "type": "LOC"}]})");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d1: P1:"), std::string::npos) << r.err;
}

TEST_F(ScoreCli, InvalidGoldIsBadInput) {
  WriteText(dir_ + "/gold/docs/d3.json",
            R"({"doc_id": "d3", "text": "Paris", "entities": [
                {"id": "T1", "start": 0, "end": 9, "type": "LOC"}]})");
  const auto r = Score(kKnownErrors);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d3"), std::string::npos) << r.err;
}

TEST_F(ScoreCli, JobsDoNotChangeTheOutput) {
  const auto one = Score(kKnownErrors, {"--jobs", "1"});
  const auto four = Score(kKnownErrors, {"--jobs", "4"});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(ScoreCli, OutWritesTheFileInsteadOfStandardOutput) {
  const std::string out = dir_ + "/out/score.json";
  const auto r = Score(kKnownErrors, {"--out", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(std::filesystem::exists(out));
  const auto bad =
      Score(R"({"doc_id": "d9"})", {"--out", dir_ + "/out/none.json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/out/none.json"));
}

TEST_F(ScoreCli, MapRenamesPredictedTypes) {
  const json j = Parse(Score(kKnownErrors, {"--map", "ORG=LOC"}));
  EXPECT_EQ(j["errors"]["counts"]["wrong_type"], 0);
  EXPECT_EQ(j["options"]["map"]["ORG"], "LOC");
}

TEST_F(ScoreCli, TypesKeepOnlyTheNamedTypes) {
  const json j = Parse(Score(kKnownErrors, {"--types", "QUANTITY,DATE"}));
  EXPECT_EQ(j["entities"]["strict"]["overall"]["tp"], 1);
  EXPECT_EQ(j["entities"]["strict"]["overall"]["fn"], 1);
  EXPECT_EQ(j["entities"]["strict"]["per_type"].size(), 2u);
}

TEST_F(ScoreCli, AnUnknownTypeIsBadUsage) {
  const auto r = Score(kKnownErrors, {"--types", "PERSON"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("PERSON"), std::string::npos) << r.err;
}

TEST_F(ScoreCli, AMalformedMapIsBadUsage) {
  const auto r = Score(kKnownErrors, {"--map", "ORG"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--map"), std::string::npos) << r.err;
}

TEST_F(ScoreCli, MinOverlapRejectsSmallOverlaps) {
  // "Kim a" covers all of "Kim": kept; "Poutine le" covers all of "Poutine".
  // A prediction of "Jong" covers 4 of the 11 code points of "Kim Jong Un".
  const char kPred[] = R"({"doc_id": "d1", "entities": [
      {"start": 4, "end": 8, "type": "PER"}]})";
  EXPECT_EQ(Parse(Score(kPred))["entities"]["type"]["overall"]["tp"], 1);
  EXPECT_EQ(Parse(Score(kPred, {"--min-overlap",
                                "0.5"}))["entities"]["type"]["overall"]["tp"],
            0);
}

TEST_F(ScoreCli, TheTableNamesEveryModeAndMetric) {
  WriteText(dir_ + "/pred.json", kKnownErrors);
  const auto r = RunIeval(
      {"score", "--gold", dir_ + "/gold/docs", "--pred", dir_ + "/pred.json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* word : {"strict", "exact", "partial", "type", "ent_type",
                           "macro", "weighted", "Relations", "Values", "MUC",
                           "CEAFe", "CoNLL F1", "wrong_boundary", "Poutine le"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST_F(ScoreCli, UnitCountsGiveEachSentenceAndMentionPieceItsCounts) {
  const json j =
      Parse(Score(kKnownErrors, {"--unit-counts", "sentence,mention"}));
  const json& units = j["units"];
  // d1 has two sentences; d1's and d2's pieces start at 0 and every gold
  // mention start.
  ASSERT_TRUE(units.contains("sentences"));
  ASSERT_TRUE(units.contains("mentions"));
  EXPECT_EQ(units["sentences"][0]["doc_id"], "d1");
  EXPECT_EQ(units["sentences"][1]["start"], 37);  // "Kim a rencontré…"
  for (const char* kind : {"sentences", "mentions"}) {
    double tp = 0, fp = 0, fn = 0;
    for (const json& u : units[kind]) {
      const json strict = u["entities"].value("strict", json::object());
      tp += strict.value("tp", 0.0);
      fp += strict.value("fp", 0.0);
      fn += strict.value("fn", 0.0);
    }
    // Strict counts of the units add up to the corpus's.
    EXPECT_EQ(tp, 2) << kind;
    EXPECT_EQ(fp, 4) << kind;
    EXPECT_EQ(fn, 6) << kind;
  }
}

TEST_F(ScoreCli, UnitCountsWithoutJsonIsBadUsage) {
  WriteText(dir_ + "/pred.json", kKnownErrors);
  const auto r = RunIeval({"score", "--gold", dir_ + "/gold/docs", "--pred",
                           dir_ + "/pred.json", "--unit-counts", "sentence"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--unit-counts writes into the JSON"), std::string::npos)
      << r.err;
}

TEST_F(ScoreCli, JsonKeepsTheInterfaceFloor) {
  const json j = Parse(Score(kKnownErrors));
  for (const char* mode : {"strict", "exact", "partial", "type"}) {
    for (const char* key : {"overall", "per_type", "macro"})
      EXPECT_TRUE(j["entities"][mode].contains(key)) << mode << key;
  }
  for (const char* field :
       {"correct", "incorrect", "partial", "missed", "spurious", "possible",
        "actual", "precision", "recall", "f1"})
    EXPECT_TRUE(
        j["entities"]["semeval"]["ent_type"]["overall"].contains(field));
  EXPECT_TRUE(j["relations"].contains("boundaries"));
  for (const char* key : {"matched", "correct", "accuracy"})
    EXPECT_TRUE(j["values"]["DATE"].contains(key));
  for (const char* key : {"muc", "b3", "ceafe", "conll_f1"})
    EXPECT_TRUE(j["clusters"].contains(key));
  EXPECT_TRUE(j["documents"][0]["entities"]["strict"].contains("tp"));
}

}  // namespace
}  // namespace ieval
