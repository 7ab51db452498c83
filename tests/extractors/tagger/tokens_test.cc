// The tagger's tokens, features and feature sources (tokens.h,
// features.h, dictionary.h, names_only.h).
#include <gtest/gtest.h>

#include "ieval/extractors/tagger/dictionary.h"
#include "ieval/extractors/tagger/features.h"
#include "ieval/extractors/tagger/names_only.h"
#include "ieval/extractors/tagger/tokens.h"

namespace ieval::tagger {
namespace {

std::unique_ptr<Segmenter> MakeSegmenter() {
  auto s = Segmenter::Create("fr");
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

std::vector<std::string> Texts(const TokenizedText& tt) {
  std::vector<std::string> out;
  for (const Token& t : tt.tokens) out.push_back(t.text);
  return out;
}

TEST(SplitElision, SplitsArticlesWithEitherApostrophe) {
  std::vector<Token> out;
  SplitElision({10, 18,
                "l\xE2\x80\x99"
                "Europe",
                true},
               &out);
  SplitElision({20, 25, "qu'il", true}, &out);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].text, "l\xE2\x80\x99");
  EXPECT_EQ(out[0].end, 12);  // "l’" is two code points
  EXPECT_EQ(out[1].text, "Europe");
  EXPECT_EQ(out[1].start, 12);
  EXPECT_EQ(out[1].end, 18);
  EXPECT_EQ(out[2].text, "qu'");
  EXPECT_EQ(out[3].start, 23);
}

TEST(SplitElision, KeepsWordsWhoseApostropheIsNotAnElision) {
  std::vector<Token> out;
  SplitElision({0, 11, "aujourd'hui", true}, &out);
  SplitElision({0, 6, "O'Hara", true}, &out);
  SplitElision({0, 2, "L'", true}, &out);  // nothing after the apostrophe
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].text, "aujourd'hui");
  EXPECT_EQ(out[1].text, "O'Hara");
}

TEST(Tokenize, CodepointOffsetsAroundGuillemetsNbspAndApostrophe) {
  // "« Kim » vit à l’Élysée.\nFin" with U+00A0 inside the guillemets.
  const std::string text =
      "\xC2\xAB\xC2\xA0Kim\xC2\xA0\xC2\xBB vit \xC3\xA0 l\xE2\x80\x99"
      "\xC3\x89lys\xC3\xA9"
      "e.\nFin";
  const TokenizedText tt = Tokenize(*MakeSegmenter(), text);
  EXPECT_EQ(Texts(tt),
            (std::vector<std::string>{"\xC2\xAB", "Kim", "\xC2\xBB", "vit",
                                      "\xC3\xA0", "l\xE2\x80\x99",
                                      "\xC3\x89lys\xC3\xA9"
                                      "e",
                                      ".", "Fin"}));
  EXPECT_EQ(tt.tokens[1].start, 2);
  EXPECT_EQ(tt.tokens[1].end, 5);
  EXPECT_EQ(tt.tokens[6].start, 16);  // Élysée, after "l’"
  EXPECT_EQ(tt.tokens[6].end, 22);
  EXPECT_EQ(tt.sequence_starts, (std::vector<size_t>{0, 8, 9}));
}

TEST(Tokenize, EmptyTextHasNoSequence) {
  EXPECT_EQ(Tokenize(*MakeSegmenter(), " \n\n ").sequences(), 0u);
}

TEST(WordShape, CutsRunsToThree) {
  EXPECT_EQ(WordShape("Pyongyang"), "Xxxx");
  EXPECT_EQ(WordShape("OTAN"), "XXX");
  EXPECT_EQ(WordShape("AB-12"), "XX-dd");
  EXPECT_EQ(WordShape("\xC3\x89t\xC3\xA9"), "Xxx");  // Été
}

TEST(ExtractFeatures, HashRowsArePinnedBecauseModelsDependOnThem) {
  // If this fails the hash or a template changed: bump kFeatureVersion and
  // retrain the shipped model (scripts/train-tagger).
  const std::vector<Token> tokens = {{0, 5, "Paris", true}};
  SequenceFeatures f;
  ExtractFeatures(tokens, 0, 1, {}, {}, 20, &f);
  ASSERT_EQ(f.size(), 1u);
  ASSERT_GE(f.ids.size(), 2u);
  EXPECT_EQ(f.ids[0], 356202u);  // bias
  EXPECT_EQ(f.ids[1], 99408u);   // w=paris
}

TEST(ExtractFeatures, EveryRowIsInsideTheTable) {
  const std::vector<Token> tokens = {
      {0, 3, "Kim", true}, {4, 5, ",", false}, {6, 12, "Moscou", true}};
  SequenceFeatures f;
  ExtractFeatures(tokens, 0, 3, {0, 0, 3}, {}, 10, &f);
  ASSERT_EQ(f.size(), 3u);
  for (uint32_t id : f.ids) EXPECT_LT(id, 1u << 10);
  EXPECT_EQ(f.offsets.back(), f.ids.size());
}

TEST(CldrPlaceDictionary, MarksCountriesAndCitiesByLongestMatch) {
  auto dict = CldrPlaceDictionary::Create();
  ASSERT_TRUE(dict.ok());
  const TokenizedText tt = Tokenize(*MakeSegmenter(),
                                    "La Cor\xC3\xA9"
                                    "e du Nord et Moscou, russe");
  std::vector<TokenFlags> flags;
  (*dict)->Mark(tt.tokens, 0, tt.tokens.size(), &flags);
  // La Corée du Nord et Moscou , russe
  EXPECT_EQ(flags,
            (std::vector<TokenFlags>{0, 0b11, 0b01, 0b01, 0, 0b1100, 0, 0}));
}

TEST(NamesOnly, KeepsNamesAndCutsTitlesAndArticles) {
  Document d{"d",
             "Vous voyez l\xE2\x80\x99"
             "abb\xC3\xA9 S\xC3\xA9rapion. vous "
             "riez. Mlle de Hautefort aussi."};
  AnnotatedDocument doc;
  doc.document = d;
  doc.has_text = true;
  auto mention = [](int64_t start, int64_t end) {
    Mention m;
    m.start = start;
    m.end = end;
    m.type = "PER";
    return m;
  };
  doc.annotations.mentions = {mention(0, 4),     // Vous
                              mention(11, 26),   // l’abbé Sérapion
                              mention(39, 56)};  // Mlle de Hautefort
  NamesOnlyStats stats;
  const AnnotatedDocument out = NamesOnly(doc, *MakeSegmenter(), &stats);
  ASSERT_EQ(out.annotations.mentions.size(), 2u);
  EXPECT_EQ(*out.annotations.mentions[0].text, "S\xC3\xA9rapion");
  EXPECT_EQ(*out.annotations.mentions[1].text, "Hautefort");
  EXPECT_EQ(stats.dropped, 1);
  EXPECT_EQ(stats.trimmed, 2);
}

}  // namespace
}  // namespace ieval::tagger
