// `ieval validate` through the real binary: one test per kind of problem,
// each checking the exit code and that the message names the file, the
// document and the annotation.
#include <gtest/gtest.h>

#include <filesystem>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::RunIeval;
using ::ieval::testing::WriteText;

const char kLabels[] = R"({"entity_types": ["PER", "ORG", "LOC", "DATE"],
  "relation_types": {
    "leader_of": {"allowed": [{"head": ["PER"], "tail": ["LOC", "ORG"]}]},
    "allied_with": {"symmetric": true,
                    "allowed": [{"head": ["LOC", "PER"], "tail": ["LOC", "PER"]}]}}})";

// "« Kim » dirige la Corée du Nord." (NBSP inside the guillemets)
const char kText[] =
    "\xC2\xAB\xC2\xA0Kim\xC2\xA0\xC2\xBB dirige la Cor\xC3\xA9"
    "e du Nord.";

std::string Entity(const std::string& id, int start, int end,
                   const std::string& type, const std::string& text) {
  return R"({"id": ")" + id + R"(", "start": )" + std::to_string(start) +
         R"(, "end": )" + std::to_string(end) + R"(, "type": ")" + type +
         R"(", "text": ")" + text + R"("})";
}

std::string Document(const std::string& doc_id, const std::string& entities,
                     const std::string& relations = "") {
  return "{\"doc_id\": \"" + doc_id + "\",\n \"text\": \"" + kText +
         "\",\n \"entities\": [\n  " + entities + "\n ],\n \"relations\": [" +
         relations + "]}\n";
}

const std::string kKim = Entity("T1", 2, 5, "PER", "Kim");
const std::string kCorea = Entity("T2", 18, 31, "LOC",
                                  "Cor\xC3\xA9"
                                  "e du Nord");

class ValidateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    WriteText(dir_ + "/labels.json", kLabels);
  }
  // Writes one gold file and validates the folder.
  ::ieval::testing::CommandResult Validate(const std::string& content) {
    WriteText(dir_ + "/docs/d1.json", content);
    return RunIeval({"validate", dir_ + "/docs"});
  }
  void ExpectProblem(const ::ieval::testing::CommandResult& r,
                     const std::string& annotation, const std::string& what) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(dir_ + "/docs/d1.json:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(": d1: " + annotation + ": "), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
  }
  std::string dir_;
};

TEST_F(ValidateCli, AcceptsACorrectFile) {
  auto r = Validate(
      Document("d1", kKim + ",\n  " + kCorea,
               R"({"type": "leader_of", "head": "T1", "tail": "T2"})"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "validated 1 documents, 2 mentions, 1 relations: 0 errors\n");
}

TEST_F(ValidateCli, InvalidJsonNamesLineAndColumn) {
  auto r = Validate("{\"doc_id\": \"d1\",\n \"text\": }");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d1.json:2: invalid JSON at column"), std::string::npos)
      << r.err;
}

TEST_F(ValidateCli, InvalidUtf8NamesTheByte) {
  auto r = Validate("{\"doc_id\": \"d1\", \"text\": \"a\xE9t\xE9\"}");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("invalid UTF-8 at byte 27"), std::string::npos) << r.err;
}

TEST_F(ValidateCli, MissingDocId) {
  auto r = Validate(R"({"text": "abc", "entities": []})");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing or empty \"doc_id\""), std::string::npos);
}

TEST_F(ValidateCli, DuplicateDocId) {
  WriteText(dir_ + "/docs/d0.json", Document("d1", kKim));
  auto r = Validate(Document("d1", kKim));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("d1.json:1: d1: duplicate doc_id (first seen at"),
            std::string::npos)
      << r.err;
}

TEST_F(ValidateCli, DuplicateMentionId) {
  auto r = Validate(Document("d1", kKim + ",\n  " +
                                       Entity("T1", 18, 31, "LOC",
                                              "Cor\xC3\xA9"
                                              "e du Nord")));
  ExpectProblem(r, "T1", "duplicate mention id \"T1\"");
}

TEST_F(ValidateCli, StartNotBeforeEnd) {
  ExpectProblem(Validate(Document("d1", Entity("T1", 5, 5, "PER", ""))), "T1",
                "start 5 >= end 5");
}

TEST_F(ValidateCli, SpanOutsideTheText) {
  ExpectProblem(Validate(Document("d1", Entity("T1", 30, 40, "LOC", "x"))),
                "T1", "lies outside the text (32 codepoints)");
}

TEST_F(ValidateCli, ByteOffsetInsideACharacter) {
  std::string doc = Document("d1", Entity("T1", 1, 7, "PER", "Kim"));
  doc.insert(1, "\"offset_unit\": \"byte\", ");
  ExpectProblem(Validate(doc), "T1",
                "start 1 is not on a character boundary (offset_unit byte)");
}

TEST_F(ValidateCli, Utf16OffsetsAreConverted) {
  std::string doc = Document("d1", kKim);
  doc.insert(1, "\"offset_unit\": \"utf16\", ");
  EXPECT_EQ(Validate(doc).exit_code, 0);
}

TEST_F(ValidateCli, TextDiffersFromTheSpan) {
  ExpectProblem(Validate(Document("d1", Entity("T1", 2, 5, "PER", "Kin"))),
                "T1", "text \"Kin\" differs from the span [2, 5)");
}

TEST_F(ValidateCli, UnknownEntityType) {
  ExpectProblem(Validate(Document("d1", Entity("T1", 2, 5, "MISC", "Kim"))),
                "T1", "unknown entity type \"MISC\"");
}

TEST_F(ValidateCli, UnknownRelationType) {
  auto r =
      Validate(Document("d1", kKim + ",\n  " + kCorea,
                        R"({"type": "rules", "head": "T1", "tail": "T2"})"));
  ExpectProblem(r, "relation 1 (rules T1 -> T2)",
                "unknown relation type \"rules\"");
}

TEST_F(ValidateCli, RelationToAMissingMention) {
  auto r = Validate(Document(
      "d1", kKim, R"({"type": "leader_of", "head": "T1", "tail": "T9"})"));
  ExpectProblem(r, "relation 1 (leader_of T1 -> T9)",
                "tail \"T9\" is no mention of this document");
}

TEST_F(ValidateCli, RelationArgumentTypesNotAllowed) {
  auto r = Validate(
      Document("d1", kKim + ",\n  " + kCorea,
               R"({"type": "leader_of", "head": "T2", "tail": "T1"})"));
  ExpectProblem(r, "relation 1 (leader_of T2 -> T1)", "cannot link LOC -> PER");
}

TEST_F(ValidateCli, SymmetricRelationAcceptsEitherDirection) {
  auto r = Validate(
      Document("d1", kKim + ",\n  " + kCorea,
               R"({"type": "allied_with", "head": "T2", "tail": "T1"})"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ValidateCli, OverlappingGoldSpans) {
  auto r = Validate(
      Document("d1", kCorea + ",\n  " + Entity("T3", 28, 31, "LOC", "Nord")));
  ExpectProblem(r, "T3",
                "overlaps T2 [18, 31) (gold spans must be flat; for "
                "nested gold give --allow-nested");
}

TEST_F(ValidateCli, GoldSpanWithNonBreakingSpaceAtItsEdge) {
  ExpectProblem(
      Validate(Document("d1", Entity("T1", 1, 5, "PER", "\xC2\xA0Kim"))), "T1",
      "starts or ends with white space");
}

TEST_F(ValidateCli, ReportsEveryProblemAndTheLineOfEachMention) {
  auto r = Validate(Document("d1", Entity("T1", 2, 5, "XX", "Kim") + ",\n  " +
                                       Entity("T2", 18, 31, "YY",
                                              "Cor\xC3\xA9"
                                              "e du Nord")));
  EXPECT_NE(r.err.find("d1.json:4: d1: T1: unknown entity type"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("d1.json:5: d1: T2: unknown entity type"),
            std::string::npos);
  EXPECT_NE(r.out.find(": 2 errors"), std::string::npos);
}

TEST_F(ValidateCli, PredictionNotInTheGold) {
  Validate(Document("d1", kKim));
  WriteText(
      dir_ + "/pred.jsonl",
      R"({"doc_id": "d2", "entities": []})"
      "\n"
      R"({"doc_id": "d1", "entities": [{"id": "P1", "start": 2, "end": 5, "type": "PER"}, {"id": "P2", "start": 3, "end": 5, "type": "PER"}]})"
      "\n");
  auto r =
      RunIeval({"validate", "--gold", dir_ + "/docs", dir_ + "/pred.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pred.jsonl:1: d2: doc_id is not in the gold"),
            std::string::npos)
      << r.err;
  // Overlapping predictions are fine: only the missing document is reported.
  EXPECT_NE(r.out.find(": 1 error\n"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, MissingPathIsBadInput) {
  auto r = RunIeval({"validate", dir_ + "/nothing-here"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no such file or folder"), std::string::npos);
}

TEST(IevalCli, VersionHelpAndUsageErrors) {
  auto version = RunIeval({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("ieval ", 0), 0u);
  EXPECT_EQ(RunIeval({"--help"}).exit_code, 0);
  EXPECT_EQ(RunIeval({}).exit_code, 2);
  EXPECT_EQ(RunIeval({"no-such-command"}).exit_code, 2);
  EXPECT_EQ(RunIeval({"validate"}).exit_code, 2);  // PATH is required
}

}  // namespace
}  // namespace ieval
