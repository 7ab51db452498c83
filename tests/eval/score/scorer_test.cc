// Document and corpus scoring (eval/score/include/ieval/score/scorer.h):
// options, relations, values, clusters, averages, and that nothing depends on
// input order.
#include "ieval/score/scorer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "ieval/report/score_report.h"
#include "ieval/score/averages.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

Mention WithEntity(Mention m, const std::string& entity) {
  m.entity = entity;
  return m;
}
Mention WithValue(Mention m, const std::string& value) {
  m.value = value;
  return m;
}

// Kim (PER) leads North Korea (LOC); Kim again; a date and a quantity.
Annotations SmallGold() {
  Annotations a;
  a.mentions = {WithEntity(MakeMention("T1", 0, 3, "PER"), "kim"),
                WithEntity(MakeMention("T2", 10, 23, "LOC"), "nk"),
                WithEntity(MakeMention("T3", 30, 33, "PER"), "kim"),
                WithValue(MakeMention("T4", 40, 48, "DATE"), "XXXX-11-11"),
                WithValue(MakeMention("T5", 50, 55, "QUANTITY"), "11000")};
  a.relations = {{"leader_of", "T1", "T2"}, {"allied_with", "T3", "T2"}};
  return a;
}

ScoreOptions Options() {
  ScoreOptions o;
  o.symmetric_relations = {"allied_with"};
  return o;
}

TEST(ScoreDocument, GoldAgainstItselfScoresOneEverywhere) {
  const auto s = ScoreDocument(SmallGold(), SmallGold(), Options());
  for (SpanMode m : kSpanModes)
    EXPECT_EQ(F1(s.entities.mode(m).overall), 1.0) << SpanModeName(m);
  EXPECT_EQ(F1(s.relations.strict.overall), 1.0);
  EXPECT_EQ(F1(s.relations.boundaries.overall), 1.0);
  EXPECT_EQ(Accuracy(s.values.at("DATE")), 1.0);
  EXPECT_EQ(Accuracy(s.values.at("QUANTITY")), 1.0);
  EXPECT_EQ(ConllF1(s.clusters), 1.0);
}

TEST(ScoreDocument, TypeMapRenamesPredictedTypesOnly) {
  Annotations pred = SmallGold();
  for (Mention& m : pred.mentions)
    if (m.type == "PER") m.type = "PERSON";
  ScoreOptions o = Options();
  o.type_map = {{"PERSON", "PER"}};
  EXPECT_EQ(F1(ScoreDocument(SmallGold(), pred, o)
                   .entities.mode(SpanMode::kStrict)
                   .overall),
            1.0);
}

TEST(ScoreDocument, TypesFilterLeavesOutOtherMentionsAndTheirRelations) {
  ScoreOptions o = Options();
  o.types = {"PER"};
  const auto s = ScoreDocument(SmallGold(), Annotations{}, o);
  EXPECT_EQ(s.entities.mode(SpanMode::kStrict).overall, (PrfCounts{0, 0, 2}));
  EXPECT_EQ(s.relations.strict.overall, (PrfCounts{0, 0, 0}));
}

TEST(Relations, StrictNeedsArgumentsWithTheGoldSpanAndType) {
  Annotations pred = SmallGold();
  pred.mentions[1].type = "ORG";  // North Korea as ORG
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.relations.strict.overall, (PrfCounts{0, 2, 2}));
  EXPECT_EQ(s.relations.boundaries.overall, (PrfCounts{2, 0, 0}));
}

TEST(Relations, SymmetricTypesMatchInEitherDirection) {
  Annotations pred = SmallGold();
  pred.relations = {{"leader_of", "T1", "T2"}, {"allied_with", "T2", "T3"}};
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.relations.strict.per_type.at("allied_with"),
            (PrfCounts{1, 0, 0}));
}

TEST(Relations, DirectedTypesDoNotMatchReversed) {
  Annotations pred = SmallGold();
  pred.relations = {{"leader_of", "T2", "T1"}, {"allied_with", "T3", "T2"}};
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.relations.strict.per_type.at("leader_of"), (PrfCounts{0, 1, 1}));
}

TEST(Relations, RelationWithAnUnpredictedArgumentIsMissed) {
  Annotations pred = SmallGold();
  pred.mentions[0].end = 2;  // "Ki": the argument was not predicted exactly
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.relations.strict.per_type.at("leader_of"), (PrfCounts{0, 1, 1}));
  EXPECT_EQ(s.relations.boundaries.per_type.at("leader_of"),
            (PrfCounts{0, 1, 1}));
}

TEST(Relations, ARelationPredictedTwiceCountsOnce) {
  Annotations pred = SmallGold();
  pred.relations.push_back({"leader_of", "T1", "T2"});
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.relations.strict.per_type.at("leader_of"), (PrfCounts{1, 1, 0}));
}

TEST(Values, TrivialFormsAndCaseAreEqual) {
  EXPECT_EQ(NormaliseValue("11000.0"), "11000");
  EXPECT_EQ(NormaliseValue(" 011000 "), "11000");
  EXPECT_EQ(NormaliseValue("+1.10e4"), "11000");
  EXPECT_EQ(NormaliseValue("-0.0"), "0");
  EXPECT_EQ(NormaliseValue(".50"), "0.5");
  EXPECT_EQ(NormaliseValue("xxxx-11-11"), "XXXX-11-11");
  EXPECT_NE(NormaliseValue("11000"), NormaliseValue("11001"));
  EXPECT_NE(NormaliseValue("2024-11"), NormaliseValue("2024"));
}

TEST(Values, OnlyStrictMatchesAreCountedAndAMissingValueIsWrong) {
  Annotations pred = SmallGold();
  pred.mentions[3].value.reset();  // DATE without value
  pred.mentions[4].end = 54;       // QUANTITY with other boundaries
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.values.at("DATE"), (ValueCounts{1, 0}));
  EXPECT_EQ(s.values.count("QUANTITY"), 0u);
}

TEST(Clusters, MentionsWithoutAnEntityIdTakeNoPart) {
  const auto s = ScoreDocument(SmallGold(), SmallGold(), Options());
  EXPECT_EQ(s.clusters.mentions, (PrfCounts{3, 0, 0}));
}

TEST(Clusters, ARepeatedPredictedSpanIsKeptOnce) {
  Annotations pred = SmallGold();
  pred.mentions.push_back(WithEntity(MakeMention("X", 0, 3, "ORG"), "other"));
  const auto s = ScoreDocument(SmallGold(), pred, Options());
  EXPECT_EQ(s.clusters.mentions, (PrfCounts{3, 0, 0}));
}

TEST(Averages, MacroIsTheMeanOfPerTypeScoresAndWeightedUsesGoldSupport) {
  const ByType<PrfCounts> per_type = {{"A", {1, 0, 0}}, {"B", {0, 1, 3}}};
  const Prf macro = Macro(per_type);
  EXPECT_DOUBLE_EQ(macro.precision, 0.5);
  EXPECT_DOUBLE_EQ(macro.f1, 0.5);
  const Prf weighted = Weighted(per_type);  // supports 1 and 3
  EXPECT_DOUBLE_EQ(weighted.recall, 0.25);
}

TEST(Averages, EmptyDocumentsAreLeftOutOfPerDocumentAverages) {
  CorpusScores corpus;
  DocumentScores a = ScoreDocument(SmallGold(), SmallGold(), Options());
  a.doc_id = "a";
  DocumentScores b = ScoreDocument(Annotations{}, Annotations{}, Options());
  b.doc_id = "b";
  DocumentScores c = ScoreDocument(SmallGold(), Annotations{}, Options());
  c.doc_id = "c";
  for (auto* d : {&a, &b, &c}) corpus.Add(*d);
  const DocumentAverage avg =
      PerDocument(corpus.documents(), SpanMode::kStrict);
  EXPECT_EQ(avg.documents, 2);
  EXPECT_EQ(avg.empty_documents, 1);
  EXPECT_DOUBLE_EQ(avg.mean.f1, 0.5);
}

// A random corpus of `n` documents.
std::vector<std::pair<std::string, std::pair<Annotations, Annotations>>>
RandomCorpus(std::mt19937& rng, int n) {
  std::vector<std::pair<std::string, std::pair<Annotations, Annotations>>> c;
  for (int i = 0; i < n; ++i) {
    auto d = ::ieval::testing::MakeRandomDocument(rng, 80);
    c.push_back({"doc" + std::to_string(i),
                 {Annotations{d.gold, {}}, Annotations{d.pred, {}}}});
  }
  return c;
}

TEST(CorpusScores, ShufflingMentionsAndDocumentsGivesIdenticalOutput) {
  std::mt19937 rng(11);
  auto corpus = RandomCorpus(rng, 40);
  ScoreOptions options;
  options.max_examples = 5;
  auto score = [&](const auto& docs) {
    CorpusScores scores(options.max_examples);
    for (const auto& [id, gp] : docs)
      scores.Add(ScoreDocument(Document{id, ""}, gp.first, gp.second, options));
    return ScoresToJson(scores, options);
  };
  const std::string expected = score(corpus);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(corpus.begin(), corpus.end(), rng);
    for (auto& [id, gp] : corpus) {
      std::shuffle(gp.first.mentions.begin(), gp.first.mentions.end(), rng);
      std::shuffle(gp.second.mentions.begin(), gp.second.mentions.end(), rng);
    }
    EXPECT_EQ(score(corpus), expected) << "round " << round;
  }
}

TEST(CorpusScores, ShardsMergeInAnyOrderToTheSameTotal) {
  std::mt19937 rng(12);
  const auto corpus = RandomCorpus(rng, 30);
  ScoreOptions options;
  std::vector<CorpusScores> shards(3, CorpusScores(options.max_examples));
  CorpusScores all(options.max_examples);
  for (size_t i = 0; i < corpus.size(); ++i) {
    const auto& [id, gp] = corpus[i];
    DocumentScores d =
        ScoreDocument(Document{id, ""}, gp.first, gp.second, options);
    shards[i % 3].Add(d);
    all.Add(d);
  }
  CorpusScores forward(options.max_examples), backward(options.max_examples);
  for (int i = 0; i < 3; ++i) forward += shards[static_cast<size_t>(i)];
  for (int i = 2; i >= 0; --i) backward += shards[static_cast<size_t>(i)];
  EXPECT_EQ(forward.total(), all.total());
  EXPECT_EQ(backward.total(), all.total());
  EXPECT_EQ(forward.documents(), all.documents());
}

TEST(CorpusScores, MovedShardsMergeAsCopiedOnes) {
  std::mt19937 rng(13);
  const auto corpus = RandomCorpus(rng, 30);
  ScoreOptions options;
  std::vector<CorpusScores> shards(3, CorpusScores(options.max_examples));
  for (size_t i = 0; i < corpus.size(); ++i) {
    const auto& [id, gp] = corpus[i];
    // Some documents in two shards: their counts add up.
    const DocumentScores d =
        ScoreDocument(Document{id, ""}, gp.first, gp.second, options);
    shards[i % 3].Add(d);
    if (i % 4 == 0) shards[(i + 1) % 3].Add(d);
  }
  CorpusScores copied(options.max_examples), moved(options.max_examples);
  for (const CorpusScores& s : shards) copied += s;
  for (CorpusScores& s : shards) moved += std::move(s);
  EXPECT_EQ(moved.total(), copied.total());
  EXPECT_EQ(moved.documents(), copied.documents());
  EXPECT_EQ(moved.document_count(), copied.document_count());
}

}  // namespace
}  // namespace ieval
