#include "ieval/extractors/run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/cli_runner.h"
#include "testing/mentions.h"
#include "testing/test_extractors.h"

namespace ieval {
namespace {

using testing::FixedExtractor;
using ::testing::HasSubstr;
using testing::MakeMention;

const Document kDoc{"d1", "«\u00A0Élise\u00A0» à l’Élysée"};  // 20 code points

TEST(RunExtractor, NumbersMentionsWithoutIdsAfterTheGivenOnes) {
  FixedExtractor e(
      {{MakeMention("", 2, 7, "PER"), MakeMention("T1", 14, 20, "LOC")}, {}});
  auto out = RunExtractor(e, kDoc, "x");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->mentions[0].id, "T2");
  EXPECT_EQ(out->mentions[1].id, "T1");
}

TEST(RunExtractor, SetsMentionTextFromTheCodePointSpan) {
  FixedExtractor e(
      {{MakeMention("", 2, 7, "PER"), MakeMention("", 14, 20, "LOC")}, {}});
  auto out = RunExtractor(e, kDoc, "x");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out->mentions[0].text, "Élise");
  EXPECT_EQ(*out->mentions[1].text, "Élysée");
}

TEST(RunExtractor, SpanOutsideTheTextFailsNamingExtractorAndDocument) {
  FixedExtractor e({{MakeMention("T1", 18, 30, "LOC")}, {}});
  auto out = RunExtractor(e, kDoc, "myvariant");
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), Status::Code::kExtractorFailed);
  EXPECT_EQ(out.status().where().doc_id, "d1");
  EXPECT_THAT(out.status().message(),
              HasSubstr("extractor 'myvariant' returned span [18, 30) outside "
                        "the text (20 code points)"));
}

TEST(RunExtractor, EmptySpanFails) {
  FixedExtractor e({{MakeMention("T1", 3, 3, "LOC")}, {}});
  EXPECT_FALSE(RunExtractor(e, kDoc, "x").ok());
}

TEST(RunExtractor, DuplicateIdsFail) {
  FixedExtractor e(
      {{MakeMention("T1", 0, 1, "A"), MakeMention("T1", 2, 3, "B")}, {}});
  auto out = RunExtractor(e, kDoc, "x");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("mention id 'T1' twice"));
}

TEST(RunExtractor, RelationToAMissingMentionFails) {
  FixedExtractor e({{MakeMention("T1", 0, 1, "A")}, {{"part_of", "T1", "T9"}}});
  auto out = RunExtractor(e, kDoc, "x");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("to mention 'T9'"));
}

TEST(RunExtractor, DuplicateRelationsAreDropped) {
  FixedExtractor e(
      {{MakeMention("T1", 0, 1, "A"), MakeMention("T2", 2, 3, "B")},
       {{"r", "T1", "T2"}, {"r", "T1", "T2"}}});
  auto out = RunExtractor(e, kDoc, "x");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->relations.size(), 1u);
}

TEST(RunExtractorOver, AppendsWhatWasAddedAndRenumbers) {
  Annotations upstream{
      {MakeMention("a", 2, 7, "PER"), MakeMention("b", 14, 20, "LOC")}, {}};
  // Adds a mention whose id clashes with nothing, and relations to an
  // upstream mention ("b") and to its own ("a" is its own: it wins).
  FixedExtractor e(
      {{MakeMention("a", 0, 1, "MISC")}, {{"located_in", "a", "b"}}});
  auto out = RunExtractorOver(e, kDoc, upstream, "x");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->mentions.size(), 3u);
  EXPECT_EQ(out->mentions[0].id, "T1");
  EXPECT_EQ(out->mentions[2].id, "T3");
  EXPECT_EQ(out->mentions[2].type, "MISC");
  ASSERT_EQ(out->relations.size(), 1u);
  EXPECT_EQ(out->relations[0], (Relation{"located_in", "T3", "T2"}));
}

TEST(RunExtractorOver, RelationToAnUnknownIdFails) {
  Annotations upstream{{MakeMention("a", 2, 7, "PER")}, {}};
  FixedExtractor e({{}, {{"r", "a", "zz"}}});
  auto out = RunExtractorOver(e, kDoc, upstream, "x");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(),
              HasSubstr("neither its own nor upstream"));
}

// Fails on documents whose id starts with "bad".
class Picky : public Extractor {
 public:
  std::string Name() const override { return "picky"; }
  std::string Version() const override { return "1"; }
  Result<Annotations> Extract(const Document& doc) const override {
    if (doc.doc_id.rfind("bad", 0) == 0)
      return Status::ExtractorFailed("cannot", Where{"", 0, doc.doc_id, ""});
    return Annotations{{MakeMention("", 0, 1, doc.doc_id)}, {}};
  }
};

TEST(ExtractAll, KeepsDocumentOrderWithSeveralJobs) {
  ThreadPool pool(4);
  std::vector<Document> docs;
  for (int i = 0; i < 20; ++i) docs.push_back({"d" + std::to_string(i), "xyz"});
  auto out = ExtractAll(Picky(), docs, "picky", pool);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->size(), 20u);
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ((*out)[i].mentions[0].type, "d" + std::to_string(i));
}

TEST(ExtractAll, ReportsTheFirstFailureWrappedWithTheLabel) {
  ThreadPool pool(1);
  std::vector<Document> docs{{"ok", "x"}, {"bad1", "x"}, {"bad2", "x"}};
  auto out = ExtractAll(Picky(), docs, "pv", pool);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().where().doc_id, "bad1");
  EXPECT_EQ(out.status().message(), "extractor 'pv' failed: cannot");
}

TEST(ReadTextDocuments, ReadsTxtFilesInNameOrder) {
  const std::string dir = testing::MakeTempDir("read_text_docs");
  testing::WriteText(dir + "/b.txt", "deux");
  testing::WriteText(dir + "/a.txt", "un «\u00A0x\u00A0»");
  testing::WriteText(dir + "/notes.md", "ignored");
  auto docs = ReadTextDocuments(dir);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].doc_id, "a");
  EXPECT_EQ((*docs)[0].text, "un «\u00A0x\u00A0»");
  EXPECT_EQ((*docs)[1].doc_id, "b");
}

TEST(ReadTextDocuments, InvalidUtf8NamesFileAndByte) {
  const std::string dir = testing::MakeTempDir("read_text_bad");
  testing::WriteText(dir + "/a.txt", "ab\xff");
  auto docs = ReadTextDocuments(dir);
  ASSERT_FALSE(docs.ok());
  EXPECT_THAT(docs.status().ToString(),
              HasSubstr("a.txt: invalid UTF-8 at byte 2"));
}

}  // namespace
}  // namespace ieval
