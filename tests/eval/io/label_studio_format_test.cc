#include "ieval/io/label_studio_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "foreign_format_testing.h"

namespace ieval {
namespace {

using testing::FindRepair;
using ::testing::HasSubstr;
using testing::ReadFormatFixture;

Result<Corpus> Read(const std::string& fixture, FormatReadOptions options = {},
                    std::vector<FormatRepair>* repairs = nullptr) {
  std::vector<FormatRepair> ignored;
  return ReadLabelStudio(ReadFormatFixture("label-studio/" + fixture), fixture,
                         options, repairs ? repairs : &ignored);
}

TEST(LabelStudioFormat, ReadsAnExportInCodePoints) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Read("export.json", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents.size(), 2u);
  const AnnotatedDocument& kim = corpus->documents[0];
  EXPECT_EQ(kim.document.doc_id, "41");  // the task id
  EXPECT_THAT(kim.document.text, HasSubstr("🚀"));
  ASSERT_EQ(kim.annotations.mentions.size(), 2u);
  const Mention& person = kim.annotations.mentions[0];
  EXPECT_EQ(person.id, "Xa81kQ2pLm");
  // "Le 🚀 de « " is 10 code points (11 UTF-16 units).
  EXPECT_EQ(person.start, 10);
  EXPECT_EQ(person.end, 21);
  EXPECT_EQ(person.type, "PER");
  EXPECT_EQ(person.text, "Kim Jong Un");
  ASSERT_EQ(kim.annotations.relations.size(), 1u);
  EXPECT_EQ(kim.annotations.relations[0],
            (Relation{"leader_of", "Xa81kQ2pLm", "Pq7RzT0nVb"}));
  const AnnotatedDocument& seoul = corpus->documents[1];
  ASSERT_EQ(seoul.annotations.mentions.size(), 3u);
  EXPECT_EQ(seoul.annotations.mentions[2].text, "Séoul");
  EXPECT_EQ(seoul.annotations.mentions[2].start, 45);  // CRLF counts two
  EXPECT_TRUE(repairs.empty());
}

TEST(LabelStudioFormat, IdFieldNamesAKeyOfData) {
  Result<Corpus> corpus = Read("export.json", testing::WithIdField("article"));
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->documents[0].document.doc_id, "kim-rocket");
  EXPECT_EQ(corpus->documents[1].document.doc_id, "seoul-defense");
  Result<Corpus> missing = Read("export.json", testing::WithIdField("slug"));
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().ToString(), HasSubstr("\"slug\" (--id-field)"));
}

TEST(LabelStudioFormat, ConvertsUtf16AndCrlfOffsetsWhenOnlyTheyMatchTheText) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> legacy = Read("legacy_utf16.json", {}, &repairs);
  ASSERT_TRUE(legacy.ok()) << legacy.status().ToString();
  Result<Corpus> current = Read("export.json");
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(legacy->documents[0].annotations.mentions[0].start, 10);
  EXPECT_EQ(legacy->documents[0].annotations.mentions[1].start,
            current->documents[0].annotations.mentions[1].start);
  EXPECT_EQ(legacy->documents[1].annotations.mentions[0].start, 45);
  const FormatRepair* utf16 = FindRepair(repairs, "from UTF-16 units");
  ASSERT_NE(utf16, nullptr);
  EXPECT_EQ(utf16->count, 2);
  EXPECT_THAT(utf16->example, HasSubstr("legacy_utf16.json: 7: result"));
  const FormatRepair* crlf = FindRepair(repairs, "CRLF as one character");
  ASSERT_NE(crlf, nullptr);
  EXPECT_EQ(crlf->count, 1);
}

TEST(LabelStudioFormat, OffsetsMatchingTheTextInNoUnitAreAnError) {
  Result<Corpus> corpus = Read("bad_offsets.json");
  ASSERT_FALSE(corpus.ok());
  const std::string message = corpus.status().ToString();
  EXPECT_THAT(message, HasSubstr("bad_offsets.json: 12: "));
  EXPECT_THAT(message, HasSubstr("$[0].annotations[0].result[0]"));
  EXPECT_THAT(message, HasSubstr("result \"Xa81kQ2pLm\""));
  EXPECT_THAT(message, HasSubstr("not its value.text \"Kim Jong Un\""));
}

TEST(LabelStudioFormat, SeveralAnnotatorsNeedAChoice) {
  Result<Corpus> ambiguous = Read("two_annotators.json");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_THAT(ambiguous.status().ToString(),
              HasSubstr("2 annotations (annotators: 2 (ana@example.org), 3 "
                        "(ben@example.org)): choose one with --annotator"));

  Result<Corpus> ben = Read("two_annotators.json", testing::WithAnnotator("3"));
  ASSERT_TRUE(ben.ok()) << ben.status().ToString();
  EXPECT_EQ(ben->documents[0].annotations.mentions.size(), 2u);
  Result<Corpus> ana =
      Read("two_annotators.json", testing::WithAnnotator("ana@example.org"));
  ASSERT_TRUE(ana.ok());
  EXPECT_EQ(ana->documents[0].annotations.mentions.size(), 1u);

  Result<Corpus> nobody =
      Read("two_annotators.json", testing::WithAnnotator("zoe"));
  ASSERT_FALSE(nobody.ok());
  EXPECT_THAT(nobody.status().ToString(),
              HasSubstr("no annotation by \"zoe\""));
}

TEST(LabelStudioFormat, MessagesStayOnOneLine) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = ReadLabelStudio(
      R"([{"id": 1, "data": {"text": "x"}, "annotations": [)"
      R"({"completed_by": {"id": 1, "email": "a\nb@x.org"}, "result": []},)"
      R"({"completed_by": 2, "result": []}]}])",
      "nl.json", {}, &repairs);
  ASSERT_FALSE(corpus.ok());
  const std::string message = corpus.status().ToString();
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_THAT(message, HasSubstr("1 (a\\u000ab@x.org), 2"));
}

TEST(LabelStudioFormat, PredictionsAreReadOnRequest) {
  Result<Corpus> model =
      Read("two_annotators.json", testing::WithAnnotator("predictions"));
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_EQ(model->documents[0].annotations.mentions.size(), 1u);
  EXPECT_EQ(model->documents[0].annotations.mentions[0].text, "Pyongyang");
  EXPECT_TRUE(
      Read("two_annotators.json", testing::WithAnnotator("predictions:ner-v2"))
          .ok());
  Result<Corpus> other =
      Read("two_annotators.json", testing::WithAnnotator("predictions:ner-v1"));
  ASSERT_FALSE(other.ok());
  EXPECT_THAT(other.status().ToString(),
              HasSubstr("no prediction of model ner-v1 (model versions: "
                        "ner-v2)"));
}

TEST(LabelStudioFormat, UnknownKeysAreNamedWithTheKeyMeant) {
  Result<Corpus> corpus = Read("unknown_key.json");
  ASSERT_FALSE(corpus.ok());
  EXPECT_THAT(corpus.status().ToString(),
              HasSubstr("$[0].annotations[0]: unknown key \"reslt\" (did you "
                        "mean \"result\"?)"));
  Result<Corpus> allowed =
      Read("unknown_key.json", testing::IgnoringUnknownKeys());
  ASSERT_FALSE(allowed.ok());  // past the key check: now `result` is missing
  EXPECT_THAT(allowed.status().ToString(), HasSubstr("missing \"result\""));
}

TEST(LabelStudioFormat, ReadsTheCompletionsOfVersionsBefore1) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = ReadLabelStudio(
      R"([{"id": 3, "data": {"text": "Kim"}, "completions": [{"id": 1, )"
      R"("lead_time": 4.2, "result": [{"id": "a", "from_name": "label", )"
      R"("to_name": "text", "type": "labels", "value": {"start": 0, )"
      R"("end": 3, "text": "Kim", "labels": ["PER"]}}]}]}])",
      "old.json", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents[0].annotations.mentions.size(), 1u);
  EXPECT_EQ(corpus->documents[0].annotations.mentions[0].type, "PER");
}

TEST(LabelStudioFormat, TheGoldRoundTrips) {
  const Corpus gold = testing::ReadShippedGold();
  std::vector<FormatRepair> repairs;
  Result<Corpus> back =
      ReadLabelStudio(WriteLabelStudio(gold), "gold.json", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  testing::ExpectSameCorpus(testing::Keep(gold, {}), *back);
  EXPECT_TRUE(repairs.empty());
}

TEST(LabelStudioFormat, TheFixturesRoundTrip) {
  Result<Corpus> read = Read("export.json");
  ASSERT_TRUE(read.ok());
  std::vector<FormatRepair> repairs;
  Result<Corpus> back =
      ReadLabelStudio(WriteLabelStudio(*read), "again.json", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  // The writer's tasks carry data.doc_id, read before the task id.
  testing::ExpectSameCorpus(*read, *back);
}

}  // namespace
}  // namespace ieval
