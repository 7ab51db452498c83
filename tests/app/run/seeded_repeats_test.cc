// SeededRepeats: repeat r of a variant with an integer "seed" option is
// created with seed + r; other variants as in repeat 0.
#include "ieval/run/seeded_repeats.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace ieval {
namespace {

// Says its seed as its version.
class SeededExtractor : public Extractor {
 public:
  explicit SeededExtractor(int64_t seed) : seed_(seed) {}
  std::string Name() const override { return "seeded"; }
  std::string Version() const override {
    return "seed " + std::to_string(seed_);
  }
  Result<Annotations> Extract(const Document&) const override {
    return Annotations{};
  }

 private:
  int64_t seed_;
};

ExtractorRegistry SeededRegistry() {
  ExtractorRegistry registry;
  ExtractorInfo info;
  info.name = "seeded";
  info.description = "a test extractor with a seed";
  info.options = {{"seed", "int", "1", "the seed of its draws"}};
  info.create =
      [](const OptionValues& o) -> Result<std::unique_ptr<Extractor>> {
    const int64_t seed = IntOption(o, "seed");
    if (seed == 9) return Status::Unavailable("no model for seed 9");
    return std::unique_ptr<Extractor>(new SeededExtractor(seed));
  };
  EXPECT_TRUE(registry.Register(info).ok());
  return registry;
}

TEST(SeededRepeats, OffsetsAnIntegerSeedByTheRepeat) {
  const ExtractorRegistry registry = SeededRegistry();
  auto set =
      VariantSet::FromSpecs({{"with_seed", "seeded", {{"seed", "5"}}, ""},
                             {"without", "seeded", {}, ""}},
                            registry, "test");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const RepeatFactory create = SeededRepeats(registry, *set);
  VariantToRun with_seed;
  with_seed.name = "with_seed";
  std::string offset;
  auto r2 = create(with_seed, 2, &offset);
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_EQ((*r2)->Version(), "seed 7");
  EXPECT_EQ(offset, "seed");

  VariantToRun without;
  without.name = "without";
  std::string none;
  auto plain = create(without, 2, &none);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)->Version(), "seed 1");  // the default, not offset
  EXPECT_EQ(none, "");
}

TEST(SeededRepeats, AMissingRequirementStaysUnavailableNamingTheSeed) {
  const ExtractorRegistry registry = SeededRegistry();
  auto set = VariantSet::FromSpecs(
      {{"with_seed", "seeded", {{"seed", "5"}}, ""}}, registry, "test");
  ASSERT_TRUE(set.ok());
  VariantToRun v;
  v.name = "with_seed";
  std::string offset;
  auto r4 = SeededRepeats(registry, *set)(v, 4, &offset);
  ASSERT_FALSE(r4.ok());
  EXPECT_EQ(r4.status().code(), Status::Code::kUnavailable);
  EXPECT_NE(r4.status().message().find("variant 'with_seed' (seed 9)"),
            std::string::npos)
      << r4.status().message();
}

}  // namespace
}  // namespace ieval
