#include "ieval/extractors/variants.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ieval/extractors/builtin.h"
#include "testing/cli_runner.h"
#include "testing/shipped.h"
#include "testing/test_extractors.h"

namespace ieval {
namespace {

using ::testing::HasSubstr;

class VariantsTest : public ::testing::Test {
 protected:
  Result<VariantSet> LoadText(const std::string& json) {
    dir_ = testing::MakeTempDir("variants");
    path_ = dir_ + "/variants.json";
    testing::WriteText(path_, json);
    return VariantSet::Load(path_, registry_);
  }
  ExtractorRegistry registry_ = testing::TestRegistry();
  std::string dir_, path_;
};

TEST_F(VariantsTest, ReadsNamesExtractorsOptionsAndDescriptions) {
  auto set = LoadText(R"({"variants": [
    {"name": "a", "extractor": "fixed", "options": {"spans": "0-1:PER",
     "weight": 2.5}, "description": "first"},
    {"name": "b", "extractor": "external",
     "options": {"command": ["python3", "x.py"], "timeout": 3}}]})");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->variants().size(), 2u);
  EXPECT_EQ(set->Find("a")->description, "first");
  EXPECT_EQ(set->Find("a")->options.at("weight"), "2.5");
  EXPECT_EQ(set->Find("b")->options.at("command"), R"(["python3","x.py"])");
  EXPECT_EQ(set->Find("b")->options.at("timeout"), "3");
  EXPECT_EQ(set->InfoOf("b")->name, "external");
}

TEST_F(VariantsTest, RelativePathsAreTakenFromTheFileFolderWhenTheyExist) {
  auto set = LoadText(R"({"variants": [
    {"name": "a", "extractor": "external", "options": {"command": "cat",
     "cwd": "."}},
    {"name": "b", "extractor": "plugin", "options": {"path": "libx.so"}}]})");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->Find("a")->options.at("cwd"), dir_);
  EXPECT_EQ(set->Find("b")->options.at("path"), "libx.so");
}

TEST_F(VariantsTest, UnknownExtractorNamesTheFileAndTheVariant) {
  auto set = LoadText(R"({"variants": [{"name": "v", "extractor": "nope"}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), Status::Code::kInvalidInput);
  EXPECT_THAT(set.status().ToString(),
              HasSubstr(path_ + ": variant 'v': unknown extractor 'nope'"));
}

TEST_F(VariantsTest, UnknownOptionNamesTheVariantAndTheOptions) {
  auto set = LoadText(
      R"({"variants": [{"name": "v", "extractor": "fixed", "options": {"x": 1}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(),
              HasSubstr("variant 'v': extractor 'fixed' has no option 'x' "
                        "(options: spans, weight"));
}

TEST_F(VariantsTest, MembersMustBeVariantsOfTheFile) {
  auto set = LoadText(R"({"variants": [{"name": "e", "extractor": "ensemble",
     "options": {"members": ["ghost"]}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(),
              HasSubstr("names variant 'ghost', which is not defined"));
}

TEST_F(VariantsTest, CyclesAreRefused) {
  auto set = LoadText(R"({"variants": [
    {"name": "a", "extractor": "ensemble", "options": {"members": "b"}},
    {"name": "b", "extractor": "ensemble", "options": {"members": "a"}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("cycle: a -> b -> a"));
}

TEST_F(VariantsTest, DuplicateNamesAreRefused) {
  auto set = LoadText(R"({"variants": [{"name": "a", "extractor": "fixed"},
                                       {"name": "a", "extractor": "fixed"}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("variant 'a': defined twice"));
}

TEST_F(VariantsTest, InvalidJsonIsReported) {
  auto set = LoadText(R"({"variants": [)");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("invalid JSON"));
}

TEST_F(VariantsTest, WrongTypesNameTheJsonPathAndTheVariant) {
  auto set = LoadText(R"({"variants": [{"name": "a", "extractor": "fixed"},
    {"name": "b", "extractor": "external", "options": {"timeout": {}}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().ToString(),
            path_ +
                ": variant 'b': $.variants[1].options.timeout: expected a "
                "number, not an object");
}

TEST_F(VariantsTest, AFloatIsNotAnInteger) {
  auto set = LoadText(R"({"variants": [{"name": "b", "extractor": "external",
    "options": {"command": "cat", "processes": 1.5}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(),
              HasSubstr("$.variants[0].options.processes: expected an "
                        "integer, not 1.5"));
}

TEST_F(VariantsTest, AnOptionBelowItsMinimumIsRefusedWhenTheFileIsRead) {
  auto set = LoadText(R"({"variants": [{"name": "b", "extractor": "external",
    "options": {"command": "cat", "processes": 0}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(),
              HasSubstr("variant 'b': option 'processes' of extractor "
                        "'external' must be ≥ 1, not '0'"));
}

TEST_F(VariantsTest, AMisspeltKeyIsAnErrorNotAVariantWithDefaults) {
  auto set = LoadText(R"({"variants": [{"name": "b", "extractor": "fixed",
    "optons": {"weight": 2}}]})");
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(),
              HasSubstr("variant 'b': $.variants[0]: unknown key \"optons\""));
}

TEST_F(VariantsTest, DeepNestingIsAnErrorNotACrash) {
  auto set = LoadText(R"({"variants": )" + std::string(300000, '['));
  ASSERT_FALSE(set.ok());
  EXPECT_THAT(set.status().message(), HasSubstr("nested deeper than 512"));
}

TEST_F(VariantsTest, MissingRequirementStaysUnavailableThroughAnEnsemble) {
  auto set = LoadText(R"({"variants": [
    {"name": "ext", "extractor": "external", "options": {"command": "cat",
     "requires": "no-such-program-ieval", "hint": "install it"}},
    {"name": "both", "extractor": "ensemble", "options": {"members": "ext"}}]})");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  auto created = set->Create("both");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), Status::Code::kUnavailable);
  EXPECT_EQ(created.status().message(),
            "variant 'both': variant 'ext': needs the program "
            "'no-such-program-ieval', which is not on PATH; install it");
}

TEST_F(VariantsTest, UnknownVariantListsTheVariants) {
  auto set = LoadText(R"({"variants": [{"name": "a", "extractor": "fixed"}]})");
  ASSERT_TRUE(set.ok());
  auto created = set->Create("zz");
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.status().message(),
              HasSubstr("no variant 'zz' (variants: a)"));
}

TEST(ShippedVariants, LoadWithTheBuiltinExtractors) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  auto set =
      VariantSet::Load(IEVAL_SOURCE_DIR "/extractors/variants.json", registry);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_NE(set->Find("acronyms"), nullptr);
  EXPECT_NE(set->Find("recognizers_fr"), nullptr);
  EXPECT_NE(set->Find("compromise_fr"), nullptr);
}

}  // namespace
}  // namespace ieval
