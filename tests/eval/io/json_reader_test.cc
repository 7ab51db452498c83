// The checked JSON reader (json_reader.h): what it refuses, and that every
// refusal names the file, the place and what was expected, without quoting
// the input of a broken file.
#include "ieval/io/json_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

JsonDocument Parsed(const std::string& text) {
  auto doc = JsonDocument::Parse(text, "f.json");
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return std::move(doc).value();
}

std::string ParseError(const std::string& text) {
  auto doc = JsonDocument::Parse(text, "f.json");
  return doc.ok() ? "" : doc.status().ToString();
}

TEST(JsonReader, TypedReadsNameThePathAndWhatWasExpected) {
  const JsonDocument doc =
      Parsed(R"({"variants": [{"options": {"timeout": "30"}}]})");
  auto timeout = doc.root()
                     .Find("variants")
                     ->Elements()[0]
                     .Find("options")
                     ->Find("timeout")
                     ->Number(0);
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.status().ToString(),
            "f.json: $.variants[0].options.timeout: expected a number ≥ 0, "
            "not the string \"30\"");
}

TEST(JsonReader, IntegersAreIntegersInRange) {
  const JsonDocument doc = Parsed(
      R"({"a": 1.0, "b": 0, "c": 18446744073709551615, "d": 7, "e": 1e3})");
  const JsonValue root = doc.root();
  EXPECT_EQ(root.Find("a")->Integer().status().message(),
            "$.a: expected an integer, not 1.0");
  EXPECT_EQ(root.Find("b")->Integer(1).status().message(),
            "$.b: expected an integer ≥ 1, not 0");
  EXPECT_EQ(root.Find("c")->Integer().status().message(),
            "$.c: expected an integer, not 18446744073709551615");
  EXPECT_EQ(root.Find("e")->Integer(1, 10).status().message(),
            "$.e: expected an integer in [1, 10], not 1000.0");
  EXPECT_EQ(*root.Find("d")->Integer(1, 10), 7);
  EXPECT_EQ(*root.Find("c")->Unsigned(), 18446744073709551615u);
  EXPECT_FALSE(root.Find("a")->Unsigned().ok());
}

TEST(JsonReader, CountsAreNonNegativeAndWholeOrHalves) {
  const JsonDocument doc =
      Parsed(R"({"tp": -1, "fp": 2.5, "fn": 3.0, "partial": 2.5})");
  const JsonValue root = doc.root();
  EXPECT_EQ(root.Find("tp")->Count().status().message(),
            "$.tp: expected a count (an integer ≥ 0), not -1");
  EXPECT_FALSE(root.Find("fp")->Count().ok());
  EXPECT_EQ(*root.Find("fn")->Count(), 3);
  EXPECT_EQ(*root.Find("partial")->Count(0.5), 2.5);
}

TEST(JsonReader, EnumerationsListTheChoices) {
  const JsonDocument doc = Parsed(R"({"unit": "word", "n": 3})");
  EXPECT_EQ(doc.root()
                .Find("unit")
                ->OneOf({"document", "sentence"})
                .status()
                .message(),
            "$.unit: expected \"document\" or \"sentence\", not the string "
            "\"word\"");
  EXPECT_EQ(doc.root().Find("n")->OneOf({"a", "b", "c"}).status().message(),
            "$.n: expected \"a\", \"b\" or \"c\", not 3");
}

TEST(JsonReader, UnknownAndMissingKeysAreNamed) {
  const JsonDocument doc = Parsed(R"({"statistics": {"resample": 5}})");
  const JsonValue stats = *doc.root().Find("statistics");
  EXPECT_EQ(stats.OnlyKeys({"seed", "resamples"}).message(),
            "$.statistics: unknown key \"resample\" (known: resamples, seed)");
  EXPECT_EQ(stats.Get("seed").status().message(),
            "$.statistics: missing \"seed\"");
  EXPECT_EQ(doc.root().Find("statistics")->Find("resample")->path(),
            "$.statistics.resample");
}

TEST(JsonReader, OddKeysAreQuotedInPaths) {
  const JsonDocument doc = Parsed(R"({"map": {"a b": 1, "2x": 2}})");
  const auto members = doc.root().Find("map")->Members();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].second.path(), "$.map[\"2x\"]");
  EXPECT_EQ(members[1].second.path(), "$.map[\"a b\"]");
}

TEST(JsonReader, ARepeatedKeyIsAnErrorNamingItAndWhere) {
  EXPECT_EQ(ParseError("{\"a\": [{\"start\": 1,\n  \"start\": 2}]}"),
            "f.json:2: $.a[0]: duplicate key \"start\" (column 9)");
}

TEST(JsonReader, DeepNestingIsRefusedNotAStackOverflow) {
  const std::string deep(300000, '[');
  EXPECT_EQ(ParseError(deep),
            "f.json:1: nested deeper than 512 levels, the limit of every JSON "
            "file ieval reads (column 513)");
  std::string fine;
  for (int i = 0; i < kMaxJsonDepth; ++i) fine += "[";
  for (int i = 0; i < kMaxJsonDepth; ++i) fine += "]";
  EXPECT_EQ(ParseError(fine), "");
}

TEST(JsonReader, ANumberBeyondADoubleIsAnErrorNotACrash) {
  EXPECT_EQ(ParseError(R"({"x": 1e3080})"),
            "f.json:1: invalid JSON at column 7: number overflow: a "
            "6-character number beyond the range of a double");
}

TEST(JsonReader, ParseErrorsNeverQuoteTheInput) {
  const std::string error =
      ParseError("{\"token\": \n  ghp_SECRETSECRET, \"x\": 1}");
  EXPECT_EQ(error,
            "f.json:2: invalid JSON at column 3: syntax error while parsing "
            "value - invalid literal");
  EXPECT_EQ(error.find("SECRET"), std::string::npos);
  EXPECT_EQ(ParseError(R"({"a": "unterminated)").find("unterminated"),
            std::string::npos);
}

TEST(JsonReader, AFileLargerThanTheLimitIsRefusedBeforeReading) {
  const std::string dir = testing::MakeTempDir("json_reader_limit");
  const std::string path = dir + "/big.json";
  testing::WriteText(path, "[" + std::string(2 << 20, ' ') + "]");
  ASSERT_EQ(setenv(kMaxJsonFileMiBVariable, "1", 1), 0);
  auto doc = JsonDocument::Read(path);
  unsetenv(kMaxJsonFileMiBVariable);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(
      doc.status().ToString(),
      path +
          ": larger than the 1 MiB that a JSON file read whole may be "
          "(set IEVAL_MAX_JSON_MB to a larger number of MiB to raise it)");
  EXPECT_TRUE(JsonDocument::Read(path).ok());  // under the default limit
}

TEST(JsonReader, AMissingFileIsAnIoError) {
  auto doc = JsonDocument::Read("/nonexistent/x.json");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kIoError);
}

TEST(JsonReader, DumpIsCompactJson) {
  const JsonDocument doc = Parsed(R"({"b": [1, 2.5, "x"], "a": null})");
  EXPECT_EQ(doc.root().Dump(), R"({"a":null,"b":[1,2.5,"x"]})");
}

}  // namespace
}  // namespace ieval
