#include "ieval/extractors/registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "ieval/extractors/builtin.h"
#include "testing/shipped.h"
#include "testing/test_extractors.h"

namespace ieval {
namespace {

using ::testing::HasSubstr;

TEST(Registry, BuiltinsAreRegistered) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  for (const char* name : {"external", "plugin", "ensemble"})
    EXPECT_NE(registry.Find(name), nullptr) << name;
}

TEST(Registry, RegisteringANameTwiceFails) {
  ExtractorRegistry registry = testing::TestRegistry();
  ExtractorInfo again = *registry.Find("fixed");
  EXPECT_EQ(registry.Register(again).code(), Status::Code::kInternal);
}

TEST(Registry, UnknownExtractorListsTheKnownOnes) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto created = registry.Create("nope", {});
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), Status::Code::kUsage);
  EXPECT_THAT(created.status().message(),
              HasSubstr("unknown extractor 'nope' (known: external, plugin"));
}

TEST(Registry, UnknownOptionListsTheOptions) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto created = registry.Create("fixed", {{"spams", "0-1:PER"}});
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.status().message(),
              HasSubstr("has no option 'spams' (options: spans, weight"));
}

TEST(Registry, ValueOfTheWrongTypeIsRefused) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto created = registry.Create("fixed", {{"weight", "heavy"}});
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(
      created.status().message(),
      HasSubstr("option 'weight' of extractor 'fixed' must be a double"));
}

TEST(Registry, ValueBelowTheMinimumIsRefused) {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  for (const auto& [option, value, message] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"processes", "0", "must be ≥ 1, not '0'"},
           {"timeout", "0", "must be > 0, not '0'"},
           {"timeout", "-2.5", "must be > 0, not '-2.5'"}}) {
    auto values =
        registry.Resolve("external", {{"command", "cat"}, {option, value}});
    ASSERT_FALSE(values.ok()) << option << "=" << value;
    EXPECT_EQ(values.status().code(), Status::Code::kUsage);
    EXPECT_THAT(values.status().message(),
                HasSubstr("option '" + option + "' of extractor 'external' " +
                          message));
  }
  EXPECT_TRUE(registry.Resolve("external", {{"processes", "1"}}).ok());
}

TEST(Registry, ResolveFillsInDefaults) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto values = registry.Resolve("fixed", {{"spans", "0-1:PER"}});
  ASSERT_TRUE(values.ok());
  EXPECT_EQ(values->at("weight"), "1");
  EXPECT_EQ(values->at("spans"), "0-1:PER");
}

TEST(Registry, OpenOptionsArePassedThrough) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto values = registry.Resolve("plugin", {{"min_length", "3"}});
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  EXPECT_EQ(values->at("min_length"), "3");
}

TEST(Registry, CompositeExtractorNeedsVariants) {
  ExtractorRegistry registry = testing::TestRegistry();
  auto created = registry.Create("ensemble", {{"members", "a"}});
  ASSERT_FALSE(created.ok());
  EXPECT_THAT(created.status().message(), HasSubstr("needs a variants file"));
}

TEST(OptionReads, ParseTheirTypes) {
  const OptionValues v{
      {"n", "-3"}, {"x", "2.5"}, {"b", "true"}, {"l", " a, b ,,c "}};
  EXPECT_EQ(IntOption(v, "n"), -3);
  EXPECT_DOUBLE_EQ(DoubleOption(v, "x"), 2.5);
  EXPECT_TRUE(BoolOption(v, "b"));
  EXPECT_FALSE(BoolOption(v, "missing"));
  EXPECT_EQ(ListOption(v, "l"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(OptionReads, ParsesAsChecksNumbersAndBooleans) {
  EXPECT_TRUE(OptionParsesAs("int", "12"));
  EXPECT_FALSE(OptionParsesAs("int", "1.5"));
  EXPECT_FALSE(OptionParsesAs("int", ""));
  EXPECT_TRUE(OptionParsesAs("double", "1e-3"));
  EXPECT_FALSE(OptionParsesAs("bool", "yes"));
  EXPECT_TRUE(OptionParsesAs("string", ""));
}

}  // namespace
}  // namespace ieval
