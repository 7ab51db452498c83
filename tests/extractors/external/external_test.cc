// The `external` protocol against a scripted fake extractor
// (testdata/fake_extractor.py) that answers well, crashes, hangs, prints
// garbage or returns bad spans.
#include "ieval/extractors/external/external_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ieval/extractors/run.h"
#include "testing/cli_runner.h"

namespace ieval {
namespace {

using ::testing::HasSubstr;
using testing::ProcessesWith;

constexpr char kFake[] =
    IEVAL_SOURCE_DIR "/tests/extractors/external/testdata/fake_extractor.py";

// « Kim » with no-break spaces, l’OTAN with a curly apostrophe, and an emoji
// (two UTF-16 units, four bytes) before Paris. Code points:
// «=0 NBSP=1 Kim=2..4 NBSP=5 »=6 … l=11 ’=12 OTAN=13..16 😀=18 Paris=20..24
const Document kDoc{"doc7", "«\u00A0Kim\u00A0» et l’OTAN 😀 Paris."};

Result<std::unique_ptr<Extractor>> Fake(std::vector<std::string> args,
                                        OptionValues extra = {}) {
  std::string command = std::string("[\"python3\", \"") + kFake + "\"";
  for (const auto& a : args) command += ", \"" + a + "\"";
  command += "]";
  ExtractorRegistry registry;
  registry.Register(ExternalExtractorInfo());
  extra["command"] = command;
  if (!extra.count("timeout")) extra["timeout"] = "60";  // slow CI start-up
  return registry.Create("external", extra);
}

std::vector<std::tuple<int64_t, int64_t, std::string>> Spans(
    const Annotations& a) {
  std::vector<std::tuple<int64_t, int64_t, std::string>> out;
  for (const Mention& m : a.mentions) out.emplace_back(m.start, m.end, m.type);
  return out;
}

const std::vector<std::tuple<int64_t, int64_t, std::string>> kExpected = {
    {2, 5, "PER"}, {13, 17, "ORG"}, {20, 25, "LOC"}};

Status Failure(const std::vector<std::string>& args, OptionValues extra = {}) {
  auto e = Fake(args, std::move(extra));
  if (!e.ok()) return e.status();
  auto out = RunExtractor(**e, kDoc, "fake");
  return out.ok() ? Status::Ok() : out.status();
}

TEST(External, CodePointAnswersAreKept) {
  auto e = Fake({"good"});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = RunExtractor(**e, kDoc, "fake");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out), kExpected);
  EXPECT_EQ(*out->mentions[0].text, "Kim");
}

TEST(External, ByteOffsetsStatedInTheResponseAreConvertedExactly) {
  auto e = Fake({"good", "byte"});
  ASSERT_TRUE(e.ok());
  auto out = RunExtractor(**e, kDoc, "fake");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out), kExpected);
}

TEST(External, Utf16OffsetsOfTheDeclaredUnitAreConvertedExactly) {
  // The response does not say its unit: the variant's offset_unit does.
  auto e = Fake({"good", "utf16", "unstated"}, {{"offset_unit", "utf16"}});
  ASSERT_TRUE(e.ok());
  auto out = RunExtractor(**e, kDoc, "fake");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out), kExpected);
}

TEST(External, AWrongDeclaredUnitIsCaughtByTheMentionText) {
  auto e = Fake({"good", "utf16", "unstated"});  // read as code points
  ASSERT_TRUE(e.ok());
  auto out = RunExtractor(**e, kDoc, "fake");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("is not its span"));
}

TEST(External, CrashIsAFailureQuotingItsStderr) {
  Status s = Failure({"crash"});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_EQ(s.where().doc_id, "doc7");
  EXPECT_THAT(s.message(), HasSubstr("extractor 'fake' failed: "));
  EXPECT_THAT(s.message(), HasSubstr("exited with status 7 without answering"));
  EXPECT_THAT(s.message(), HasSubstr("fake: model file missing"));
}

TEST(External, DeathBySignalIsReported) {
  Status s = Failure({"segfault"});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(), HasSubstr("killed by signal 11"));
}

TEST(External, HangIsKilledAtTheTimeout) {
  Status s = Failure({"hang"}, {{"timeout", "0.5"}});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(), HasSubstr("did not answer within 0.5 s (killed)"));
}

TEST(External, ALineWithoutEndFailsNamingTheLimit) {
  Status s = Failure({"huge"}, {{"max_response_bytes", "5000000"}});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(),
              HasSubstr("answered a line longer than max_response_bytes = "
                        "5000000 bytes (killed)"));
}

TEST(External, WhatAnExtractorStartsInTheBackgroundEndsWithIt) {
  const std::string marker =
      "ieval-grandchild-" + std::to_string(getpid()) + "-end";
  {
    auto e = Fake({"background", marker});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    auto out = RunExtractor(**e, kDoc, "fake");
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    for (int i = 0; i < 250 && ProcessesWith(marker + "-child") == 0; ++i)
      usleep(20000);
    ASSERT_EQ(ProcessesWith(marker + "-child"), 1);  // the grandchild runs
  }
  // Killed with the group when the extractor ends (SIGKILL is delivered
  // at once; its parent, init, reaps it a moment later).
  for (int i = 0; i < 100 && ProcessesWith(marker + "-child") > 0; ++i)
    usleep(20000);
  EXPECT_EQ(ProcessesWith(marker + "-child"), 0);
}

TEST(External, AnExitStatusAfterTheLastAnswerFailsItsFinish) {
  auto e = Fake({"exit3"});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = RunExtractor(**e, kDoc, "fake");
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out), kExpected);
  const Status s = (*e)->Finish();
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(),
              HasSubstr("exited with status 3 after its input was closed"));
  EXPECT_THAT(s.message(), HasSubstr("fake: could not save the cache"));
}

TEST(External, AProgramThatExitsWithZeroFinishesCleanly) {
  auto e = Fake({"good"});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  ASSERT_TRUE(RunExtractor(**e, kDoc, "fake").ok());
  const Status s = (*e)->Finish();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(External, GarbageIsAFailureQuotingIt) {
  Status s = Failure({"garbage"});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(),
              HasSubstr("answered with invalid JSON: Loading model... done"));
}

TEST(External, SpanOutsideTheTextIsAFailure) {
  Status s = Failure({"outside"});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(), HasSubstr("lies outside the text"));
}

TEST(External, SpanInsideACharacterIsAFailure) {
  Status s = Failure({"midchar"});
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_THAT(s.message(), HasSubstr("not on a character boundary"));
}

TEST(External, AnswerForAnotherDocumentIsAFailure) {
  Status s = Failure({"wrong_id"});
  EXPECT_THAT(
      s.message(),
      HasSubstr("answered for doc_id \"someone_else\" instead of \"doc7\""));
}

TEST(External, ReportedErrorIsAFailure) {
  Status s = Failure({"error"});
  EXPECT_THAT(s.message(), HasSubstr("reported an error: model not loaded"));
}

TEST(External, AFreshProcessIsStartedAfterAFailure) {
  auto e = Fake({"second"});
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(RunExtractor(**e, kDoc, "fake").ok());
  EXPECT_FALSE(RunExtractor(**e, kDoc, "fake").ok());  // it crashed
  EXPECT_TRUE(RunExtractor(**e, kDoc, "fake").ok());   // a new one answers
}

TEST(External, ConcurrentDocumentsShareAPoolOfProcesses) {
  ThreadPool pool(4);
  auto e = Fake({"good"}, {{"processes", "2"}});
  ASSERT_TRUE(e.ok());
  std::vector<Document> docs;
  for (int i = 0; i < 12; ++i)
    docs.push_back({"d" + std::to_string(i), kDoc.text});
  auto out = ExtractAll(**e, docs, "fake", pool);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  for (const Annotations& a : *out) EXPECT_EQ(Spans(a), kExpected);
}

TEST(External, MissingProgramIsAFailureNamingIt) {
  ExtractorRegistry registry;
  registry.Register(ExternalExtractorInfo());
  auto e = registry.Create("external",
                           {{"command", R"(["no-such-program-ieval"])"}});
  ASSERT_TRUE(e.ok());
  auto out = RunExtractor(**e, kDoc, "x");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(),
              HasSubstr("cannot start 'no-such-program-ieval'"));
}

TEST(External, MissingRequirementMakesItUnavailable) {
  ExtractorRegistry registry;
  registry.Register(ExternalExtractorInfo());
  auto e = registry.Create(
      "external", {{"command", "cat"}, {"requires", "sh,no/such/file"}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kUnavailable);
  EXPECT_THAT(e.status().message(), HasSubstr("needs no/such/file"));
}

TEST(External, CommandMustBeGiven) {
  ExtractorRegistry registry;
  registry.Register(ExternalExtractorInfo());
  auto e = registry.Create("external", {});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval
