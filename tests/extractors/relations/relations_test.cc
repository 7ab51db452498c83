// Relation patterns over the mentions of one sentence (FindRelations, pure)
// and the `relations` extractor over the gazetteer's and rules' mentions.
#include "ieval/extractors/relations/relations.h"

#include <gtest/gtest.h>

#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/relations/patterns.h"
#include "testing/extractor_testing.h"

namespace ieval {
namespace {

using testing::Codepoints;
using testing::CpOffset;

// A mention of the `nth` occurrence of `surface` in `text`.
Mention At(const std::string& text, const std::string& id,
           const std::string& type, const std::string& surface, int nth = 0) {
  Mention m;
  m.id = id;
  m.type = type;
  m.start = CpOffset(text, surface, nth);
  m.end = m.start + Codepoints(surface);
  m.text = surface;
  return m;
}

std::vector<Relation> Relate(const std::string& text,
                             std::vector<Mention> mentions) {
  auto sentences = SplitSentences(text);
  EXPECT_TRUE(sentences.ok());
  Annotations annotations;
  annotations.mentions = std::move(mentions);
  return FindRelations(Document{"d", text}, annotations, *sentences);
}

TEST(RelationPatterns, AllCompile) { EXPECT_TRUE(PatternErrors().empty()); }

TEST(FindRelations, LeaderInApposition) {
  const std::string text =
      "Kim Jong Un, dirigeant supr\xC3\xAAme de la Cor\xC3\xA9"
      "e du Nord, "
      "est venu.";
  EXPECT_EQ(
      Relate(text, {At(text, "T1", "PER", "Kim Jong Un"), At(text, "T2", "LOC",
                                                             "Cor\xC3\xA9"
                                                             "e du Nord")}),
      (std::vector<Relation>{{"leader_of", "T1", "T2"}}));
}

TEST(FindRelations, LeaderNamedAfterTheTitle) {
  const std::string text =
      "Le dirigeant supr\xC3\xAAme de la Cor\xC3\xA9"
      "e du Nord, Kim Jong Un, "
      "a sign\xC3\xA9.";
  EXPECT_EQ(Relate(text, {At(text, "T1", "LOC",
                             "Cor\xC3\xA9"
                             "e du Nord"),
                          At(text, "T2", "PER", "Kim Jong Un")}),
            (std::vector<Relation>{{"leader_of", "T2", "T1"}}));
}

TEST(FindRelations, AnalystAtAnInstituteIsAffiliated) {
  const std::string text =
      "Hong Min, analyste \xC3\xA0 l\xE2\x80\x99Institut cor\xC3\xA9"
      "en "
      "pour la r\xC3\xA9unification nationale, estime que";
  EXPECT_EQ(Relate(text, {At(text, "T1", "PER", "Hong Min"),
                          At(text, "T2", "ORG",
                             "Institut cor\xC3\xA9"
                             "en pour la r\xC3\xA9unification "
                             "nationale")}),
            (std::vector<Relation>{{"affiliated_with", "T1", "T2"}}));
}

TEST(FindRelations, TreatyBetweenTwoCountriesIsAnAlliance) {
  const std::string text =
      "Moscou a ratifi\xC3\xA9 le trait\xC3\xA9 entre la Russie et la "
      "Cor\xC3\xA9"
      "e du Nord.";
  // Moscou is a mention too: only the closest pair is related.
  EXPECT_EQ(Relate(text, {At(text, "T1", "LOC", "Moscou"),
                          At(text, "T2", "LOC", "Russie"),
                          At(text, "T3", "LOC",
                             "Cor\xC3\xA9"
                             "e du Nord")}),
            (std::vector<Relation>{{"allied_with", "T2", "T3"}}));
}

TEST(FindRelations, LeadersSigningAPactAreAllied) {
  const std::string text =
      "Vladimir Poutine et Kim Jong Un ont sign\xC3\xA9 un pacte.";
  EXPECT_EQ(Relate(text, {At(text, "T1", "PER", "Vladimir Poutine"),
                          At(text, "T2", "PER", "Kim Jong Un")}),
            (std::vector<Relation>{{"allied_with", "T1", "T2"}}));
}

TEST(FindRelations, HyphenatedAxis) {
  const std::string text = "l'axe Moscou-Pyongyang se renforce";
  EXPECT_EQ(Relate(text, {At(text, "T1", "LOC", "Moscou"),
                          At(text, "T2", "LOC", "Pyongyang")}),
            (std::vector<Relation>{{"allied_with", "T1", "T2"}}));
}

TEST(FindRelations, TroopsOfOneCountryInAnother) {
  const std::string text =
      "Les troupes de Cor\xC3\xA9"
      "e du Nord en Russie et Pyongyang a "
      "envoy\xC3\xA9 11\xC2\xA0"
      "000 soldats en Ukraine.";
  EXPECT_EQ(Relate(text, {At(text, "T1", "LOC",
                             "Cor\xC3\xA9"
                             "e du Nord"),
                          At(text, "T2", "LOC", "Russie"),
                          At(text, "T3", "LOC", "Pyongyang"),
                          At(text, "T4", "LOC", "Ukraine")}),
            (std::vector<Relation>{{"deployed_to", "T1", "T2"},
                                   {"deployed_to", "T3", "T4"}}));
}

TEST(FindRelations, BodyOfTheRulingParty) {
  const std::string text =
      "La Commission militaire centrale du parti au pouvoir, le Parti des "
      "Travailleurs, a parl\xC3\xA9.";
  EXPECT_EQ(
      Relate(text, {At(text, "T1", "ORG", "Commission militaire centrale"),
                    At(text, "T2", "ORG", "Parti des Travailleurs")}),
      (std::vector<Relation>{{"part_of", "T1", "T2"}}));
}

TEST(FindRelations, PlaceWithinACountry) {
  const std::string text = "\xC3\x80 Koursk, en Russie, les combats";
  EXPECT_EQ(Relate(text, {At(text, "T1", "LOC", "Koursk"),
                          At(text, "T2", "LOC", "Russie")}),
            (std::vector<Relation>{{"part_of", "T1", "T2"}}));
}

TEST(FindRelations, NothingWithoutAStatedRelation) {
  const std::string text =
      "La Russie et la Cor\xC3\xA9"
      "e du Nord ont parl\xC3\xA9. Moscou, "
      "Kim Jong Un.";
  EXPECT_TRUE(Relate(text, {At(text, "T1", "LOC", "Russie"),
                            At(text, "T2", "LOC",
                               "Cor\xC3\xA9"
                               "e du Nord"),
                            At(text, "T3", "LOC", "Moscou"),
                            At(text, "T4", "PER", "Kim Jong Un")})
                  .empty());
}

TEST(FindRelations, NeverAcrossSentences) {
  const std::string text =
      "Il parle d'un trait\xC3\xA9 entre la Russie. Et la Chine aussi.";
  EXPECT_TRUE(Relate(text, {At(text, "T1", "LOC", "Russie"),
                            At(text, "T2", "LOC", "Chine")})
                  .empty());
}

TEST(FindRelations, ArgumentTypesFollowTheLabelSet) {
  // A place cannot be affiliated_with, nor a person deployed_to.
  const std::string text =
      "Moscou, analyste \xC3\xA0 l'OTAN, et les troupes de Kim en Russie.";
  EXPECT_TRUE(
      Relate(text,
             {At(text, "T1", "LOC", "Moscou"), At(text, "T2", "ORG", "OTAN"),
              At(text, "T3", "PER", "Kim"), At(text, "T4", "LOC", "Russie")})
          .empty());
}

TEST(FindRelations, OverlappingMentionsUseTheLongest) {
  const std::string text =
      "un trait\xC3\xA9 entre la Russie et la Cor\xC3\xA9"
      "e du Nord";
  const auto relations = Relate(text, {At(text, "A", "LOC", "Russie"),
                                       At(text, "B", "LOC",
                                          "Cor\xC3\xA9"
                                          "e"),
                                       At(text, "C", "LOC",
                                          "Cor\xC3\xA9"
                                          "e du Nord")});
  EXPECT_EQ(relations, (std::vector<Relation>{{"allied_with", "A", "C"}}));
}

TEST(MergeFlat, LongerSpanWinsThenEarlierList) {
  Mention a{"x", 0, 6, "LOC", "Russie", "russia", std::nullopt};
  Mention b{"y", 0, 6, "ORG", "Russie", "russie", std::nullopt};
  Mention c{"z", 0, 10, "ORG", "Russie Inf", "ri", std::nullopt};
  Mention d{"w", 12, 15, "DATE", "mai", std::nullopt, "XXXX-05"};
  const auto merged = MergeFlat({{a, d}, {b}});
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].type, "LOC");
  EXPECT_EQ(merged[0].id, "T1");
  EXPECT_EQ(merged[1].id, "T2");
  const auto longest = MergeFlat({{a}, {c}});
  ASSERT_EQ(longest.size(), 1u);
  EXPECT_EQ(longest[0].entity, "ri");
}

TEST(RelationsExtractor, RelatesTheMentionsOfGazetteerAndRules) {
  auto extractor = RelationsExtractor::Create({"gazetteer", "rules"});
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const std::string text =
      "Le 9 novembre 2024, les troupes de Cor\xC3\xA9"
      "e du Nord en Russie "
      "\xC3\xA9taient 11\xE2\x80\xAF"
      "000.";
  auto out = (*extractor)->Extract(Document{"d", text});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->mentions.size(), 4u);
  EXPECT_EQ(out->mentions[0].value, "2024-11-09");
  EXPECT_EQ(out->mentions[1].entity, "north_korea");
  EXPECT_EQ(out->mentions[2].entity, "russia");
  EXPECT_EQ(out->mentions[3].value, "11000");
  EXPECT_EQ(out->relations,
            (std::vector<Relation>{
                {"deployed_to", out->mentions[1].id, out->mentions[2].id}}));
  EXPECT_NE((*extractor)->Version().find("gazetteer/1"), std::string::npos);
}

TEST(RelationsExtractor, InAnEnsembleRelatesTheGivenMentionsAndAddsNone) {
  auto extractor = RelationsExtractor::Create({"gazetteer"});
  ASSERT_TRUE(extractor.ok());
  const std::string text =
      "Le trait\xC3\xA9 entre la Russie et la Cor\xC3\xA9"
      "e du Nord.";
  Annotations upstream;
  upstream.mentions = {At(text, "U1", "LOC", "Russie"), At(text, "U2", "LOC",
                                                           "Cor\xC3\xA9"
                                                           "e du Nord")};
  auto out = (*extractor)->ExtractWithUpstream(Document{"d", text}, upstream);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->mentions.empty());
  EXPECT_EQ(out->relations,
            (std::vector<Relation>{{"allied_with", "U1", "U2"}}));
  EXPECT_TRUE(RelationsExtractorInfo().capabilities.uses_upstream);
}

TEST(RelationsExtractor, UnknownUpstreamIsAUsageError) {
  auto extractor = RelationsExtractor::Create({"gazetteer", "tagger"});
  ASSERT_FALSE(extractor.ok());
  EXPECT_EQ(extractor.status().code(), Status::Code::kUsage);
  EXPECT_NE(extractor.status().message().find("tagger"), std::string::npos);
}

}  // namespace
}  // namespace ieval
