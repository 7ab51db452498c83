// The four modes, the SemEval block and the error analysis of one document
// (eval/score/include/ieval/score/span_scorer.h), one behaviour per test.
#include "ieval/score/span_scorer.h"

#include <gtest/gtest.h>

#include <random>

#include "ieval/core/offset_index.h"
#include "ieval/core/text_format.h"
#include "ieval/score/alignment.h"
#include "ieval/score/scorer.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

EntityScores Score(const std::vector<Mention>& gold,
                   const std::vector<Mention>& pred, int max_examples = 20,
                   const Document& document = {}) {
  return ScoreEntities(document, gold, pred, AlignMentions(gold, pred, 0.0),
                       max_examples);
}

PrfCounts Counts(double tp, double fp, double fn) { return {tp, fp, fn}; }

// The overall counts of every mode as "mode tp/fp/fn", in kSpanModes order:
// a case's expectation reads as a table, and a failure shows all of it.
std::vector<std::string> OverallByMode(const EntityScores& s) {
  std::vector<std::string> out;
  for (SpanMode m : kSpanModes) {
    const PrfCounts& c = s.mode(m).overall;
    out.push_back(std::string(SpanModeName(m)) + " " + Count(c.tp) + "/" +
                  Count(c.fp) + "/" + Count(c.fn));
  }
  return out;
}

using Lines = std::vector<std::string>;

TEST(SpanScorer, OverlapCountsAsPartialNotExact) {
  EXPECT_EQ(OverallByMode(Score({MakeMention("g", 0, 10, "ORG")},
                                {MakeMention("p", 0, 8, "ORG")})),
            (Lines{"strict 0/1/1", "exact 0/1/1", "partial 0.5/0.5/0.5",
                   "type 1/0/0"}));
}

TEST(SpanScorer, WrongTypeOnTheExactSpanIsExactButNotStrict) {
  EXPECT_EQ(
      OverallByMode(Score({MakeMention("g", 0, 10, "ORG")},
                          {MakeMention("p", 0, 10, "LOC")})),
      (Lines{"strict 0/1/1", "exact 1/0/0", "partial 1/0/0", "type 0/1/1"}));
}

TEST(SpanScorer, SpuriousPredictionIsAFalsePositiveOfItsTypeOnly) {
  const auto s = Score({}, {MakeMention("p", 0, 3, "PER")});
  for (SpanMode m : kSpanModes) {
    EXPECT_EQ(s.mode(m).per_type.at("PER"), Counts(0, 1, 0));
    EXPECT_EQ(s.mode(m).per_type.size(), 1u);
  }
}

TEST(SpanScorer, MissedGoldIsAFalseNegativeOfItsTypeOnly) {
  const auto s = Score({MakeMention("g", 0, 3, "PER")}, {});
  for (SpanMode m : kSpanModes)
    EXPECT_EQ(s.mode(m).per_type.at("PER"), Counts(0, 0, 1));
}

TEST(SpanScorer, WrongTypePairIsFalsePositiveOfPredictedAndNegativeOfGoldType) {
  const auto s =
      Score({MakeMention("g", 0, 10, "ORG")}, {MakeMention("p", 0, 10, "LOC")});
  const auto& strict = s.mode(SpanMode::kStrict).per_type;
  EXPECT_EQ(strict.at("ORG"), Counts(0, 0, 1));
  EXPECT_EQ(strict.at("LOC"), Counts(0, 1, 0));
  // Where the mode forgives the type, the credit goes to the gold type.
  EXPECT_EQ(s.mode(SpanMode::kExact).per_type.at("ORG"), Counts(1, 0, 0));
  EXPECT_EQ(s.mode(SpanMode::kExact).per_type.at("LOC"), Counts(0, 0, 0));
}

TEST(SpanScorer, PerTypeCountsAddUpToOverallInEveryMode) {
  std::mt19937 rng(3);
  for (int i = 0; i < 300; ++i) {
    const auto d = ::ieval::testing::MakeRandomDocument(rng, 60);
    const auto s = Score(d.gold, d.pred);
    for (SpanMode m : kSpanModes) {
      PrfCounts sum;
      for (const auto& [type, c] : s.mode(m).per_type) sum += c;
      EXPECT_EQ(sum, s.mode(m).overall) << SpanModeName(m);
      EXPECT_EQ(sum.tp + sum.fn, static_cast<double>(d.gold.size()));
      EXPECT_EQ(sum.tp + sum.fp, static_cast<double>(d.pred.size()));
    }
  }
}

TEST(SpanScorer, ErrorKindsDecomposeStrictFalsePositivesAndNegatives) {
  std::mt19937 rng(5);
  for (int i = 0; i < 300; ++i) {
    const auto d = ::ieval::testing::MakeRandomDocument(rng, 60);
    const auto s = Score(d.gold, d.pred);
    auto n = [&](ErrorKind k) {
      return static_cast<double>(s.errors.counts[static_cast<size_t>(k)]);
    };
    const double paired_errors = n(ErrorKind::kWrongType) +
                                 n(ErrorKind::kWrongBoundary) +
                                 n(ErrorKind::kWrongTypeAndBoundary);
    const PrfCounts& strict = s.mode(SpanMode::kStrict).overall;
    EXPECT_EQ(strict.tp, n(ErrorKind::kCorrect));
    EXPECT_EQ(strict.fp, paired_errors + n(ErrorKind::kSpurious));
    EXPECT_EQ(strict.fn, paired_errors + n(ErrorKind::kMissed));
  }
}

TEST(SpanScorer, DuplicatePredictionIsSpurious) {
  const auto s =
      Score({MakeMention("g", 0, 3, "PER")},
            {MakeMention("p0", 0, 3, "PER"), MakeMention("p1", 0, 3, "PER")});
  EXPECT_EQ(s.mode(SpanMode::kStrict).overall, Counts(1, 1, 0));
  EXPECT_EQ(s.scheme(SemevalScheme::kStrict).overall.spurious, 1);
}

TEST(SpanScorer, SemevalPartialGivesHalfCreditFromCounts) {
  const auto s = Score(
      {MakeMention("g0", 0, 10, "ORG"), MakeMention("g1", 20, 30, "PER")},
      {MakeMention("p0", 0, 10, "ORG"), MakeMention("p1", 22, 30, "LOC")});
  const SemevalCounts& c = s.scheme(SemevalScheme::kPartial).overall;
  EXPECT_EQ(c, (SemevalCounts{1, 0, 1, 0, 0}));
  EXPECT_DOUBLE_EQ(SemevalPrecision(c, true), 0.75);
  EXPECT_EQ(s.scheme(SemevalScheme::kEntType).overall,
            (SemevalCounts{1, 1, 0, 0, 0}));
}

TEST(SpanScorer, SemevalPerTypeAlignsEachTypeOnItsOwn) {
  // Overall the LOC prediction is an incorrect match of the PER gold; per
  // type (nervaluate's per-entity results) it is a spurious LOC and a
  // missed PER.
  const auto s =
      Score({MakeMention("g", 0, 10, "PER")}, {MakeMention("p", 0, 10, "LOC")});
  const auto& block = s.scheme(SemevalScheme::kStrict);
  EXPECT_EQ(block.overall, (SemevalCounts{0, 1, 0, 0, 0}));
  EXPECT_EQ(block.per_type.at("PER"), (SemevalCounts{0, 0, 0, 1, 0}));
  EXPECT_EQ(block.per_type.at("LOC"), (SemevalCounts{0, 0, 0, 0, 1}));
}

TEST(SpanScorer, ErrorAnalysisClassifiesEveryPair) {
  const auto s = Score(
      {MakeMention("correct", 0, 3, "PER"), MakeMention("type", 5, 8, "PER"),
       MakeMention("boundary", 10, 15, "LOC"),
       MakeMention("both", 20, 25, "LOC"),
       MakeMention("missed", 30, 33, "ORG")},
      {MakeMention("p0", 0, 3, "PER"), MakeMention("p1", 5, 8, "ORG"),
       MakeMention("p2", 10, 13, "LOC"), MakeMention("p3", 22, 27, "ORG"),
       MakeMention("p4", 40, 44, "DATE")});
  const auto& c = s.errors.counts;
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kCorrect)], 1);
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kWrongType)], 1);
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kWrongBoundary)], 1);
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kWrongTypeAndBoundary)], 1);
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kMissed)], 1);
  EXPECT_EQ(c[static_cast<size_t>(ErrorKind::kSpurious)], 1);
}

TEST(SpanScorer, ConfusionMatrixUsesNoneForMissedAndSpurious) {
  const auto s = Score(
      {MakeMention("g0", 0, 3, "PER"), MakeMention("g1", 5, 8, "LOC")},
      {MakeMention("p0", 0, 3, "ORG"), MakeMention("p1", 10, 12, "DATE")});
  const std::map<std::pair<std::string, std::string>, int64_t> expected = {
      {{"PER", "ORG"}, 1}, {{"LOC", "none"}, 1}, {{"none", "DATE"}, 1}};
  EXPECT_EQ(s.errors.confusion, expected);
}

TEST(SpanScorer, ExamplesCarryDocIdTextInCodePointsAndBothLabels) {
  Document doc{"d1",
               "« Cor\xC3\xA9"
               "e du Nord » a dit"};
  const auto s = Score({MakeMention("g", 2, 15, "LOC")},
                       {MakeMention("p", 2, 7, "ORG")}, 20, doc);
  const auto& examples =
      s.errors.examples[static_cast<size_t>(ErrorKind::kWrongTypeAndBoundary)];
  ASSERT_EQ(examples.size(), 1u);
  EXPECT_EQ(examples[0].doc_id, "d1");
  EXPECT_EQ(examples[0].gold->text,
            "Cor\xC3\xA9"
            "e du Nord");
  EXPECT_EQ(examples[0].gold->type, "LOC");
  EXPECT_EQ(examples[0].pred->text,
            "Cor\xC3\xA9"
            "e");
  EXPECT_EQ(examples[0].pred->type, "ORG");
}

// The examples' text is the same whether the caller gives the text's
// OffsetIndex (`ieval score`'s workers) or not (`ieval run`), on
// texts of one- to four-byte characters (é, « », no-break spaces, 𝔸) and
// mentions in any order, some ending past the text.
TEST(SpanScorer, ExampleTextsAreTheSameWithAndWithoutAnOffsetIndex) {
  const std::vector<std::string> pieces = {
      "a",        "\xC3\xA9",     "\xC2\xAB",
      "\xC2\xA0", "\xE2\x80\xAF", "\xF0\x9D\x94\xB8",
      " "};
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    Document doc{"d", ""};
    const int length = static_cast<int>(rng() % 40);
    for (int i = 0; i < length; ++i) doc.text += pieces[rng() % pieces.size()];
    auto mentions = [&](const char* id) {
      std::vector<Mention> v;
      for (int k = static_cast<int>(rng() % 6); k > 0; --k) {
        const int64_t start = rng() % (length + 3);
        v.push_back(MakeMention(id + std::to_string(k), start,
                                start + 1 + rng() % 5, rng() % 2 ? "A" : "B"));
      }
      return v;
    };
    const std::vector<Mention> gold = mentions("g"), pred = mentions("p");
    const DocumentAlignment alignment = AlignMentions(gold, pred, 0.0);
    const OffsetIndex index(doc.text);
    const EntityScores with =
        ScoreEntities(doc, gold, pred, alignment, -1, &index);
    const EntityScores without =
        ScoreEntities(doc, gold, pred, alignment, -1, nullptr);
    ASSERT_EQ(with.errors.examples, without.errors.examples) << round;
  }
}

TEST(SpanScorer, ExamplesAreLimitedButCountsAreNot) {
  const auto s =
      Score({},
            {MakeMention("p0", 0, 3, "PER"), MakeMention("p1", 4, 6, "PER"),
             MakeMention("p2", 7, 9, "PER")},
            /*max_examples=*/2);
  const auto kind = static_cast<size_t>(ErrorKind::kSpurious);
  EXPECT_EQ(s.errors.counts[kind], 3);
  ASSERT_EQ(s.errors.examples[kind].size(), 2u);
  EXPECT_EQ(s.errors.examples[kind][0].pred->start, 0);
  EXPECT_EQ(s.errors.examples[kind][1].pred->start, 4);
}

TEST(SpanScorer, MergingExamplesKeepsTheFirstOfBothListsInOrder) {
  std::mt19937 rng(11);
  auto list = [&](int max) {
    std::vector<ErrorExample> v(rng() % 8);
    for (ErrorExample& e : v) {
      e.doc_id = "d" + std::to_string(rng() % 4);
      e.gold = ExampleMention{static_cast<int64_t>(rng() % 5), 9, "A", "x"};
    }
    std::sort(v.begin(), v.end());
    if (max >= 0 && v.size() > static_cast<size_t>(max)) v.resize(max);
    return v;
  };
  for (int round = 0; round < 500; ++round) {
    const int max = static_cast<int>(rng() % 6) - 1;  // -1: all
    ErrorAnalysis a, b;
    a.examples[0] = list(max);
    b.examples[0] = list(max);
    std::vector<ErrorExample> expected = a.examples[0];
    expected.insert(expected.end(), b.examples[0].begin(), b.examples[0].end());
    std::sort(expected.begin(), expected.end());
    if (max >= 0 && expected.size() > static_cast<size_t>(max))
      expected.resize(max);
    a.Merge(b, max);
    EXPECT_EQ(a.examples[0], expected) << "round " << round;
  }
}

TEST(SpanScorer, ManyTypesAreEachCountedUnderTheirName) {
  // More types than IndexTypes searches linearly: 40, the predictions of
  // every third one typed as the next.
  std::vector<Mention> gold, pred;
  auto type = [](int k) { return "TYPE" + std::to_string(k % 40); };
  for (int k = 0; k < 40; ++k) {
    gold.push_back(
        MakeMention("g" + std::to_string(k), 2 * k, 2 * k + 1, type(k)));
    pred.push_back(MakeMention("p" + std::to_string(k), 2 * k, 2 * k + 1,
                               type(k % 3 == 0 ? k + 1 : k)));
  }
  const auto s = Score(gold, pred);
  const auto& per_type = s.mode(SpanMode::kStrict).per_type;
  ASSERT_EQ(per_type.size(), 40u);
  EXPECT_EQ(per_type.at("TYPE0"), Counts(0, 1, 1));  // missed; 39 typed 0
  EXPECT_EQ(per_type.at("TYPE1"), Counts(1, 1, 0));  // its own, and 0's
  EXPECT_EQ(per_type.at("TYPE2"), Counts(1, 0, 0));
  EXPECT_EQ(per_type.at("TYPE3"), Counts(0, 0, 1));
  EXPECT_EQ(per_type.at("TYPE4"), Counts(1, 1, 0));
  EXPECT_EQ(s.mode(SpanMode::kStrict).overall, Counts(26, 14, 14));
}

}  // namespace
}  // namespace ieval
