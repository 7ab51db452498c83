#include "ieval/io/spacy_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "foreign_format_testing.h"

namespace ieval {
namespace {

using testing::FindRepair;
using ::testing::HasSubstr;
using testing::ReadFormatFixture;

Result<Corpus> Read(const std::string& fixture, FormatReadOptions options = {},
                    std::vector<FormatRepair>* repairs = nullptr) {
  std::vector<FormatRepair> ignored;
  return ReadSpacy(ReadFormatFixture("spacy/" + fixture), fixture, options,
                   repairs ? repairs : &ignored);
}

TEST(SpacyFormat, ReadsProdigySpansAndRelations) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Read("prodigy.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  // The third record was rejected in Prodigy.
  ASSERT_EQ(corpus->documents.size(), 2u);
  const FormatRepair* rejected = FindRepair(repairs, "\"reject\"");
  ASSERT_NE(rejected, nullptr);
  EXPECT_EQ(rejected->example, "prodigy.jsonl:3: 3");
  const AnnotatedDocument& kim = corpus->documents[0];
  EXPECT_EQ(kim.document.doc_id, "1");  // the line number
  ASSERT_EQ(kim.annotations.mentions.size(), 2u);
  EXPECT_EQ(kim.annotations.mentions[0].id, "T1");
  EXPECT_EQ(kim.annotations.mentions[0].start, 10);
  EXPECT_EQ(kim.annotations.mentions[1].text, "Pyongyang");
  ASSERT_EQ(kim.annotations.relations.size(), 1u);
  EXPECT_EQ(kim.annotations.relations[0], (Relation{"leader_of", "T1", "T2"}));
  EXPECT_EQ(corpus->documents[1].annotations.mentions[1].text,
            "ministère de la Défense");
}

TEST(SpacyFormat, IdFieldMayNameAMetaKey) {
  Result<Corpus> corpus =
      Read("prodigy.jsonl", testing::WithIdField("meta.article"));
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->documents[0].document.doc_id, "kim-rocket");
  EXPECT_EQ(corpus->documents[1].document.doc_id, "seoul-defense");
}

TEST(SpacyFormat, ReadsDocToJsonEntsAndOurDocId) {
  Result<Corpus> corpus = Read("doc_to_json.jsonl");
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const AnnotatedDocument& doc = corpus->documents[0];
  EXPECT_EQ(doc.document.doc_id, "kim-rocket");
  ASSERT_EQ(doc.annotations.mentions.size(), 1u);
  EXPECT_EQ(doc.annotations.mentions[0].text, "Kim Jong Un");
}

TEST(SpacyFormat, ASpanNotPickingOutItsTextIsAnError) {
  Result<Corpus> corpus = Read("bad_text.jsonl");
  ASSERT_FALSE(corpus.ok());
  EXPECT_THAT(corpus.status().ToString(),
              HasSubstr("bad_text.jsonl:1: 1: $.spans[0]: start 3, end 14 pick "
                        "out \"🚀 de « Kim \", not the span's text \"Kim "
                        "Jong Un\""));
}

TEST(SpacyFormat, ConvertsUtf16OffsetsThatOnlyMatchTheTextSo) {
  // "🚀" is 2 UTF-16 units: a JavaScript tool writes 3 for "a"'s start.
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = ReadSpacy(
      R"({"text": "🚀 a b", "spans": [{"start": 3, "end": 4, "label": "X", )"
      R"("text": "a"}]})",
      "js.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->documents[0].annotations.mentions[0].start, 2);
  ASSERT_NE(FindRepair(repairs, "spaCy offsets converted from UTF-16"),
            nullptr);
}

TEST(SpacyFormat, ConvertsOffsetsThatCountEachCrlfAsOne) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus =
      ReadSpacy(R"({"text": "a\r\nb\r\nc d", "spans": [)"
                R"({"start": 2, "end": 3, "label": "X", "text": "b"},)"
                R"({"start": 4, "end": 5, "label": "X", "text": "c"},)"
                R"({"start": 6, "end": 7, "label": "X", "text": "d"}]})",
                "crlf.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const auto& m = corpus->documents[0].annotations.mentions;
  EXPECT_EQ(m[0].start, 3);
  EXPECT_EQ(m[1].start, 6);
  EXPECT_EQ(m[2].start, 8);
  const FormatRepair* repair = FindRepair(repairs, "CRLF as one");
  ASSERT_NE(repair, nullptr);
  EXPECT_EQ(repair->count, 3);
}

TEST(SpacyFormat, OffsetsInUtf8BytesAreAnErrorThatSaysSo) {
  // "é" is 2 bytes: a tool counting bytes writes 3 for "a"'s start.
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = ReadSpacy(
      R"({"text": "é a", "spans": [{"start": 3, "end": 4, "label": "X", )"
      R"("text": "a"}]})",
      "bytes.jsonl", {}, &repairs);
  ASSERT_FALSE(corpus.ok());
  EXPECT_THAT(corpus.status().ToString(),
              HasSubstr("pick out nothing (not a span of the text), not the "
                        "span's text \"a\""));
  EXPECT_THAT(corpus.status().ToString(),
              HasSubstr("they pick it out counted in UTF-8 bytes"));
}

TEST(SpacyFormat, UnknownKeysAndAmbiguousSpansAreErrors) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> typo =
      ReadSpacy(R"({"text": "x", "spnas": []})", "t.jsonl", {}, &repairs);
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().ToString(),
              HasSubstr("unknown key \"spnas\" (did you mean \"spans\"?)"));
  EXPECT_TRUE(ReadSpacy(R"({"text": "x", "spnas": []})", "t.jsonl",
                        testing::IgnoringUnknownKeys(), &repairs)
                  .ok());
  Result<Corpus> both = ReadSpacy(
      R"({"text": "ab", "spans": [{"start": 0, "end": 1, "label": "X"}], )"
      R"("ents": [{"start": 1, "end": 2, "label": "Y"}]})",
      "b.jsonl", {}, &repairs);
  ASSERT_FALSE(both.ok());
  EXPECT_THAT(both.status().ToString(), HasSubstr("both \"spans\" and"));
  Result<Corpus> groups = ReadSpacy(R"({"text": "ab", "spans": {"sc": []}})",
                                    "g.jsonl", {}, &repairs);
  ASSERT_FALSE(groups.ok());
  EXPECT_THAT(groups.status().ToString(), HasSubstr("span groups"));
}

TEST(SpacyFormat, TheGoldRoundTripsWithItsEntities) {
  const Corpus gold = testing::ReadShippedGold();
  std::vector<FormatRepair> repairs;
  Result<Corpus> back = ReadSpacy(WriteSpacy(gold), "gold.jsonl", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  testing::ExpectSameCorpus(testing::Keep(gold, {.entity = true}), *back);
  EXPECT_TRUE(repairs.empty());
}

TEST(SpacyFormat, TheFixturesRoundTrip) {
  Result<Corpus> read = Read("prodigy.jsonl");
  ASSERT_TRUE(read.ok());
  for (AnnotatedDocument& doc : read->documents) {
    doc.source_line = 0;
  }
  std::vector<FormatRepair> repairs;
  Result<Corpus> back =
      ReadSpacy(WriteSpacy(*read), "again.jsonl", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  testing::ExpectSameCorpus(*read, *back);
}

}  // namespace
}  // namespace ieval
