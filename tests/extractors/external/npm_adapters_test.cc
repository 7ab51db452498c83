// The two npm adapters of extractors/external/ through the shipped variants:
// their offsets (UTF-16, inclusive ends for recognizers) must land on exact
// code points around « », U+00A0, ’ and an emoji (two UTF-16 units).
// Skipped, saying why, when node or the npm packages are absent.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ieval/extractors/builtin.h"
#include "ieval/extractors/run.h"
#include "ieval/extractors/variants.h"
#include "testing/shipped.h"

namespace ieval {
namespace {

using ::testing::Contains;

// The variant, or nullptr after GTEST_SKIP when it cannot run here.
std::unique_ptr<Extractor> Variant(const std::string& name, std::string* why) {
  static ExtractorRegistry registry = [] {
    ExtractorRegistry r;
    RegisterBuiltinExtractors(r, testing::ShippedBuiltinPaths());
    return r;
  }();
  auto set =
      VariantSet::Load(IEVAL_SOURCE_DIR "/extractors/variants.json", registry);
  if (!set.ok()) {
    *why = set.status().ToString();
    return nullptr;
  }
  auto created = set->Create(name);
  if (!created.ok()) {
    *why = created.status().ToString();
    return nullptr;
  }
  return std::move(*created);
}

std::vector<std::string> Found(const Annotations& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.mentions) {
    out.push_back(*m.text + "@" + std::to_string(m.start) + "-" +
                  std::to_string(m.end) + ":" + m.type + "=" +
                  m.value.value_or(""));
  }
  return out;
}

TEST(NpmAdapters, RecognizersFindsFrenchDatesAndNumbersWithTimexValues) {
  std::string why;
  auto e = Variant("recognizers_fr", &why);
  if (!e) GTEST_SKIP() << "recognizers_fr cannot run here: " << why;
  const Document doc{"x",
                     "«\u00A0Kim\u00A0» l’a dit 😀 le 9 novembre 2024 : 10 000 "
                     "soldats, vendredi."};
  auto out = RunExtractor(*e, doc, "recognizers_fr");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const auto found = Found(*out);
  EXPECT_THAT(found, Contains("9 novembre 2024@21-36:DATE=2024-11-09"));
  EXPECT_THAT(found, Contains("10 000@39-45:QUANTITY=10000"));
  EXPECT_THAT(found, Contains("vendredi@55-63:DATE=XXXX-WXX-5"));
}

TEST(NpmAdapters, CompromiseFindsPeopleAndPlaces) {
  std::string why;
  auto e = Variant("compromise_fr", &why);
  if (!e) GTEST_SKIP() << "compromise_fr cannot run here: " << why;
  const Document doc{
      "y",
      "«\u00A0Emmanuel Macron\u00A0» a vu l’équipe à Paris 😀 puis à "
      "Moscou."};
  auto out = RunExtractor(*e, doc, "compromise_fr");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  const auto found = Found(*out);
  EXPECT_THAT(found, Contains("Paris@36-41:LOC="));
  EXPECT_THAT(found, Contains("Moscou@51-57:LOC="));
}

}  // namespace
}  // namespace ieval
