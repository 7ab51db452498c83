// ScoreStreams (the engine of `ieval score --gold --pred`): the result must not
// depend on the number of threads, and the scores not on the batch size,
// whatever the order of the predictions; problems are listed the same way for
// any number of threads.
#include "ieval/pipeline/score_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ieval/io/annotation_json.h"
#include "ieval/io/corpus_reader.h"
#include "testing/cli_runner.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeTempDir;

void WriteJsonl(const std::string& path,
                const std::vector<AnnotatedDocument>& docs) {
  std::ofstream out(path, std::ios::binary);
  for (const AnnotatedDocument& d : docs)
    out << SerializeAnnotatedDocument(d) << "\n";
}

class ScoreStreamsTest : public ::testing::Test {
 protected:
  // `docs` gold documents with random mentions; predictions of all but
  // every fifth, in shuffled order (so they wait for their gold documents
  // across batches), without text.
  void MakeCorpus(int docs) {
    dir_ = MakeTempDir("score_stream");
    std::mt19937 rng(7);
    std::vector<AnnotatedDocument> gold, pred;
    for (int d = 0; d < docs; ++d) {
      const int length = 20 + static_cast<int>(rng() % 40);
      testing::RandomDocument r = testing::MakeRandomDocument(rng, length);
      AnnotatedDocument g;
      g.document.doc_id = "doc" + std::to_string(d);
      g.document.text = testing::MakeRandomText(rng, length);
      g.has_text = true;
      g.annotations.mentions = r.gold;
      gold.push_back(g);
      if (d % 5 == 4) continue;  // predicted nothing
      AnnotatedDocument p;
      p.document.doc_id = g.document.doc_id;
      for (Mention m : r.pred) {
        m.end = std::min<int64_t>(m.end, length);
        if (m.start < m.end) p.annotations.mentions.push_back(m);
      }
      pred.push_back(p);
    }
    std::shuffle(pred.begin(), pred.end(), rng);
    WriteJsonl(dir_ + "/gold.jsonl", gold);
    WriteJsonl(dir_ + "/pred.jsonl", pred);
    gold_ = gold;
  }

  StreamScoreResult Score(int jobs, size_t batch, bool keep_documents,
                          const std::string& pred_file = "pred.jsonl",
                          const std::string& gold_path = "gold.jsonl",
                          size_t ids_in_memory = 1 << 16) {
    auto gold = CorpusReader::Open(dir_ + "/" + gold_path);
    auto pred = CorpusReader::Open(dir_ + "/" + pred_file);
    EXPECT_TRUE(gold.ok() && pred.ok());
    StreamScoreOptions options;
    options.jobs = jobs;
    options.batch = batch;
    options.keep_documents = keep_documents;
    options.gold_name = "gold.jsonl";
    options.ids_in_memory = ids_in_memory;
    return ScoreStreams(**gold, **pred, options);
  }

  static std::vector<std::string> Messages(const std::vector<Status>& all) {
    std::vector<std::string> out;
    for (const Status& s : all) out.push_back(s.ToString());
    return out;
  }

  std::string dir_;
  std::vector<AnnotatedDocument> gold_;
};

TEST_F(ScoreStreamsTest, ShuffledPredictionsScoreTheSameForAnyJobsAndBatch) {
  MakeCorpus(60);
  const StreamScoreResult one = Score(1, 256, true);
  ASSERT_TRUE(one.gold_problems.empty()) << one.gold_problems[0].ToString();
  ASSERT_TRUE(one.pred_problems.empty()) << one.pred_problems[0].ToString();
  ASSERT_EQ(one.scores.document_count(), 60);
  ASSERT_GT(one.scores.total().entities.predicted_mentions, 0);
  for (int jobs : {1, 2, 3}) {
    for (size_t batch : {1u, 2u, 7u}) {
      const StreamScoreResult r = Score(jobs, batch, true);
      EXPECT_TRUE(r.gold_problems.empty() && r.pred_problems.empty());
      EXPECT_EQ(r.scores.total(), one.scores.total())
          << "jobs " << jobs << ", batch " << batch;
      EXPECT_EQ(r.scores.documents(), one.scores.documents())
          << "jobs " << jobs << ", batch " << batch;
    }
  }
}

TEST_F(ScoreStreamsTest, PerDocumentSumsDoNotDependOnJobsWithoutDocuments) {
  MakeCorpus(60);
  const StreamScoreResult one = Score(1, 3, false);
  const StreamScoreResult two = Score(2, 3, false);
  EXPECT_EQ(two.scores.total(), one.scores.total());
  EXPECT_EQ(two.scores.document_count(), 60);
  for (SpanMode mode : kSpanModes)
    EXPECT_EQ(two.scores.document_sums(mode), one.scores.document_sums(mode));
}

TEST_F(ScoreStreamsTest, ProblemsAreListedTheSameWayForAnyJobs) {
  MakeCorpus(30);
  // Unreadable JSON, a document not in the gold, a duplicate and offsets
  // off the text, spread over several batches.
  std::ifstream in(dir_ + "/pred.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  lines.insert(lines.begin() + 3, R"({"doc_id": "doc1", "entities": [)");
  lines.insert(lines.begin() + 9, R"({"doc_id": "nowhere"})");
  const std::string duplicate = lines[1];
  lines.insert(lines.begin() + 12, duplicate);
  lines.push_back(R"({"doc_id": "doc4", "entities": [)"
                  R"({"id": "X", "start": 0, "end": 999, "type": "A"}]})");
  std::ofstream out(dir_ + "/bad.jsonl");
  for (const std::string& line : lines) out << line << "\n";
  out.close();
  for (size_t batch : {2u, 256u}) {
    const StreamScoreResult one = Score(1, batch, false, "bad.jsonl");
    EXPECT_GE(one.pred_problems.size(), 4u) << "batch " << batch;
    for (int jobs : {2, 3}) {
      const StreamScoreResult r = Score(jobs, batch, false, "bad.jsonl");
      EXPECT_EQ(Messages(r.pred_problems), Messages(one.pred_problems))
          << "jobs " << jobs << ", batch " << batch;
      EXPECT_TRUE(r.gold_problems.empty());
    }
  }
}

TEST_F(ScoreStreamsTest, SpilledDocIdsFindTheSameDuplicatesAndStrangers) {
  MakeCorpus(40);
  // A gold document twice; predictions twice, and one of no gold document.
  auto lines = [&](const std::string& file) {
    std::ifstream in(dir_ + "/" + file);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    return all;
  };
  auto write = [&](const std::string& file,
                   const std::vector<std::string>& all) {
    std::ofstream out(dir_ + "/" + file);
    for (const std::string& line : all) out << line << "\n";
  };
  std::vector<std::string> gold = lines("gold.jsonl");
  gold.insert(gold.begin() + 30, gold[2]);
  write("gold2.jsonl", gold);
  std::vector<std::string> pred = lines("pred.jsonl");
  pred.insert(pred.begin() + 25, pred[1]);
  pred.push_back(pred[5]);
  pred.insert(pred.begin() + 10, R"({"doc_id": "nowhere"})");
  write("pred2.jsonl", pred);
  const StreamScoreResult memory =
      Score(1, 4, false, "pred2.jsonl", "gold2.jsonl");
  ASSERT_EQ(memory.gold_problems.size(), 1u);
  EXPECT_GE(memory.pred_problems.size(), 3u);
  for (size_t ids : {1u, 3u}) {
    const StreamScoreResult spilled =
        Score(2, 4, false, "pred2.jsonl", "gold2.jsonl", ids);
    EXPECT_EQ(Messages(spilled.gold_problems), Messages(memory.gold_problems))
        << ids;
    EXPECT_EQ(Messages(spilled.pred_problems), Messages(memory.pred_problems))
        << ids;
  }
  const StreamScoreResult clean = Score(1, 4, false);
  const StreamScoreResult clean_spilled =
      Score(2, 4, false, "pred.jsonl", "gold.jsonl", 1);
  EXPECT_TRUE(clean_spilled.gold_problems.empty());
  EXPECT_TRUE(clean_spilled.pred_problems.empty());
  EXPECT_EQ(clean_spilled.scores.total(), clean.scores.total());
}

TEST_F(ScoreStreamsTest, AGoldFolderScoresAndNamesEachFileForAnyJobs) {
  MakeCorpus(20);
  // The gold as one pretty-printed .json file per document; doc7's second
  // mention overlaps its first (invalid gold, reported on its own line).
  std::vector<AnnotatedDocument> folder = gold_;
  Mention& overlap = folder[7].annotations.mentions.at(1);
  overlap.start = folder[7].annotations.mentions[0].start;
  ASSERT_TRUE(WriteCorpus(Corpus{folder}, dir_ + "/gold", true).ok());
  for (int jobs : {1, 2}) {
    const StreamScoreResult r = Score(jobs, 3, false, "pred.jsonl", "gold");
    ASSERT_EQ(r.gold_problems.size(), 1u) << "jobs " << jobs;
    const std::string message = r.gold_problems[0].ToString();
    EXPECT_NE(message.find("/gold/doc7.json:"), std::string::npos) << message;
    EXPECT_NE(message.find("overlaps"), std::string::npos) << message;
    EXPECT_EQ(r.gold_problems[0].where().line,
              Score(1, 256, false, "pred.jsonl", "gold")
                  .gold_problems[0]
                  .where()
                  .line);
    EXPECT_GT(r.gold_problems[0].where().line, 3);  // the mention's line
  }
  // Valid, the folder scores as the JSONL file does.
  ASSERT_TRUE(WriteCorpus(Corpus{gold_}, dir_ + "/gold_ok", true).ok());
  const StreamScoreResult jsonl = Score(1, 256, true);
  for (int jobs : {1, 2}) {
    const StreamScoreResult r = Score(jobs, 3, true, "pred.jsonl", "gold_ok");
    EXPECT_TRUE(r.gold_problems.empty() && r.pred_problems.empty());
    EXPECT_EQ(r.scores.total(), jsonl.scores.total()) << "jobs " << jobs;
    EXPECT_EQ(r.scores.documents(), jsonl.scores.documents());
  }
}

}  // namespace
}  // namespace ieval
