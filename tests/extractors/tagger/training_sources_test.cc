// Loading the training corpora (training_sources.h): source names, the
// three formats in a fixed order, the BRAT mapping and names-only, and the
// errors that name an option.
#include "ieval/extractors/tagger/training_sources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "testing/cli_runner.h"

namespace ieval::tagger {
namespace {

using ::ieval::testing::MakeTempDir;
using ::ieval::testing::WriteText;

// "Anne Martin vit à Rennes." ('à' is one code point: Rennes is 18-24).
const char kBratText[] = "Anne Martin vit \xC3\xA0 Rennes.";

void WriteBrat(const std::string& dir, const std::string& ann) {
  WriteText(dir + "/a.txt", kBratText);
  WriteText(dir + "/a.ann", ann);
}

TEST(SourceName, KeepsTheLastTwoPartsOfThePath) {
  EXPECT_EQ(SourceName("../shared/corpora/fr_litbank/entities/"),
            "fr_litbank/entities");
  EXPECT_EQ(SourceName("/data/europeana/enp_FR.bnf.bio"),
            "europeana/enp_FR.bnf.bio");
  EXPECT_EQ(SourceName("c.bio"), "c.bio");
  EXPECT_EQ(SourceName("../c.bio"), "c.bio");
}

TEST(LoadTrainingSources, NoSourceIsAUsageErrorNamingTheOptions) {
  std::ostringstream log;
  const Status s = LoadTrainingSources({}, log).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(), "give at least one of --iob, --brat, --corpus");
}

TEST(LoadTrainingSources, UnknownIobSchemeIsAUsageErrorNamingTheOption) {
  TrainingSourceOptions options;
  options.iob_scheme = "BIO9";
  std::ostringstream log;
  const Status s = LoadTrainingSources(options, log).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(),
            "--iob-scheme must be IOB1, IOB2 or IOBES, not 'BIO9'");
}

TEST(LoadTrainingSources, BratMapPairWithoutEqualsIsAUsageError) {
  const std::string dir = MakeTempDir("sources_brat_map");
  WriteBrat(dir + "/brat", "T1\tPER 0 11\tAnne Martin\n");
  TrainingSourceOptions options;
  options.brat = {dir + "/brat"};
  options.brat_map = {"PER=PER", "GPE"};
  std::ostringstream log;
  const Status s = LoadTrainingSources(options, log).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(), "--brat-map takes FROM=TO pairs, not 'GPE'");
}

TEST(LoadTrainingSources, ReadsIobThenBratThenCorpusEachNamedByItsPath) {
  const std::string dir = MakeTempDir("sources_order");
  WriteText(dir + "/corpus/c.jsonl",
            R"({"doc_id": "c1", "text": "Paul vit ici.", "entities": []})"
            "\n");
  WriteBrat(dir + "/brat", "T1\tPER 0 11\tAnne Martin\n");
  WriteText(dir + "/iob/x.bio", "Anne B-PER\nvit O\n\nPaul B-PER\n");
  TrainingSourceOptions options;
  options.corpus = {dir + "/corpus/c.jsonl"};
  options.brat = {dir + "/brat"};
  options.iob = {dir + "/iob/x.bio"};
  options.iob_scheme = "IOB2";
  std::ostringstream log;
  auto sources = LoadTrainingSources(options, log);
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->size(), 3u);
  EXPECT_EQ((*sources)[0].name, "iob/x.bio");
  EXPECT_EQ((*sources)[1].name,
            std::filesystem::path(dir).filename().string() + "/brat");
  EXPECT_EQ((*sources)[2].name, "corpus/c.jsonl");
  EXPECT_EQ((*sources)[2].docs.at(0).document.doc_id, "c1");
  EXPECT_EQ(log.str(), "");  // only names-only writes a line
}

TEST(LoadTrainingSources, BratMapRenamesMappedTypesAndDropsTheOthers) {
  const std::string dir = MakeTempDir("sources_brat_types");
  WriteBrat(dir + "/brat",
            "T1\tPER 0 11\tAnne Martin\nT2\tGPE 18 24\tRennes\n"
            "T3\tFAC 18 24\tRennes\n");
  TrainingSourceOptions options;
  options.brat = {dir + "/brat"};
  options.brat_map = {"PER=PER", "GPE=LOC"};
  std::ostringstream log;
  auto sources = LoadTrainingSources(options, log);
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  const auto& mentions = (*sources)[0].docs.at(0).annotations.mentions;
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].type, "PER");
  EXPECT_EQ(mentions[1].type, "LOC");
  EXPECT_EQ(mentions[1].start, 18);
}

TEST(LoadTrainingSources, NamesOnlyLogsWhatItKeptCutAndDropped) {
  const std::string dir = MakeTempDir("sources_names_only");
  // "la marquise" has no name word; "Anne Martin" is kept whole.
  WriteText(dir + "/brat/a.txt",
            "Anne Martin voit la marquise. la marquise sourit.");
  WriteText(dir + "/brat/a.ann",
            "T1\tPER 0 11\tAnne Martin\nT2\tPER 17 28\tla marquise\n");
  TrainingSourceOptions options;
  options.brat = {dir + "/brat"};
  options.names_only = true;
  std::ostringstream log;
  auto sources = LoadTrainingSources(options, log);
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  EXPECT_EQ((*sources)[0].docs.at(0).annotations.mentions.size(), 1u);
  EXPECT_EQ(log.str(), std::filesystem::path(dir).filename().string() +
                           "/brat: names only: kept 1 mentions (0 cut down to "
                           "their names), dropped 1 without a name\n");
}

TEST(LoadTrainingSources, ACorpusThatDoesNotValidateGivesItsFirstProblem) {
  const std::string dir = MakeTempDir("sources_bad_corpus");
  WriteText(dir + "/c.jsonl",
            R"({"doc_id": "a", "text": "abc", "entities": [{"id": "T1", )"
            R"("start": 0, "end": 9, "type": "PER"}]})"
            "\n");
  TrainingSourceOptions options;
  options.corpus = {dir + "/c.jsonl"};
  std::ostringstream log;
  const Status s = LoadTrainingSources(options, log).status();
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.ToString().find("c.jsonl:1"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace ieval::tagger
