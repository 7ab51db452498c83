#include "ieval/io/iob_reader.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

std::vector<TaggedDocument> Parse(const std::string& content, TagScheme scheme,
                                  IobReadOptions options = {}) {
  auto docs = ParseIob(content, "test.bio", scheme, options);
  EXPECT_TRUE(docs.ok()) << docs.status().ToString();
  return docs.ok() ? *docs : std::vector<TaggedDocument>{};
}

TEST(ChunkTags, Iob1AdjacentSameTypeEntitiesNeedB) {
  // CoNLL-2003: "I-PER I-PER B-PER" is two persons; a lone I- starts one.
  const std::vector<std::string> tags = {"I-PER", "I-PER", "B-PER",
                                         "O",     "I-LOC", "I-ORG"};
  const std::vector<TokenChunk> want = {
      {0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}, {5, 6, "ORG"}};
  EXPECT_EQ(ChunkTags(tags, TagScheme::kIob1), want);
}

TEST(ChunkTags, Iob2StrayInsideTagStartsAnEntityAsConllevalDoes) {
  const std::vector<std::string> tags = {"B-PER", "I-PER", "O",
                                         "I-LOC", "I-LOC", "B-LOC"};
  const std::vector<TokenChunk> want = {
      {0, 2, "PER"}, {3, 5, "LOC"}, {5, 6, "LOC"}};
  EXPECT_EQ(ChunkTags(tags, TagScheme::kIob2), want);
}

TEST(ChunkTags, BilouReadsUnitAndLastAsSingleAndEnd) {
  const std::vector<std::string> tags = {"U-PER", "B-ORG", "I-ORG", "L-ORG",
                                         "S-LOC", "B-LOC", "E-LOC"};
  const std::vector<TokenChunk> want = {
      {0, 1, "PER"}, {1, 4, "ORG"}, {4, 5, "LOC"}, {5, 7, "LOC"}};
  EXPECT_EQ(ChunkTags(tags, TagScheme::kIobes), want);
}

TEST(ParseIob, BlankLinesEndSentencesAndDocstartEndsDocuments) {
  const auto docs = Parse(
      "-DOCSTART- O\n\nKim I-PER\nvient O\n\nMoscou I-LOC\n"
      "-DOCSTART- O\nParis I-LOC\n",
      TagScheme::kIob1);
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[1].tokens[0], "Moscou");
  EXPECT_EQ(docs[0].sentences[1].first_line, 6);
  EXPECT_EQ(docs[0].doc_id, "test-0000");
  EXPECT_EQ(docs[1].sentences[0].tags[0], "I-LOC");
}

TEST(ParseIob, DocstartLinesWithNothingBetweenMakeNoDocument) {
  const auto docs =
      Parse("-DOCSTART- O\n\n-DOCSTART- O\nParis I-LOC\n", TagScheme::kIob1);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].doc_id, "test");
  EXPECT_TRUE(Parse("", TagScheme::kIob1).empty());
}

TEST(ParseIob, HashLinesAreTokensNotComments) {
  const auto docs = Parse("#ne O\nParis I-LOC\n", TagScheme::kIob1);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].sentences[0].tokens[0], "#ne");
}

TEST(ParseIob, BadTagIsAnErrorNamingFileAndLine) {
  auto docs =
      ParseIob("Kim I-PER\nvient X_PER\n", "corpus.bio", TagScheme::kIob1, {});
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().ToString().find("corpus.bio:2"), std::string::npos)
      << docs.status().ToString();
}

TEST(ParseIob, FilesWithoutBreaksAreCutAfterSentenceFinalPunctuation) {
  IobReadOptions options;
  options.max_sentence_tokens = 8;
  // Not after "M ." (a title) nor before a lower-case word ("ou").
  const auto docs = Parse(
      "Il O\nvit O\n. O\nM O\n. O\nKim I-PER\nrit O\n. O\nou O\npas O\n"
      ". O\nFin O\n",
      TagScheme::kIob1, options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].sentences.size(), 3u);
  EXPECT_EQ(docs[0].sentences[0].tokens.size(), 3u);
  EXPECT_EQ(docs[0].sentences[1].tokens.size(), 8u);
  EXPECT_EQ(docs[0].sentences[1].tokens[0], "M");
  EXPECT_EQ(docs[0].sentences[1].first_line, 4);
  EXPECT_EQ(docs[0].sentences[2].tokens[0], "Fin");
}

TEST(ParseIob, OverlongSentencesWithoutPunctuationAreCutBetweenTwoOs) {
  IobReadOptions options;
  options.max_sentence_tokens = 2;
  // Never inside "Kim Jong": the cut waits for an O-O boundary.
  const auto docs = Parse("a O\nKim I-PER\nJong I-PER\nb O\nc O\nd O\n",
                          TagScheme::kIob1, options);
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[0].sentences[0].tokens.size(), 4u);
}

TEST(ParseIob, SentencesGroupIntoDocumentsWhenThereIsNoDocstart) {
  IobReadOptions options;
  options.sentences_per_document = 2;
  const auto docs = Parse("a O\n\nb O\n\nc O\n", TagScheme::kIob1, options);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].sentences.size(), 2u);
  EXPECT_EQ(docs[1].doc_id, "test-0001");
}

TEST(Detokenize, GluesPunctuationAndElisions) {
  std::vector<int64_t> starts;
  const std::string text =
      Detokenize({"L'", "Ouest", "-", "Éclair", ",", "d\xE2\x80\x99", "Alger",
                  "(", "Algérie", ")", "."},
                 &starts);
  EXPECT_EQ(text,
            "L'Ouest - Éclair, d\xE2\x80\x99"
            "Alger (Algérie).");
  // Code points: "Éclair" starts at 10, "Alger" after "d’" at 20.
  EXPECT_EQ(starts[3], 10);
  EXPECT_EQ(starts[6], 20);
}

TEST(TaggedToAnnotated, MentionsHaveCodepointOffsetsIntoTheJoinedText) {
  TaggedDocument doc;
  doc.doc_id = "d";
  doc.sentences.push_back({{"Déjà", "vu"}, {"O", "O"}, 1});
  doc.sentences.push_back({{"L'", "Élysée", "reçoit", "Kim", "Jong", "Un"},
                           {"O", "I-LOC", "O", "I-PER", "I-PER", "I-PER"},
                           3});
  const AnnotatedDocument a = TaggedToAnnotated(doc, TagScheme::kIob1);
  EXPECT_EQ(a.document.text, "Déjà vu\nL'Élysée reçoit Kim Jong Un");
  ASSERT_EQ(a.annotations.mentions.size(), 2u);
  EXPECT_EQ(a.annotations.mentions[0].start, 10);
  EXPECT_EQ(a.annotations.mentions[0].end, 16);
  EXPECT_EQ(*a.annotations.mentions[0].text, "Élysée");
  EXPECT_EQ(a.annotations.mentions[1].start, 24);
  EXPECT_EQ(a.annotations.mentions[1].end, 35);
  EXPECT_EQ(*a.annotations.mentions[1].text, "Kim Jong Un");
}

}  // namespace
}  // namespace ieval
