// The shipped model (model/fr-news.ietag) on short French sentences it must
// get right and words it must never tag; exact offsets with « », U+00A0 and
// ’; thread safety; the registry entry (tagger.h). The sentences are ours,
// not from the gold articles.
#include <gtest/gtest.h>

#include <filesystem>

#include "ieval/extractors/builtin.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/tagger/tagger.h"
#include "testing/extractor_testing.h"
#include "testing/shipped.h"

namespace ieval::tagger {
namespace {

class ShippedModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Tagger::Load(testing::ShippedBuiltinPaths().tagger_model);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(*t).release();
  }
  static void TearDownTestSuite() { delete tagger_; }

  // "TYPE:text@start" for each mention.
  static std::vector<std::string> Tag(const std::string& text) {
    auto out = tagger_->Extract({"t", text});
    EXPECT_TRUE(out.ok());
    std::vector<std::string> got;
    for (const Mention& m : out->mentions)
      got.push_back(m.type + ":" + *m.text + "@" + std::to_string(m.start));
    return got;
  }

  static Tagger* tagger_;
};
Tagger* ShippedModel::tagger_ = nullptr;

using Tags = std::vector<std::string>;

TEST_F(ShippedModel, TagsAPresidentAndACity) {
  EXPECT_EQ(
      Tag("Le pr\xC3\xA9sident Emmanuel Macron est arriv\xC3\xA9 \xC3\xA0 "
          "Paris mardi."),
      (Tags{"PER:Emmanuel Macron@13", "LOC:Paris@42"}));
}

TEST_F(ShippedModel, TagsPeopleAndPlacesOfASimpleSentence) {
  EXPECT_EQ(Tag("Marie Curie est n\xC3\xA9"
                "e \xC3\xA0 Varsovie."),
            (Tags{"PER:Marie Curie@0", "LOC:Varsovie@22"}));
  EXPECT_EQ(Tag("Le ministre a rencontr\xC3\xA9 Jean Dupont \xC3\xA0 Lyon."),
            (Tags{"PER:Jean Dupont@24", "LOC:Lyon@38"}));
}

TEST_F(ShippedModel, NeverTagsDemonyms) {
  for (const std::string text : {
           "Un diplomate russe a \xC3\xA9t\xC3\xA9 expuls\xC3\xA9.",
           "Les soldats nord-cor\xC3\xA9"
           "ens sont arriv\xC3\xA9s.",
           "Le gouvernement nord-cor\xC3\xA9"
           "en a r\xC3\xA9pondu.",
           "Le pr\xC3\xA9sident russe a parl\xC3\xA9 avec son homologue "
           "nord-cor\xC3\xA9"
           "en.",
           "Il parle russe.",
       }) {
    EXPECT_EQ(Tag(text), Tags{}) << text;
  }
  // The demonym stays untagged next to a name that is tagged.
  EXPECT_EQ(Tag("La d\xC3\xA9l\xC3\xA9gation nord-cor\xC3\xA9"
                "enne a "
                "quitt\xC3\xA9 Moscou."),
            (Tags{"LOC:Moscou@37"}));
}

TEST_F(ShippedModel, OffsetsAreExactAfterGuillemetsAndNbsp) {
  // "« Nous partons », a dit Emmanuel Macron." with U+00A0 inside « ».
  EXPECT_EQ(Tag("\xC2\xAB\xC2\xA0Nous partons\xC2\xA0\xC2\xBB, a dit "
                "Emmanuel Macron."),
            (Tags{"PER:Emmanuel Macron@24"}));
}

TEST_F(ShippedModel, OffsetsAreExactAfterTypographicApostrophe) {
  // "l’Allemagne": the name starts after U+2019, one code point.
  EXPECT_EQ(
      Tag("Selon le pr\xC3\xA9sident Emmanuel Macron, l\xE2\x80\x99"
          "Allemagne et la France sont d\xE2\x80\x99"
          "accord."),
      (Tags{"PER:Emmanuel Macron@19", "LOC:Allemagne@38", "LOC:France@54"}));
}

TEST_F(ShippedModel, IsThreadSafe) {
  const Document doc{"t",
                     "Le pr\xC3\xA9sident Emmanuel Macron est arriv\xC3\xA9 "
                     "\xC3\xA0 Paris.\nMarie Curie est n\xC3\xA9"
                     "e \xC3\xA0 "
                     "Varsovie."};
  testing::ExpectSameAnswerOnEveryThread([&] { return *tagger_->Extract(doc); },
                                         50);
}

TEST_F(ShippedModel, VersionNamesTheModelFile) {
  EXPECT_EQ(tagger_->Version().rfind("f1-", 0), 0u) << tagger_->Version();
  EXPECT_NE(tagger_->Version().find(tagger_->model().fingerprint),
            std::string::npos);
}

TEST(Cc0Model, LoadsAndTagsAPersonAndACity) {
  // The alternative model trained on CC0 data only, beside the default.
  const std::string path =
      (std::filesystem::path(testing::ShippedBuiltinPaths().tagger_model)
           .parent_path() /
       "fr-news-cc0.ietag")
          .string();
  auto tagger = Tagger::Load(path);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto out = (*tagger)->Extract({"t",
                                 "Marie Curie est n\xC3\xA9"
                                 "e \xC3\xA0 Varsovie."});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->mentions.size(), 2u);
  EXPECT_EQ(out->mentions[0].type, "PER");
  EXPECT_EQ(out->mentions[1].type, "LOC");
  EXPECT_EQ(*out->mentions[1].text, "Varsovie");
}

TEST(TaggerRegistry, CreatesTheTaggerWithOptionalTypes) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  auto tagger = registry.Create("tagger", {{"types", "LOC"}});
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto out = (*tagger)->Extract(
      {"t",
       "Le pr\xC3\xA9sident Emmanuel Macron est arriv\xC3\xA9 \xC3\xA0 "
       "Paris mardi."});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->mentions.size(), 1u);
  EXPECT_EQ(out->mentions[0].type, "LOC");
}

TEST(TaggerRegistry, MissingModelFileIsAnErrorNamingIt) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  auto tagger = registry.Create("tagger", {{"model", "/no/such/model.ietag"}});
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().ToString().find("/no/such/model.ietag"),
            std::string::npos);
}

TEST(TaggerRegistry, UnknownTypeIsAUsageError) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  auto tagger = registry.Create("tagger", {{"types", "DATE"}});
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().code(), Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval::tagger
