// The example C plug-in (extractors/plugin/example/acronyms.c), loaded with
// dlopen through the C ABI, and the checks around loading one.
#include "ieval/extractors/plugin/plugin_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ieval/extractors/run.h"
#include "testing/shipped.h"

namespace ieval {
namespace {

using ::testing::HasSubstr;

// « OTAN » with no-break spaces, l’ONU with a curly apostrophe, and l’UE:
// the plug-in answers in bytes; ieval must convert to code points.
// Code points: «=0 NBSP=1 OTAN=2..5 NBSP=6 »=7 … ONU=14..16 … UE=26..27
const Document kDoc{"d", "«\u00A0OTAN\u00A0» et l’ONU, puis l’UE. Kim"};

Result<std::unique_ptr<Extractor>> Plugin(OptionValues options) {
  ExtractorRegistry registry;
  registry.Register(
      PluginExtractorInfo(::ieval::testing::ShippedBuiltinPaths().plugin_dir));
  return registry.Create("plugin", options);
}

std::vector<std::string> Found(const Annotations& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.mentions) {
    out.push_back(*m.text + "@" + std::to_string(m.start) + "-" +
                  std::to_string(m.end) + ":" + m.type);
  }
  return out;
}

TEST(Plugin, ExampleFindsAcronymsWithExactCodePointOffsets) {
  auto e = Plugin({{"path", IEVAL_EXAMPLE_PLUGIN}});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = RunExtractor(**e, kDoc, "acronyms");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Found(*out), (std::vector<std::string>{
                             "OTAN@2-6:ORG", "ONU@14-17:ORG", "UE@26-28:ORG"}));
}

TEST(Plugin, VersionComesFromThePlugin) {
  auto e = Plugin({{"path", IEVAL_EXAMPLE_PLUGIN}});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ((*e)->Name(), "plugin");
  EXPECT_EQ((*e)->Version(), "acronyms 1");
}

TEST(Plugin, ItsOwnOptionsArePassedToIt) {
  auto e = Plugin(
      {{"path", IEVAL_EXAMPLE_PLUGIN}, {"min_length", "3"}, {"type", "MISC"}});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = RunExtractor(**e, kDoc, "acronyms");
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(Found(*out),
            (std::vector<std::string>{"OTAN@2-6:MISC", "ONU@14-17:MISC"}));
}

TEST(Plugin, UnknownOptionListsThePluginsOptions) {
  auto e = Plugin({{"path", IEVAL_EXAMPLE_PLUGIN}, {"colour", "red"}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kUsage);
  EXPECT_THAT(e.status().message(),
              HasSubstr("no option 'colour' (options: path, min_length, "
                        "max_length, type)"));
}

TEST(Plugin, OptionOfTheWrongTypeIsRefused) {
  auto e = Plugin({{"path", IEVAL_EXAMPLE_PLUGIN}, {"min_length", "two"}});
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.status().message(), HasSubstr("must be a int, not 'two'"));
}

TEST(Plugin, ThePluginMayRefuseItsOptions) {
  auto e = Plugin({{"path", IEVAL_EXAMPLE_PLUGIN}, {"min_length", "0"}});
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.status().message(),
              HasSubstr("refused its options: need 1 <= min_length"));
}

TEST(Plugin, AnotherAbiVersionIsRefusedByName) {
  auto e = Plugin({{"path", IEVAL_BAD_ABI_PLUGIN}});
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.status().message(),
              HasSubstr("built for plug-in ABI version 2; this ieval speaks "
                        "version 1"));
}

TEST(Plugin, MissingLibraryIsUnavailable) {
  auto e = Plugin({{"path", "/no/such/libplugin.so"}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kUnavailable);
}

TEST(Plugin, PathIsRequired) {
  auto e = Plugin({});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval
