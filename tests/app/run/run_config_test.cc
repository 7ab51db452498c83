// The run config: defaults, paths relative to the file, checks.
#include "ieval/run/run_config.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/cli_runner.h"
#include "testing/shipped.h"

namespace ieval {
namespace {

std::string Write(const std::string& name, const std::string& content) {
  const std::string dir = testing::MakeTempDir("run_config_" + name);
  testing::WriteText(dir + "/run.json", content);
  return dir + "/run.json";
}

TEST(RunConfig, EmptyObjectGivesTheDefaults) {
  auto c = LoadRunConfig(Write("empty", "{}"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->jobs, 1);
  EXPECT_EQ(c->repeats, 1);
  EXPECT_EQ(c->statistics.unit, "document");
  EXPECT_EQ(c->statistics.bootstrap.resamples, 1000);
  EXPECT_EQ(c->statistics.metrics.front(), "entities.strict");
  EXPECT_TRUE(c->variants.empty());
}

TEST(RunConfig, RelativePathsAreTakenFromTheConfigsFolder) {
  const std::string path =
      Write("paths", R"({"gold": "g/docs", "variants_file": "v.json"})");
  auto c = LoadRunConfig(path);
  ASSERT_TRUE(c.ok());
  const auto dir = std::filesystem::path(path).parent_path();
  EXPECT_EQ(c->gold, (dir / "g/docs").string());
  EXPECT_EQ(c->variants_file, (dir / "v.json").string());
}

TEST(RunConfig, RelativePathsLeaveTheConfigsFolderOnlyWithinTheBoundary) {
  const std::string path =
      Write("escape", R"({"gold": "../g/docs", "variants_file": "v.json"})");
  auto refused = LoadRunConfig(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find(
                "the relative path \"../g/docs\" leaves the config's folder"),
            std::string::npos)
      << refused.status().ToString();
  const auto parent = std::filesystem::path(path).parent_path().parent_path();
  auto c = LoadRunConfig(path, parent.string());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const auto dir = std::filesystem::path(path).parent_path();
  EXPECT_EQ(c->gold, (dir.parent_path() / "g/docs").string());
  EXPECT_EQ(c->variants_file, (dir / "v.json").string());
}

TEST(RunConfig, AConfigNamedWithoutAFolderIsInTheCurrentOne) {
  const std::string path = Write("bare", R"({"variants_file": "v.json"})");
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(std::filesystem::path(path).parent_path());
  auto c = LoadRunConfig(std::filesystem::path(path).filename().string());
  std::filesystem::current_path(before);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->variants_file, "v.json");
}

TEST(RunConfig, ReadsEverySetting) {
  auto c = LoadRunConfig(Write("all", R"({
    "variants": ["a", "b"], "jobs": 3, "repeats": 5,
    "scoring": {"min_overlap": 0.5, "types": ["PER"], "map": {"PERSON": "PER"},
                "max_examples": 4},
    "statistics": {"unit": "sentence", "resamples": 50, "confidence": 0.9,
                   "seed": 7, "alpha": 0.01, "metrics": ["entities.type.PER"]},
    "report": {"viewer_documents": 3}})"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->variants, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c->jobs, 3);
  EXPECT_EQ(c->repeats, 5);
  EXPECT_EQ(c->scoring.min_overlap, 0.5);
  EXPECT_EQ(c->scoring.type_map.at("PERSON"), "PER");
  EXPECT_EQ(c->scoring.max_examples, 4);
  EXPECT_EQ(c->statistics.unit, "sentence");
  EXPECT_EQ(c->statistics.bootstrap.seed, 7u);
  EXPECT_EQ(c->statistics.alpha, 0.01);
  EXPECT_EQ(c->viewer_documents, 3);
}

TEST(RunConfig, RepeatsOutOfRangeAreNamed) {
  auto zero = LoadRunConfig(Write("repeats", R"({"repeats": 0})"));
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("$.repeats"), std::string::npos)
      << zero.status().message();
}

TEST(RunConfig, UnknownKeyIsNamed) {
  auto c = LoadRunConfig(Write("typo", R"({"statistics": {"resample": 5}})"));
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(),
            "$.statistics: unknown key \"resample\" (known: alpha, "
            "confidence, metrics, resamples, seed, unit, unit_counts)");
}

TEST(RunConfig, WrongTypeAndRangeAreNamed) {
  auto type = LoadRunConfig(Write("type", R"({"jobs": "two"})"));
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.status().message(),
            "$.jobs: expected an integer in [1, 4096], not the string \"two\"");
  auto range =
      LoadRunConfig(Write("range", R"({"statistics": {"confidence": 1.5}})"));
  ASSERT_FALSE(range.ok());
  EXPECT_EQ(range.status().message(),
            "$.statistics.confidence: expected a number strictly between 0 "
            "and 1, not 1.5");
}

// A float seed would have been truncated: the run would not be the one the
// config describes.
TEST(RunConfig, AFloatOrNegativeSeedIsRefused) {
  for (const char* seed : {"5489.5", "-1", "1e3"}) {
    auto c = LoadRunConfig(Write(
        "seed", std::string(R"({"statistics": {"seed": )") + seed + "}}"));
    ASSERT_FALSE(c.ok()) << seed;
    EXPECT_EQ(c.status().message(),
              std::string("$.statistics.seed: expected an integer ≥ 0, not ") +
                  (seed == std::string("1e3") ? "1000.0" : seed));
  }
}

TEST(RunConfig, UnknownMetricIsRejected) {
  auto c = LoadRunConfig(
      Write("metric", R"({"statistics": {"metrics": ["entities.fuzzy"]}})"));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("unknown metric"), std::string::npos);
}

TEST(RunConfig, UnitCountsAreUnsetByDefaultAndChecked) {
  auto unset = LoadRunConfig(Write("units_unset", "{}"));
  ASSERT_TRUE(unset.ok());
  EXPECT_FALSE(unset->statistics.unit_counts.has_value());
  auto none = LoadRunConfig(
      Write("units_none", R"({"statistics": {"unit_counts": []}})"));
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->statistics.unit_counts, std::vector<std::string>{});
  auto bad = LoadRunConfig(
      Write("units_bad", R"({"statistics": {"unit_counts": ["token"]}})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("statistics.unit_counts"),
            std::string::npos)
      << bad.status().message();
}

TEST(RunConfig, InvalidJsonNamesTheFile) {
  const std::string path = Write("json", "{");
  auto c = LoadRunConfig(path);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().where().file, path);
}

TEST(RunConfig, ShippedDefaultLoads) {
  // Its paths reach ../gold: inside the shipped files' folder.
  auto c = LoadRunConfig(testing::SourcePath("reports/run.json"),
                         testing::SourcePath(""));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(c->gold)) << c->gold;
}

}  // namespace
}  // namespace ieval
