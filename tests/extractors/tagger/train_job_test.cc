// The train-save-evaluate job of `ieval train-tagger` (train_job.h), on a
// small synthetic corpus: what it saves, what it measures, what it logs.
#include "ieval/extractors/tagger/train_job.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "ieval/extractors/tagger/strict_summary.h"
#include "ieval/extractors/tagger/tagger.h"
#include "ieval/io/corpus_reader.h"
#include "synthetic_corpus.h"
#include "testing/cli_runner.h"

namespace ieval::tagger {
namespace {

using ::ieval::testing::MakeTempDir;
using ::ieval::testing::ReadText;
using ::ieval::testing::SyntheticCorpus;

// A job over the synthetic corpus written as <dir>/synthetic/c.jsonl
// (source "synthetic/c.jsonl"), every 4th document held out.
TrainJob SmallJob(const std::string& dir) {
  Corpus corpus;
  corpus.documents = SyntheticCorpus(12);
  EXPECT_TRUE(WriteCorpus(corpus, dir + "/synthetic/c.jsonl", true).ok());
  TrainJob job;
  job.sources.corpus = {dir + "/synthetic/c.jsonl"};
  job.training.types = {"PER", "LOC"};
  job.training.epochs = 2;
  job.training.hash_bits = 12;
  job.training.dictionary = "none";
  job.heldout_every = 4;
  job.out = dir + "/m.ietag";
  return job;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(RunTrainJob, SavesAModelTheTaggerLoads) {
  const std::string dir = MakeTempDir("train_job_saves");
  std::ostringstream log;
  auto result = RunTrainJob(SmallJob(dir), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  auto tagger = Tagger::Load(dir + "/m.ietag");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ((*tagger)->model().types, (std::vector<std::string>{"PER", "LOC"}));
  EXPECT_EQ(result->stats.documents, 9);
}

TEST(RunTrainJob, HeldOutFiguresAreThoseOfTheSavedModel) {
  const std::string dir = MakeTempDir("train_job_figures");
  std::ostringstream log;
  auto result = RunTrainJob(SmallJob(dir), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const auto docs = SyntheticCorpus(12);
  auto tagger = Tagger::Load(dir + "/m.ietag");
  ASSERT_TRUE(tagger.ok());
  auto want =
      ScoreHeldout(**tagger, {&docs[3], &docs[7], &docs[11]}, {"PER", "LOC"});
  ASSERT_TRUE(want.ok());
  ASSERT_EQ(result->heldout.size(), 1u);
  EXPECT_EQ(result->heldout.at("synthetic/c.jsonl"), *want);
  EXPECT_EQ(want->overall.gold(), 24);
}

TEST(RunTrainJob, TrainingIdNamesTheSourcesTheDataAndEveryOption) {
  const std::string dir = MakeTempDir("train_job_id");
  const TrainJob job = SmallJob(dir);
  std::ostringstream log;
  ASSERT_TRUE(RunTrainJob(job, log).ok());
  auto model = LoadModel(job.out);
  ASSERT_TRUE(model.ok());
  std::vector<TrainingSource> sources = {
      {"synthetic/c.jsonl", SyntheticCorpus(12)}};
  EXPECT_EQ(model->training_id,
            "ieval train-tagger synthetic/c.jsonl data " +
                SplitHeldout(sources, 4).training_fingerprint +
                " scheme bio hash_bits 12 epochs 2 seed 1 dictionary none "
                "heldout_every 4");
}

TEST(RunTrainJob, SameInputsGiveTheSameModelBytes) {
  const std::string dir = MakeTempDir("train_job_bytes");
  TrainJob job = SmallJob(dir);
  std::ostringstream log;
  ASSERT_TRUE(RunTrainJob(job, log).ok());
  const std::string first = ReadText(job.out);
  ASSERT_TRUE(RunTrainJob(job, log).ok());
  EXPECT_EQ(ReadText(job.out), first);
  EXPECT_FALSE(first.empty());
}

TEST(RunTrainJob, LogsEachStepInOrder) {
  const std::string dir = MakeTempDir("train_job_log");
  const TrainJob job = SmallJob(dir);
  std::ostringstream log;
  auto result = RunTrainJob(job, log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const auto lines = Lines(log.str());
  ASSERT_EQ(lines.size(), 10u) << log.str();
  EXPECT_EQ(lines[0],
            "synthetic/c.jsonl: 12 documents, 96 mentions; 3 held out");
  EXPECT_EQ(lines[1].rfind("epoch 1: ", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("epoch 2: ", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("trained on 9 documents, ", 0), 0u) << lines[3];
  EXPECT_EQ(
      lines[4].rfind("model " + job.out + ": " +
                         std::to_string(std::filesystem::file_size(job.out)) +
                         " bytes, version f",
                     0),
      0u)
      << lines[4];
  EXPECT_EQ(lines[5], "held out synthetic/c.jsonl (3 documents), strict:");
  const TypedCounts& c = result->heldout.at("synthetic/c.jsonl");
  EXPECT_EQ(lines[6], "  LOC\t" + FormatPrf(c.per_type.at("LOC")));
  EXPECT_EQ(lines[7], "  PER\t" + FormatPrf(c.per_type.at("PER")));
  EXPECT_EQ(lines[8], "  micro\t" + FormatPrf(c.overall));
  EXPECT_EQ(
      lines[9].rfind("tagging speed (one thread, ICU segmentation "
                     "included, best of 3 passes): " +
                         std::to_string(result->speed->tokens) + " tokens in ",
                     0),
      0u)
      << lines[9];
}

TEST(RunTrainJob, NothingHeldOutGivesNoFiguresAndNoSpeed) {
  const std::string dir = MakeTempDir("train_job_all");
  TrainJob job = SmallJob(dir);
  job.heldout_every = 0;
  std::ostringstream log;
  auto result = RunTrainJob(job, log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_TRUE(result->heldout.empty());
  EXPECT_FALSE(result->speed.has_value());
  EXPECT_EQ(result->stats.documents, 12);
  EXPECT_EQ(log.str().find("held out synthetic"), std::string::npos);
}

TEST(RunTrainJob, BadOptionValueFailsBeforeAnySourceIsRead) {
  const std::string dir = MakeTempDir("train_job_bad");
  TrainJob job = SmallJob(dir);
  job.sources.corpus = {dir + "/missing.jsonl"};
  job.training.scheme = "io";
  std::ostringstream log;
  const Status s = RunTrainJob(job, log).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(), "--scheme must be bio or bilou");
  EXPECT_FALSE(std::filesystem::exists(job.out));
}

}  // namespace
}  // namespace ieval::tagger
