// The gazetteer: CLDR names and written lists, longest match on ICU word
// pieces, canonical ids, exact code-point offsets.
#include "ieval/extractors/gazetteer/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/extractor_testing.h"

namespace ieval {
namespace {

using testing::CpOffset;
using testing::Entities;
using testing::Texts;

using Strings = std::vector<std::string>;

class GazetteerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto created = Gazetteer::Create(GazetteerOptions{});
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    gazetteer_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() { delete gazetteer_; }

  static std::vector<Mention> Find(const std::string& text) {
    auto out = gazetteer_->Extract(Document{"d", text});
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? out->mentions : std::vector<Mention>{};
  }

  static Gazetteer* gazetteer_;
};
Gazetteer* GazetteerTest::gazetteer_ = nullptr;

TEST_F(GazetteerTest, CityFromTimeZoneGetsEnglishSlugId) {
  // « Moscou » with NBSP inside the guillemets.
  const std::string text =
      "\xC2\xAB\xC2\xA0Moscou\xC2\xA0\xC2\xBB a r\xC3\xA9pondu.";
  const auto mentions = Find(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 2);
  EXPECT_EQ(mentions[0].end, 8);
  EXPECT_EQ(mentions[0].type, "LOC");
  EXPECT_EQ(mentions[0].entity, "moscow");
  EXPECT_EQ(mentions[0].id, "T1");
}

TEST_F(GazetteerTest, CountryByFrenchCldrName) {
  const std::string text = "La Russie et la Chine.";
  const auto mentions = Find(text);
  ASSERT_EQ(Entities(mentions), (Strings{"russia", "china"}));
  EXPECT_EQ(*mentions[0].text, "Russie");  // the article stays outside
  EXPECT_EQ(mentions[0].start, CpOffset(text, "Russie"));
}

TEST_F(GazetteerTest, LongestMatchWinsForMultiWordNames) {
  const auto mentions = Find(
      "La Cor\xC3\xA9"
      "e du Nord et les \xC3\x89tats-Unis.");
  EXPECT_EQ(Texts(mentions), (Strings{"Cor\xC3\xA9"
                                      "e du Nord",
                                      "\xC3\x89tats-Unis"}));
  EXPECT_EQ(Entities(mentions), (Strings{"north_korea", "united_states"}));
}

TEST_F(GazetteerTest, AcronymAfterElidedArticleWithTypographicApostrophe) {
  const std::string text = "Le chef de l\xE2\x80\x99OTAN et de l'ONU.";
  const auto mentions = Find(text);
  ASSERT_EQ(Entities(mentions), (Strings{"nato", "un"}));
  EXPECT_EQ(*mentions[0].text, "OTAN");
  EXPECT_EQ(mentions[0].start, CpOffset(text, "OTAN"));
  EXPECT_EQ(mentions[0].type, "ORG");
}

TEST_F(GazetteerTest, ApostropheStylesMatchTheSameName) {
  for (const std::string apostrophe : {"'", "\xE2\x80\x99"}) {
    EXPECT_EQ(Entities(Find("La C\xC3\xB4te d" + apostrophe + "Ivoire.")),
              Strings{"cote_d_ivoire"})
        << apostrophe;
  }
}

TEST_F(GazetteerTest, HeadlineCapitalsAndMissingAccentsStillMatch) {
  EXPECT_EQ(Entities(Find("LA RUSSIE ET LES ETATS-UNIS")),
            (Strings{"russia", "united_states"}));
}

TEST_F(GazetteerTest, LaterCapitalsOfAListedNameMustBeKept) {
  EXPECT_TRUE(Find("Le monde entier regarde.").empty());  // not Le Monde
  EXPECT_EQ(
      Entities(Find("ORGANISATION DU TRAIT\xC3\x89 DE L'ATLANTIQUE NORD")),
      Strings{"nato"});
}

TEST_F(GazetteerTest, DemonymsAreNeverMentions) {
  EXPECT_TRUE(Find("Les soldats nord-cor\xC3\xA9"
                   "ens et russes.")
                  .empty());
  EXPECT_TRUE(Find("Les Nord-Cor\xC3\xA9"
                   "ens et les Russes.")
                  .empty());
  EXPECT_TRUE(Find("un diplomate fran\xC3\xA7"
                   "ais et chinois")
                  .empty());
}

TEST_F(GazetteerTest, LowerCaseWordsDoNotMatchCapitalisedNames) {
  // "nice", "grenade" and "onu" are not Nice, Grenada or the UN.
  EXPECT_TRUE(Find("une grenade et un temps nice, onu").empty());
}

TEST_F(GazetteerTest, StopListedGivenNamesAreNotPlaces) {
  EXPECT_TRUE(Find("Maurice et Dominique sont venus.").empty());
}

TEST_F(GazetteerTest, HyphenatedPairGivesTwoMentions) {
  EXPECT_EQ(Entities(Find("le sommet Chine-Russie")),
            (Strings{"china", "russia"}));
}

TEST_F(GazetteerTest, ArticleInsideTheNameIsKeptAndDroppedAfterAu) {
  const auto with_article = Find("Le Caire a r\xC3\xA9pondu.");
  EXPECT_EQ(Texts(with_article), Strings{"Le Caire"});
  EXPECT_EQ(Entities(with_article), Strings{"cairo"});
  EXPECT_EQ(Texts(Find("Il est au Caire.")), Strings{"Caire"});
}

TEST_F(GazetteerTest, ContinentsRegionsAndWrittenPlaces) {
  EXPECT_EQ(Entities(Find("L'Europe, l'Asie et l'Extr\xC3\xAAme-Orient.")),
            (Strings{"europe", "asia", "far_east"}));
}

TEST_F(GazetteerTest, OrganisationsAndStateBodiesFromWrittenLists) {
  const auto mentions = Find(
      "Le Kremlin, l'AIEA et l'Organisation du trait\xC3\xA9 de "
      "l'Atlantique nord.");
  ASSERT_EQ(Entities(mentions), (Strings{"kremlin", "iaea", "nato"}));
  EXPECT_EQ(mentions[2].type, "ORG");
}

TEST_F(GazetteerTest, EnglishNamesShareTheFrenchId) {
  EXPECT_EQ(Entities(Find("North Korea and Moscow")),
            (Strings{"north_korea", "moscow"}));
}

TEST_F(GazetteerTest, ExtractIsThreadSafe) {
  const std::string text =
      "Moscou, P\xC3\xA9kin et Washington parlent \xC3\xA0 l'ONU de la "
      "Cor\xC3\xA9"
      "e du Nord.";
  const auto serial =
      testing::ExpectSameAnswerOnEveryThread([&] { return Find(text); });
  EXPECT_EQ(serial.size(), 5u);
}

TEST(GazetteerOptions, CaseSensitiveRejectsCapitalisedVariants) {
  GazetteerOptions options;
  options.case_sensitive = true;
  auto gazetteer = Gazetteer::Create(options);
  ASSERT_TRUE(gazetteer.ok());
  auto out = (*gazetteer)->Extract(Document{"d", "RUSSIE et Russie"});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->mentions.size(), 1u);
  EXPECT_EQ(out->mentions[0].start, 10);
  EXPECT_NE((*gazetteer)->Version().find("case-sensitive"), std::string::npos);
}

TEST(GazetteerOptions, ListsSelectsSources) {
  GazetteerOptions options;
  options.lists = "organisations";
  auto gazetteer = Gazetteer::Create(options);
  ASSERT_TRUE(gazetteer.ok());
  auto out = (*gazetteer)->Extract(Document{"d", "Moscou et l'OTAN"});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(Entities(out->mentions), Strings{"nato"});
}

TEST(GazetteerOptions, UnknownListIsAUsageErrorListingTheKnownOnes) {
  GazetteerOptions options;
  options.lists = "cldr-countries,planets";
  auto gazetteer = Gazetteer::Create(options);
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.status().code(), Status::Code::kUsage);
  EXPECT_NE(gazetteer.status().message().find("planets"), std::string::npos);
  EXPECT_NE(gazetteer.status().message().find("organisations"),
            std::string::npos);
}

std::string TempDir(const std::string& name) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("ieval_gazetteer_" + name + "_" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

TEST(GazetteerOptions, DataDirReplacesTheEmbeddedLists) {
  const std::string dir = TempDir("ok");
  std::ofstream(dir + "/mine.tsv")
      << "# a comment\nzorglub_city\tLOC\tZorglubville|Zorglub City\n";
  GazetteerOptions options;
  options.data_dir = dir;
  options.lists = "mine";
  auto gazetteer = Gazetteer::Create(options);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  auto out = (*gazetteer)->Extract(Document{"d", "De Zorglubville au Kremlin"});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(Entities(out->mentions), Strings{"zorglub_city"});
  std::filesystem::remove_all(dir);
}

TEST(GazetteerOptions, BadListLineNamesFileAndLine) {
  const std::string dir = TempDir("bad");
  std::ofstream(dir + "/bad.tsv") << "ok_id\tLOC\tOkville\nBad Id\tLOC\tX\n";
  GazetteerOptions options;
  options.data_dir = dir;
  auto gazetteer = Gazetteer::Create(options);
  ASSERT_FALSE(gazetteer.ok());
  EXPECT_EQ(gazetteer.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(gazetteer.status().ToString().find("bad.tsv:2"), std::string::npos)
      << gazetteer.status().ToString();
  std::filesystem::remove_all(dir);
}

TEST(GazetteerOptions, VersionNamesCldrAndDataHash) {
  auto gazetteer = Gazetteer::Create(GazetteerOptions{});
  ASSERT_TRUE(gazetteer.ok());
  const std::string version = (*gazetteer)->Version();
  EXPECT_EQ(version.rfind("gazetteer/1 icu-", 0), 0u) << version;
  EXPECT_NE(version.find(" cldr-"), std::string::npos);
  EXPECT_NE(version.find(" data-"), std::string::npos);
  EXPECT_GT((*gazetteer)->phrase_count(), 1000u);
}

}  // namespace
}  // namespace ieval
