// `ieval extract` and `ieval list` through the real binary: exit codes,
// messages and output files as users see them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "ieval/io/corpus_reader.h"
#include "testing/cli_runner.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::RunIeval;

constexpr char kFake[] =
    IEVAL_SOURCE_DIR "/tests/extractors/external/testdata/fake_extractor.py";

std::string FakeCommand(const std::string& mode) {
  return std::string("command=[\"python3\", \"") + kFake + "\", \"" + mode +
         "\"]";
}

class ExtractCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    testing::WriteText(dir_ + "/docs/a.txt", "«\u00A0OTAN\u00A0» et Kim.\n");
    testing::WriteText(dir_ + "/docs/b.txt", "l’ONU à Paris\n");
    out_ = dir_ + "/out.jsonl";
  }
  std::string dir_, out_;
};

TEST_F(ExtractCli, ListShowsEveryExtractorItsOptionsAndTheVariants) {
  auto r = RunIeval({"list"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* s : {"external\n", "plugin\n", "ensemble\n",
                        "--option timeout=<double>  (default: 30)",
                        "--option members=<variants>", "variants (",
                        "recognizers_fr  (external)", "acronyms  (plugin)",
                        "    path=libieval_acronyms.so"})
    EXPECT_THAT(r.out, HasSubstr(s));
}

TEST_F(ExtractCli, PluginPredictionsAreWrittenWithoutTextInCodePoints) {
  auto r = RunIeval({"extract", "--extractor", "plugin", "--option",
                     "path=libieval_acronyms.so", "--docs", dir_ + "/docs",
                     "--out", out_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("extracted 2 documents with plugin"));
  std::vector<Status> problems;
  auto corpus = ReadCorpus(out_, &problems);
  ASSERT_TRUE(corpus.ok());
  ASSERT_TRUE(problems.empty()) << problems.front().ToString();
  ASSERT_EQ(corpus->documents.size(), 2u);
  const AnnotatedDocument& a = corpus->documents[0];
  EXPECT_EQ(a.document.doc_id, "a");
  EXPECT_FALSE(a.has_text);
  ASSERT_EQ(a.annotations.mentions.size(), 1u);
  EXPECT_EQ(a.annotations.mentions[0].start, 2);  // OTAN after « and NBSP
  EXPECT_EQ(a.annotations.mentions[0].end, 6);
  EXPECT_EQ(corpus->documents[1].annotations.mentions[0].start, 2);  // ONU
}

TEST_F(ExtractCli, GoldTextsAreUsed) {
  testing::WriteText(
      dir_ + "/gold/g.json",
      R"({"doc_id": "g", "text": "Vu par l’OTAN.", "entities": []})");
  auto r = RunIeval({"extract", "--extractor", "plugin", "--option",
                     "path=libieval_acronyms.so", "--gold", dir_ + "/gold",
                     "--out", dir_ + "/pred"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ + "/pred/g.json"));
}

// The shipped gold in BRAT, and in CoNLL with its texts from --text, gives
// the predictions gold/docs gives, byte for byte; CoNLL without texts runs
// on its tokens joined by single spaces, as the note says.
TEST_F(ExtractCli, GoldInBratAndConllGivesThePredictionsOfOurJson) {
  const std::string root = std::string(IEVAL_SOURCE_DIR) + "/gold/";
  auto extract = [&](std::vector<std::string> extra, const std::string& out) {
    std::vector<std::string> args = {"extract",
                                     "--extractor",
                                     "plugin",
                                     "--option",
                                     "path=libieval_acronyms.so",
                                     "--out",
                                     out};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunIeval(args);
  };
  auto ours = extract({"--gold", root + "docs"}, dir_ + "/ours.jsonl");
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  auto brat = extract({"--gold", root + "brat"}, dir_ + "/brat.jsonl");
  ASSERT_EQ(brat.exit_code, 0) << brat.err;
  auto conll = extract({"--gold", root + "conll/gold.conll", "--gold-format",
                        "conll", "--text", root + "brat"},
                       dir_ + "/conll.jsonl");
  ASSERT_EQ(conll.exit_code, 0) << conll.err;
  const std::string expected = testing::ReadText(dir_ + "/ours.jsonl");
  EXPECT_THAT(expected, HasSubstr("\"doc_id\":\"000_d2d8004998f84c7a\""));
  EXPECT_EQ(testing::ReadText(dir_ + "/brat.jsonl"), expected);
  EXPECT_EQ(testing::ReadText(dir_ + "/conll.jsonl"), expected);

  auto joined =
      extract({"--gold", root + "conll/gold.conll"}, dir_ + "/joined.jsonl");
  ASSERT_EQ(joined.exit_code, 0) << joined.err;
  EXPECT_THAT(joined.err, HasSubstr("tokens joined by single spaces"));
  EXPECT_THAT(joined.out, HasSubstr("extracted 5 documents"));
  EXPECT_THAT(testing::ReadText(dir_ + "/joined.jsonl"),
              HasSubstr("\"doc_id\":\"000_d2d8004998f84c7a\""));
}

TEST_F(ExtractCli, GoldInAFormatItIsNotExitsTwoNamingWhatIsMissing) {
  auto r = RunIeval({"extract", "--extractor", "plugin", "--option",
                     "path=libieval_acronyms.so", "--gold",
                     std::string(IEVAL_SOURCE_DIR) + "/gold/conll/gold.conll",
                     "--gold-format", "brat", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no gold.txt beside it"));
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(ExtractCli, UnknownExtractorExitsTwoListingTheKnownOnes) {
  auto r = RunIeval({"extract", "--extractor", "nope", "--docs", dir_ + "/docs",
                     "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown extractor 'nope' (known: external"));
}

TEST_F(ExtractCli, UnknownOptionExitsTwoListingTheOptions) {
  auto r = RunIeval({"extract", "--extractor", "external", "--option",
                     "cmd=cat", "--docs", dir_ + "/docs", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("has no option 'cmd' (options: command, cwd"));
}

// Each way an external extractor can fail: exit 3, a message naming the
// extractor and the document, and no output file.
struct Failure {
  const char* mode;
  const char* says;
  const char* timeout;  // generous but for "hang": python may start slowly
};

void PrintTo(const Failure& f, std::ostream* os) { *os << f.mode; }

class ExtractFailure : public ExtractCli,
                       public ::testing::WithParamInterface<Failure> {};

TEST_P(ExtractFailure, ExitsThreeNamingExtractorAndDocument) {
  auto r = RunIeval({"extract", "--extractor", "external", "--option",
                     FakeCommand(GetParam().mode), "--option",
                     std::string("timeout=") + GetParam().timeout, "--docs",
                     dir_ + "/docs", "--out", out_});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("ieval extract: a: extractor 'external' failed: "));
  EXPECT_THAT(r.err, HasSubstr(GetParam().says));
  EXPECT_FALSE(fs::exists(out_));
}

INSTANTIATE_TEST_SUITE_P(
    Fake, ExtractFailure,
    ::testing::Values(
        Failure{"crash", "exited with status 7 without answering", "60"},
        Failure{"hang", "did not answer within 1 s (killed)", "1"},
        Failure{"garbage", "answered with invalid JSON", "60"},
        Failure{"outside", "lies outside the text", "60"}),
    [](const auto& info) { return std::string(info.param.mode); });

TEST_F(ExtractCli, VariantsComeFromTheConfigAndOptionsOverrideThem) {
  testing::WriteText(dir_ + "/variants.json", R"({"variants": [
    {"name": "caps", "extractor": "plugin",
     "options": {"path": "libieval_acronyms.so", "type": "MISC"}},
    {"name": "fake", "extractor": "external",
     "options": {"command": ["python3", ")" + std::string(kFake) +
                                                  R"(", "good"]}},
    {"name": "both", "extractor": "ensemble",
     "options": {"members": "fake,caps", "strategy": "priority"}}]})");
  auto r = RunIeval({"extract", "--config", dir_ + "/variants.json",
                     "--variant", "caps", "--option", "min_length=3", "--docs",
                     dir_ + "/docs", "--out", out_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<Status> problems;
  auto corpus = ReadCorpus(out_, &problems);
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->documents[0].annotations.mentions[0].type, "MISC");

  r = RunIeval({"extract", "--config", dir_ + "/variants.json", "--variant",
                "both", "--docs", dir_ + "/docs", "--out", out_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  corpus = ReadCorpus(out_, &problems);
  ASSERT_TRUE(corpus.ok());
  // a: OTAN (fake ORG wins over caps MISC), Kim; b: ONU (caps), Paris.
  EXPECT_EQ(corpus->documents[0].annotations.mentions.size(), 2u);
  EXPECT_EQ(corpus->documents[0].annotations.mentions[0].type, "ORG");
  EXPECT_EQ(corpus->documents[1].annotations.mentions.size(), 2u);
}

TEST_F(ExtractCli, UnavailableVariantExitsTwoSayingWhatIsMissing) {
  testing::WriteText(dir_ + "/variants.json", R"({"variants": [
    {"name": "js", "extractor": "external",
     "options": {"command": "cat", "requires": "no-such-node-ieval",
                 "hint": "run scripts/setup"}}]})");
  auto r =
      RunIeval({"extract", "--config", dir_ + "/variants.json", "--variant",
                "js", "--docs", dir_ + "/docs", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("variant 'js': needs the program "
                               "'no-such-node-ieval', which is not on PATH; "
                               "run scripts/setup"));
}

TEST_F(ExtractCli, BadVariantsFileExitsTwoNamingFileAndVariant) {
  testing::WriteText(dir_ + "/variants.json", R"({"variants": [
    {"name": "v", "extractor": "plugin-typo"}]})");
  auto r =
      RunIeval({"extract", "--config", dir_ + "/variants.json", "--variant",
                "v", "--docs", dir_ + "/docs", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("variants.json: variant 'v': unknown extractor "
                               "'plugin-typo'"));
}

TEST_F(ExtractCli, NeedsExactlyOneSourceOfDocuments) {
  auto r = RunIeval({"extract", "--extractor", "plugin", "--out", out_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("give --gold DIR or --docs DIR"));
}

}  // namespace
}  // namespace ieval
