#include "ieval/io/doccano_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>

#include "foreign_format_testing.h"

namespace ieval {
namespace {

using testing::FindRepair;
using ::testing::HasSubstr;
using testing::ReadFormatFixture;

Result<Corpus> Read(const std::string& fixture, FormatReadOptions options = {},
                    std::vector<FormatRepair>* repairs = nullptr) {
  std::vector<FormatRepair> ignored;
  return ReadDoccano(ReadFormatFixture("doccano/" + fixture), fixture, options,
                     repairs ? repairs : &ignored);
}

TEST(DoccanoFormat, ReadsTheCurrentShape) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Read("current.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents.size(), 2u);
  const AnnotatedDocument& kim = corpus->documents[0];
  EXPECT_EQ(kim.document.doc_id, "1");  // doccano's record id
  EXPECT_EQ(kim.source_line, 1);
  ASSERT_EQ(kim.annotations.mentions.size(), 2u);
  EXPECT_EQ(kim.annotations.mentions[0].id, "T11");
  EXPECT_EQ(kim.annotations.mentions[0].start, 10);
  EXPECT_EQ(kim.annotations.mentions[0].text, "Kim Jong Un");
  EXPECT_EQ(kim.annotations.mentions[1].text, "Pyongyang");
  ASSERT_EQ(kim.annotations.relations.size(), 1u);
  EXPECT_EQ(kim.annotations.relations[0],
            (Relation{"leader_of", "T11", "T12"}));
  EXPECT_EQ(corpus->documents[1].annotations.mentions[1].text,
            "ministère de la Défense");
  // The emoji text fits code points and UTF-16 alike: read as code points,
  // and said so.
  const FormatRepair* note = FindRepair(repairs, "outside the BMP");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->count, 1);
}

TEST(DoccanoFormat, ReadsTheOlderLabelTriples) {
  Result<Corpus> old = Read("old_labels.jsonl");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  Result<Corpus> current = Read("current.jsonl");
  ASSERT_TRUE(current.ok());
  const Mention& a = old->documents[0].annotations.mentions[0];
  const Mention& b = current->documents[0].annotations.mentions[0];
  EXPECT_EQ(a.id, "T1");
  EXPECT_EQ(std::tie(a.start, a.end, a.type, a.text),
            std::tie(b.start, b.end, b.type, b.text));
}

TEST(DoccanoFormat, ConvertsUtf16OffsetsThatRunPastTheTextInCodePoints) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Read("utf16.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const Mention& m = corpus->documents[0].annotations.mentions[0];
  EXPECT_EQ(m.text, "Vladivostok");
  EXPECT_EQ(m.start, 27);  // two emoji before it: 29 UTF-16 units
  const FormatRepair* repair = FindRepair(repairs, "from UTF-16 units");
  ASSERT_NE(repair, nullptr);
  EXPECT_EQ(repair->example, "utf16.jsonl:1: 3");
}

TEST(DoccanoFormat, OffsetsOutsideTheTextInEveryUnitAreAnError) {
  const std::string line =
      R"({"id": 4, "text": "Séoul", "label": [[0, 5, "LOC"], [2, 9, "LOC"]]})";
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = ReadDoccano(line + "\n", "bad.jsonl", {}, &repairs);
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().ToString(),
            "bad.jsonl:1: 4: $.label[1]: span T2 [2, 9) is not a span of the "
            "text (5 code points, 5 UTF-16 units)");
}

TEST(DoccanoFormat, UnknownKeysAreNamedButMetadataIsKept) {
  Result<Corpus> typo = Read("unknown_key.jsonl");
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().ToString(),
              HasSubstr("unknown_key.jsonl:1: 1: $: unknown key \"entites\" "
                        "(did you mean \"entities\"?)"));
  // current.jsonl's "source": "agence" is doccano's copy of an import column.
  EXPECT_TRUE(Read("current.jsonl").ok());
  const std::string entity_typo =
      R"({"text": "Séoul", "entities": [{"id": 1, "label": "LOC", )"
      R"("start_ofset": 0, "end_offset": 5}]})";
  std::vector<FormatRepair> repairs;
  Result<Corpus> inner = ReadDoccano(entity_typo, "e.jsonl", {}, &repairs);
  ASSERT_FALSE(inner.ok());
  EXPECT_THAT(inner.status().ToString(),
              HasSubstr("$.entities[0]: unknown key \"start_ofset\" (did you "
                        "mean \"start_offset\"?)"));
}

TEST(DoccanoFormat, AByteOrderMarkIsSkippedAndReported) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus =
      ReadDoccano("\xEF\xBB\xBF" + ReadFormatFixture("doccano/current.jsonl"),
                  "bom.jsonl", {}, &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  EXPECT_EQ(corpus->documents.size(), 2u);
  EXPECT_NE(FindRepair(repairs, "byte-order mark"), nullptr);
}

TEST(DoccanoFormat, ClassificationLabelsAreNotSpans) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus =
      ReadDoccano(R"({"id": 1, "text": "Bien.", "label": ["positive"]})",
                  "c.jsonl", {}, &repairs);
  ASSERT_FALSE(corpus.ok());
  EXPECT_THAT(corpus.status().ToString(), HasSubstr("text-classification"));
}

TEST(DoccanoFormat, IdFieldIsATopLevelKeyOrAMetaKey) {
  const std::string lines =
      R"({"id": 1, "article": "a", "meta": {"slug": "s-a"}, "text": "x"})"
      "\n\n"
      R"({"id": 2, "article": "b", "meta": {"slug": "s-b"}, "text": "y"})"
      "\n";
  std::vector<FormatRepair> repairs;
  Result<Corpus> top =
      ReadDoccano(lines, "m.jsonl", testing::WithIdField("article"), &repairs);
  ASSERT_TRUE(top.ok()) << top.status().ToString();
  EXPECT_EQ(top->documents[1].document.doc_id, "b");
  EXPECT_EQ(top->documents[1].source_line, 3);  // the blank line counts
  Result<Corpus> meta = ReadDoccano(
      lines, "m.jsonl", testing::WithIdField("meta.slug"), &repairs);
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->documents[0].document.doc_id, "s-a");
  Result<Corpus> twice = ReadDoccano(R"({"id": 1, "text": "x"})"
                                     "\n"
                                     R"({"id": 1, "text": "y"})",
                                     "d.jsonl", {}, &repairs);
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.status().ToString(),
              HasSubstr("d.jsonl:2: document id \"1\" is also line 1's"));
}

TEST(DoccanoFormat, TheGoldRoundTrips) {
  const Corpus gold = testing::ReadShippedGold();
  std::vector<FormatRepair> repairs;
  Result<Corpus> back =
      ReadDoccano(WriteDoccano(gold), "gold.jsonl", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  testing::ExpectSameCorpus(testing::Keep(gold, {}), *back);
  EXPECT_TRUE(repairs.empty());
}

TEST(DoccanoFormat, TheFixturesRoundTrip) {
  Result<Corpus> read = Read("current.jsonl");
  ASSERT_TRUE(read.ok());
  // The writer numbers entities 1, 2…: compare under those ids.
  Corpus expected = *read;
  for (AnnotatedDocument& doc : expected.documents) {
    std::map<std::string, std::string> renamed;
    for (size_t i = 0; i < doc.annotations.mentions.size(); ++i) {
      Mention& m = doc.annotations.mentions[i];
      m.id = renamed[m.id] = "T" + std::to_string(i + 1);
    }
    for (Relation& r : doc.annotations.relations) {
      r.head = renamed[r.head];
      r.tail = renamed[r.tail];
    }
  }
  std::vector<FormatRepair> repairs;
  Result<Corpus> back =
      ReadDoccano(WriteDoccano(*read), "again.jsonl", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  testing::ExpectSameCorpus(expected, *back);
}

}  // namespace
}  // namespace ieval
