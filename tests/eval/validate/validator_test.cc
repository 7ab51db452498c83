// CheckDocument (eval/validate/include/ieval/validate/validator.h): how
// duplicate mention ids and the mentions relations name are found.
#include "ieval/validate/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

std::vector<std::string> Check(const AnnotatedDocument& doc,
                               const ValidateOptions& options) {
  std::vector<Status> problems;
  CheckDocument(doc, doc.document.text, options, &problems);
  std::vector<std::string> out;
  for (const Status& s : problems) out.push_back(s.ToString());
  return out;
}

TEST(CheckDocument, ADuplicateIdIsReportedAtEveryLaterMention) {
  AnnotatedDocument doc;
  doc.document = {"d", "Kim et Moscou et Paris"};
  doc.source_file = "f.jsonl";
  doc.source_line = 4;
  doc.annotations.mentions = {
      MakeMention("T2", 0, 3, "PER"), MakeMention("T1", 7, 13, "LOC"),
      MakeMention("T2", 17, 22, "LOC"), MakeMention("T1", 14, 16, "LOC")};
  ValidateOptions options;
  options.gold = false;
  const std::vector<std::string> problems = Check(doc, options);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("T2"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("duplicate mention id \"T2\""), std::string::npos);
  EXPECT_NE(problems[1].find("duplicate mention id \"T1\""), std::string::npos);
}

TEST(CheckDocument, ARelationNamesTheFirstMentionOfAnId) {
  LabelSet labels;
  labels.entity_types = {"PER", "LOC"};
  RelationTypeSpec leader;
  leader.name = "leader_of";
  leader.allowed = {{"PER", "LOC"}};
  labels.relation_types = {leader};
  AnnotatedDocument doc;
  doc.document = {"d", "Kim et Moscou"};
  doc.annotations.mentions = {MakeMention("A", 0, 3, "PER"),
                              MakeMention("B", 7, 13, "LOC"),
                              MakeMention("A", 7, 13, "LOC")};
  doc.annotations.relations = {{"leader_of", "A", "B"},
                               {"leader_of", "B", "Z"}};
  ValidateOptions options;
  options.labels = &labels;
  options.gold = false;
  const std::vector<std::string> problems = Check(doc, options);
  // The duplicate A, and Z; not "cannot link LOC -> LOC" (A is the PER).
  ASSERT_EQ(problems.size(), 2u) << problems.back();
  EXPECT_NE(problems[0].find("duplicate mention id \"A\""), std::string::npos);
  EXPECT_NE(problems[1].find("relation 2 (leader_of B -> Z)"),
            std::string::npos)
      << problems[1];
  EXPECT_NE(problems[1].find("tail \"Z\" is no mention"), std::string::npos);
}

}  // namespace
}  // namespace ieval
