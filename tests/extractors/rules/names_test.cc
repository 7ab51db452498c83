// PER and ORG rules: titles, appositions, organisation head words,
// acronyms, name propagation, and the options.
#include <gtest/gtest.h>

#include "ieval/extractors/rules/rules.h"
#include "testing/extractor_testing.h"
#include "testing/rules_testing.h"

namespace ieval {
namespace {

using testing::CpOffset;
using testing::OfType;
using testing::Rules;
using testing::Texts;
using testing::WithText;

TEST(RulesPersons, TitleStaysOutsideTheName) {
  const std::string text = "M. Sergue\xC3\xAF Lavrov a parl\xC3\xA9.";
  const auto people = OfType(Rules(text), "PER");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(*people[0].text, "Sergue\xC3\xAF Lavrov");
  EXPECT_EQ(people[0].start, CpOffset(text, "Sergue"));
  EXPECT_EQ(people[0].entity, "serguei_lavrov");
}

TEST(RulesPersons, FunctionWithDemonymBeforeTheName) {
  EXPECT_EQ(Texts(OfType(Rules("le dirigeant nord-cor\xC3\xA9"
                               "en Kim "
                               "Jong-un et le pr\xC3\xA9sident russe "
                               "Vladimir Poutine"),
                         "PER")),
            (std::vector<std::string>{"Kim Jong-un", "Vladimir Poutine"}));
}

TEST(RulesPersons, MinisterWithPortfolio) {
  EXPECT_EQ(Texts(OfType(Rules("le ministre des Affaires \xC3\xA9trang\xC3\xA8"
                               "res Sergue\xC3\xAF Lavrov"),
                         "PER")),
            (std::vector<std::string>{"Sergue\xC3\xAF Lavrov"}));
}

TEST(RulesPersons, TitleOfABodyBeforeAComma) {
  EXPECT_EQ(Texts(OfType(Rules("le porte-parole du Kremlin, Dmitri Peskov, "
                               "a dit"),
                         "PER")),
            (std::vector<std::string>{"Dmitri Peskov"}));
}

TEST(RulesPersons, TitleInAppositionAfterTheName) {
  EXPECT_EQ(
      Texts(OfType(Rules("Hong Min, analyste \xC3\xA0 l'Institut"), "PER")),
      (std::vector<std::string>{"Hong Min"}));
}

TEST(RulesPersons, SecondTitleAfterACommaIntroducesTheName) {
  EXPECT_EQ(
      Texts(OfType(Rules("le maire, M. Foureau, vendait du bois"), "PER")),
      (std::vector<std::string>{"Foureau"}));
}

TEST(RulesPersons, InitialInsideAName) {
  EXPECT_EQ(Texts(OfType(Rules("le pr\xC3\xA9sident George W. Bush"), "PER")),
            (std::vector<std::string>{"George W. Bush"}));
}

TEST(RulesPersons, SentenceOpeningAdverbBeforeAnAppositionIsNoName) {
  EXPECT_TRUE(
      OfType(Rules("Il attendit. Enfin, un chef de division vint."), "PER")
          .empty());
}

TEST(RulesPersons, LaterSurnameGetsTheFullNamesId) {
  const auto people =
      OfType(Rules("M. Kim Jong Un est arriv\xC3\xA9. Kim a sign\xC3\xA9. "
                   "Kim Jong-un aussi."),
             "PER");
  ASSERT_EQ(people.size(), 3u);
  EXPECT_EQ(*people[1].text, "Kim");
  for (const Mention& m : people) EXPECT_EQ(m.entity, "kim_jong_un");
}

TEST(RulesPersons, NoNameAfterTheTitleNoPerson) {
  EXPECT_TRUE(OfType(Rules("le pr\xC3\xA9sident de la Russie et le "
                           "pr\xC3\xA9sident russe ont parl\xC3\xA9"),
                     "PER")
                  .empty());
}

TEST(RulesOrganisations, HeadWordWithAdjectivesStopsBeforeADescription) {
  const auto orgs = OfType(
      Rules("La Commission militaire centrale du parti au pouvoir, le Parti "
            "des Travailleurs, a sal\xC3\xA9 l'Institut cor\xC3\xA9"
            "en pour "
            "la r\xC3\xA9unification nationale."),
      "ORG");
  EXPECT_EQ(Texts(orgs),
            (std::vector<std::string>{"Commission militaire centrale",
                                      "Parti des Travailleurs",
                                      "Institut cor\xC3\xA9"
                                      "en pour la r\xC3\xA9unification "
                                      "nationale"}));
  EXPECT_EQ(orgs[1].entity, "parti_des_travailleurs");
}

TEST(RulesOrganisations, NestedPlaceStaysInsideTheOrganisation) {
  EXPECT_EQ(Texts(OfType(Rules("le Conseil de la F\xC3\xA9"
                               "d\xC3\xA9ration "
                               "de Russie a vot\xC3\xA9"),
                         "ORG")),
            (std::vector<std::string>{"Conseil de la F\xC3\xA9"
                                      "d\xC3\xA9ration de Russie"}));
}

TEST(RulesOrganisations, LowerCaseUniversiteWithPlace) {
  EXPECT_EQ(
      Texts(OfType(Rules("un chercheur de l'universit\xC3\xA9 d'Oslo"), "ORG")),
      (std::vector<std::string>{"universit\xC3\xA9 d'Oslo"}));
}

TEST(RulesOrganisations, HeadWordAloneIsNotAnOrganisation) {
  EXPECT_TRUE(OfType(Rules("Le Conseil a d\xC3\xA9"
                           "cid\xC3\xA9."),
                     "ORG")
                  .empty());
}

TEST(RulesOrganisations, AcronymOutsideHeadlines) {
  const auto orgs =
      OfType(Rules("selon l'agence KCNA (YONHAP) et l'OTAN"), "ORG");
  EXPECT_EQ(Texts(orgs), (std::vector<std::string>{"KCNA", "YONHAP", "OTAN"}));
  EXPECT_EQ(orgs[0].entity, "kcna");
}

TEST(RulesOrganisations, AllCapsHeadlineWordsAreNotAcronyms) {
  EXPECT_TRUE(OfType(Rules("LA RUSSIE ENVOIE DES TROUPES"), "ORG").empty());
}

TEST(RulesOrganisations, CountryAcronymsAndRomanNumeralsAreNotOrganisations) {
  EXPECT_TRUE(OfType(Rules("l'URSS, les USA et Elizabeth II"), "ORG").empty());
}

TEST(RulesDemonyms, NeverFire) {
  EXPECT_TRUE(Rules("les soldats nord-cor\xC3\xA9"
                    "ens et russes, les "
                    "Nord-Cor\xC3\xA9"
                    "ens")
                  .empty());
}

TEST(RulesOptions, TypesRestrictsOutput) {
  RulesOptions options;
  options.types = {"DATE"};
  auto rules = RulesExtractor::Create(options);
  ASSERT_TRUE(rules.ok());
  auto out = (*rules)->Extract(
      Document{"d", "M. Kim a envoy\xC3\xA9 11 000 soldats le 9 novembre."});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->mentions.size(), 1u);
  EXPECT_EQ(out->mentions[0].type, "DATE");
}

TEST(RulesOptions, UnknownTypeIsAUsageError) {
  auto types = ParseRuleTypes("DATE,LOC");
  ASSERT_FALSE(types.ok());
  EXPECT_EQ(types.status().code(), Status::Code::kUsage);
  EXPECT_NE(types.status().message().find("LOC"), std::string::npos);
}

TEST(RulesOptions, NoPropagationLeavesLoneSurnames) {
  RulesOptions options;
  options.propagate_names = false;
  auto rules = RulesExtractor::Create(options);
  ASSERT_TRUE(rules.ok());
  auto out = (*rules)->Extract(
      Document{"d", "M. Kim Jong Un est venu. Kim a sign\xC3\xA9."});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(OfType(out->mentions, "PER").size(), 1u);
}

}  // namespace
}  // namespace ieval
