#include "ieval/io/annotation_json.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

// "« Kim Jong Un » a rencontré Poutine." with a NBSP after « and before ».
const std::string kText =
    "\xC2\xAB\xC2\xA0Kim Jong Un\xC2\xA0\xC2\xBB a rencontr\xC3\xA9 Poutine.";

std::optional<AnnotatedDocument> Parse(const std::string& json,
                                       std::vector<Status>* problems) {
  return ParseAnnotatedDocument(json, "t.json", 1, problems);
}

std::string Doc(const std::string& unit, int64_t start, int64_t end) {
  return R"({"doc_id": "d1", "text": ")" + kText + R"(", "offset_unit": ")" +
         unit + R"(", "entities": [{"id": "T1", "start": )" +
         std::to_string(start) + R"(, "end": )" + std::to_string(end) +
         R"(, "type": "PER", "text": "Kim Jong Un", "entity": "kim_jong_un"}]})";
}

TEST(AnnotationJson, ReadsCodepointOffsets) {
  std::vector<Status> problems;
  auto doc = Parse(Doc("codepoint", 2, 13), &problems);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(problems.empty()) << problems[0].ToString();
  const Mention& m = doc->annotations.mentions.at(0);
  EXPECT_EQ(m.start, 2);
  EXPECT_EQ(m.end, 13);
  EXPECT_EQ(m.entity, "kim_jong_un");
  EXPECT_FALSE(m.value.has_value());
}

TEST(AnnotationJson, ConvertsByteOffsetsToCodepoints) {
  std::vector<Status> problems;
  auto doc = Parse(Doc("byte", 4, 15), &problems);  // « and NBSP: 2 bytes each
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(problems.empty()) << problems[0].ToString();
  EXPECT_EQ(doc->annotations.mentions[0].start, 2);
  EXPECT_EQ(doc->annotations.mentions[0].end, 13);
  EXPECT_EQ(doc->offset_unit, OffsetUnit::kCodepoint);
}

TEST(AnnotationJson, ConvertsUtf16OffsetsToCodepoints) {
  std::vector<Status> problems;
  auto doc = Parse(Doc("utf16", 2, 13), &problems);
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(doc->annotations.mentions[0].end, 13);
}

TEST(AnnotationJson, ByteOffsetInsideACharacterIsAnError) {
  std::vector<Status> problems;
  Parse(Doc("byte", 1, 15), &problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].ToString().find("T1"), std::string::npos);
  EXPECT_NE(problems[0].message().find("not on a character boundary"),
            std::string::npos);
}

TEST(AnnotationJson, InvalidJsonNamesLineAndColumn) {
  std::vector<Status> problems;
  auto doc = Parse("{\"doc_id\": \"d1\",\n  \"text\": oops}", &problems);
  EXPECT_FALSE(doc.has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where().line, 2);
  EXPECT_NE(problems[0].message().find("column"), std::string::npos);
}

TEST(AnnotationJson, InvalidUtf8NamesTheByte) {
  std::vector<Status> problems;
  auto doc = Parse("{\"doc_id\": \"d\xFF\"}", &problems);
  EXPECT_FALSE(doc.has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message().find("invalid UTF-8 at byte 13"),
            std::string::npos);
}

TEST(AnnotationJson, NumericValueIsKeptAsItsText) {
  std::vector<Status> problems;
  auto doc = Parse(
      R"({"doc_id": "d", "entities": [{"id": "T1", "start": 0, "end": 2,
          "type": "QUANTITY", "value": 11000}]})",
      &problems);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->annotations.mentions[0].value, "11000");
  EXPECT_FALSE(doc->has_text);
}

TEST(AnnotationJson, RoundTripsThroughSerialize) {
  std::vector<Status> problems;
  auto doc = Parse(Doc("byte", 4, 15), &problems);
  ASSERT_TRUE(doc.has_value());
  doc->annotations.relations.push_back({"leader_of", "T1", "T1"});
  for (bool pretty : {false, true}) {
    WriteOptions options;
    options.pretty = pretty;
    const std::string written = SerializeAnnotatedDocument(*doc, options);
    EXPECT_EQ(written.find('\n') == std::string::npos, !pretty);
    auto again = Parse(written, &problems);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(again->document.text, kText);
    EXPECT_EQ(again->annotations, doc->annotations);
  }
}

TEST(AnnotationJson, ReportsEveryBadMentionNotOnlyTheFirst) {
  std::vector<Status> problems;
  auto doc = Parse(
      R"({"doc_id": "d", "text": "abc", "entities": [
          {"id": "T1", "start": "0", "end": 2, "type": "PER"},
          {"id": "T2", "start": 0, "end": 9, "type": "PER"},
          {"id": "T3", "start": 0, "end": 1}]})",
      &problems);
  ASSERT_TRUE(doc.has_value());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].where().annotation_id, "T1");
  EXPECT_EQ(problems[1].where().annotation_id, "T3");  // parse, then offsets
  EXPECT_EQ(problems[2].where().annotation_id, "T2");
}

TEST(AnnotationJson, ANumberTooLargeForADoubleIsAProblemNotACrash) {
  std::vector<Status> problems;
  auto doc = Parse(R"({"doc_id": "d", "score": 1e999})", &problems);
  EXPECT_FALSE(doc.has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].message().find("number overflow"), std::string::npos)
      << problems[0].message();
}

}  // namespace
}  // namespace ieval
