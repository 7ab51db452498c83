// Cross-validation (crossval.h) on a small synthetic corpus: which model
// predicts which document, the folds, the counts and the log.
#include "ieval/extractors/tagger/crossval.h"

#include <gtest/gtest.h>

#include <sstream>

#include "ieval/extractors/tagger/strict_summary.h"
#include "ieval/extractors/tagger/tagger.h"
#include "synthetic_corpus.h"

namespace ieval::tagger {
namespace {

using ::ieval::testing::SyntheticCorpus;

TrainOptions SmallOptions() {
  TrainOptions options;
  options.types = {"PER", "LOC"};
  options.epochs = 2;
  options.hash_bits = 12;
  return options;
}

// The synthetic corpus, each document with one more sentence of three
// lower-case words found nowhere else (no shared prefix or suffix either),
// one of them a PER: a model that saw the document has learnt that word,
// one that did not has nothing to go on.
std::vector<AnnotatedDocument> WithWordsOfTheirOwn(int documents) {
  auto docs = SyntheticCorpus(documents);
  for (size_t k = 0; k < docs.size(); ++k) {
    std::string& text = docs[k].document.text;
    for (size_t j = 0; j < 3; ++j) {
      const std::string a(1, static_cast<char>('a' + 3 * k + j));
      const std::string word = a + "u" + a + "o" + a;
      if (j == k % 3) {
        Mention m;
        m.start = static_cast<int64_t>(text.size());
        m.end = m.start + static_cast<int64_t>(word.size());
        m.type = "PER";
        docs[k].annotations.mentions.push_back(m);
      }
      text += word + (j < 2 ? " " : ".\n");
    }
  }
  return docs;
}

bool Predicted(const Annotations& a, const Mention& m) {
  for (const Mention& p : a.mentions)
    if (p.start == m.start && p.end == m.end && p.type == m.type) return true;
  return false;
}

TEST(Crossval, EveryDocumentIsPredictedByAModelThatNeverSawIt) {
  const auto docs = WithWordsOfTheirOwn(6);
  std::ostringstream log;
  auto result = Crossval(docs, 3, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  for (size_t fold = 0; fold < 3; ++fold) {
    std::vector<AnnotatedDocument> others;
    for (size_t i = 0; i < docs.size(); ++i)
      if (i % 3 != fold) others.push_back(docs[i]);
    TrainingStats stats;
    auto model = TrainTagger(others, SmallOptions(), &stats);
    ASSERT_TRUE(model.ok());
    auto tagger = Tagger::Create(std::move(*model), nullptr);
    ASSERT_TRUE(tagger.ok());
    for (size_t i = fold; i < docs.size(); i += 3) {
      const Annotations& got = result->predictions.documents[i].annotations;
      // Training is deterministic: the same predictions as a model trained
      // here on the other folds only.
      auto want = (*tagger)->Extract(docs[i].document);
      ASSERT_TRUE(want.ok());
      EXPECT_EQ(got, *want) << "document " << i;
      // The document's own word, which only a model that saw it knows.
      EXPECT_FALSE(Predicted(got, docs[i].annotations.mentions.back()))
          << "document " << i;
    }
  }
}

TEST(Crossval, FoldsInterleaveTheCorpusOrder) {
  const auto docs = SyntheticCorpus(7);
  std::ostringstream log;
  auto result = Crossval(docs, 3, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->folds.size(), 3u);
  EXPECT_EQ(result->folds[0].test_ids,
            (std::vector<std::string>{"d0", "d3", "d6"}));
  EXPECT_EQ(result->folds[1].test_ids, (std::vector<std::string>{"d1", "d4"}));
  EXPECT_EQ(result->folds[2].test_ids, (std::vector<std::string>{"d2", "d5"}));
  EXPECT_EQ(result->folds[0].train_documents, 4);
  EXPECT_EQ(result->folds[0].train_mentions, 4 * 8);
}

TEST(Crossval, ZeroFoldsIsOneFoldPerDocument) {
  const auto docs = SyntheticCorpus(3);
  std::ostringstream log;
  auto result = Crossval(docs, 0, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->folds.size(), 3u);
  EXPECT_EQ(log.str().rfind("leave-one-document-out: 3 folds over 3 "
                            "documents; strict span match:\n",
                            0),
            0u)
      << log.str();
}

TEST(Crossval, FoldCountsAreStrictCountsOfThePredictionsAndAddUp) {
  const auto docs = SyntheticCorpus(4);
  std::ostringstream log;
  auto result = Crossval(docs, 2, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  TypedCounts sum;
  for (size_t fold = 0; fold < 2; ++fold) {
    TypedCounts want;
    for (size_t i = fold; i < docs.size(); i += 2)
      want += StrictSpanCounts(docs[i],
                               result->predictions.documents[i].annotations,
                               {"PER", "LOC"});
    EXPECT_EQ(result->folds[fold].counts, want) << "fold " << fold;
    sum += want;
  }
  EXPECT_EQ(result->total, sum);
  EXPECT_EQ(result->total.overall.gold(), 4 * 8);
}

TEST(Crossval, PredictionsKeepTheGoldOrderAndCarryNoText) {
  const auto docs = SyntheticCorpus(3);
  std::ostringstream log;
  auto result = Crossval(docs, 3, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->predictions.documents.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    const AnnotatedDocument& p = result->predictions.documents[i];
    EXPECT_EQ(p.document.doc_id, docs[i].document.doc_id);
    EXPECT_TRUE(p.document.text.empty());
    EXPECT_FALSE(p.has_text);
  }
}

TEST(Crossval, LogsAHeaderALinePerFoldAndTheTotals) {
  const auto docs = SyntheticCorpus(4);
  std::ostringstream log;
  auto result = Crossval(docs, 2, SmallOptions(), log);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const auto& f = result->folds;
  const TypedCounts& t = result->total;
  EXPECT_EQ(log.str(),
            "cross-validation: 2 folds over 4 documents; strict span match:\n"
            "fold 1/2 (test d0,d2; trained on 2 documents, 16 mentions): " +
                FormatPrf(f[0].counts.overall) +
                "\n"
                "fold 2/2 (test d1,d3; trained on 2 documents, 16 mentions): " +
                FormatPrf(f[1].counts.overall) +
                "\n"
                "all folds LOC\t" +
                FormatPrf(t.per_type.at("LOC")) +
                "\n"
                "all folds PER\t" +
                FormatPrf(t.per_type.at("PER")) +
                "\n"
                "all folds micro\t" +
                FormatPrf(t.overall) + "\n");
}

TEST(Crossval, ADocumentWithoutTextIsInvalidInputNamingIt) {
  auto docs = SyntheticCorpus(3);
  docs[1].has_text = false;
  docs[1].source_file = "gold.jsonl";
  docs[1].source_line = 2;
  std::ostringstream log;
  const Status s = Crossval(docs, 0, SmallOptions(), log).status();
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.ToString(),
            "gold.jsonl:2: d1: gold documents must carry their text");
  EXPECT_EQ(log.str(), "");
}

TEST(Crossval, MoreFoldsThanDocumentsIsAUsageError) {
  std::ostringstream log;
  const Status s =
      Crossval(SyntheticCorpus(3), 4, SmallOptions(), log).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(),
            "cross-validation needs at least 2 documents and 2 <= folds <= "
            "documents (the gold has 3, --folds 4)");
}

TEST(Crossval, OneFoldIsAUsageError) {
  std::ostringstream log;
  EXPECT_EQ(
      Crossval(SyntheticCorpus(3), 1, SmallOptions(), log).status().code(),
      Status::Code::kUsage);
}

TEST(Crossval, OneDocumentIsAUsageError) {
  std::ostringstream log;
  EXPECT_EQ(
      Crossval(SyntheticCorpus(1), 0, SmallOptions(), log).status().code(),
      Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval::tagger
