// conlleval.pl's chunk rules and report format, one behaviour per test. The
// golden suite (reference_cases_test.cc) checks whole outputs against
// conlleval.pl's; these pin the rules that produce them.
#include "ieval/sequence/conlleval.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace ieval {
namespace {

using Tokens = std::vector<std::pair<std::string, std::string>>;  // gold, pred
const std::pair<std::string, std::string> kBreak = {"", ""};

SequenceCounts Score(const Tokens& tokens, ConllevalOptions options = {}) {
  ConllevalScorer scorer(std::move(options));
  for (const auto& [gold, pred] : tokens) {
    if (gold.empty()) {
      scorer.AddBoundary();
    } else {
      scorer.AddToken(gold, pred);
    }
  }
  return scorer.Finish();
}

ChunkCounts Counts(int64_t gold, int64_t predicted, int64_t correct) {
  return ChunkCounts{gold, predicted, correct};
}

TEST(Conlleval, IAfterOStartsAChunk) {
  const SequenceCounts c = Score({{"O", "O"}, {"I-LOC", "I-LOC"}});
  EXPECT_EQ(c.per_type.at("LOC"), Counts(1, 1, 1));
}

TEST(Conlleval, BAfterIOfTheSameTypeStartsANewChunk) {
  const SequenceCounts c =
      Score({{"I-PER", "I-PER"}, {"B-PER", "I-PER"}, {"O", "O"}});
  EXPECT_EQ(c.per_type.at("PER"), Counts(2, 1, 0));
}

TEST(Conlleval, ATypeChangeEndsOneChunkAndStartsAnother) {
  const SequenceCounts c = Score({{"B-ORG", "B-ORG"}, {"I-ORG", "I-LOC"}});
  EXPECT_EQ(c.per_type.at("ORG"), Counts(1, 1, 0));
  EXPECT_EQ(c.per_type.at("LOC"), Counts(0, 1, 0));
}

TEST(Conlleval, EThenBOfTheSameTypeIsOneChunk) {
  const SequenceCounts c = Score({{"B-PER", "B-PER"},
                                  {"E-PER", "E-PER"},
                                  {"B-PER", "B-PER"},
                                  {"E-PER", "E-PER"}});
  EXPECT_EQ(c.per_type.at("PER"), Counts(1, 1, 1));
}

TEST(Conlleval, ASentenceBreakEndsAChunk) {
  const SequenceCounts c =
      Score({{"B-PER", "B-PER"}, kBreak, {"I-PER", "I-PER"}});
  EXPECT_EQ(c.per_type.at("PER"), Counts(2, 2, 2));
  EXPECT_EQ(c.tokens, 2);
  EXPECT_EQ(c.sentences, 2);
}

TEST(Conlleval, TypeZeroIsTheEmptyType) {
  const SequenceCounts c = Score({{"B-0", "B-"}});
  EXPECT_EQ(c.per_type.at(""), Counts(1, 1, 1));
  EXPECT_EQ(c.correct_tags, 1);  // prefix and type compare equal
}

TEST(Conlleval, TagsAreSplitAtTheFirstHyphen) {
  const SequenceCounts c = Score({{"B-ORG-GOV", "B-ORG-GOV"}});
  EXPECT_EQ(c.per_type.at("ORG-GOV"), Counts(1, 1, 1));
}

TEST(Conlleval, RawModeMakesEveryTagAOneTokenChunk) {
  const SequenceCounts c =
      Score({{"PER", "PER"}, {"PER", "PER"}, {"NONE", "O"}, {"LOC", "NONE"}},
            ConllevalOptions{true, "NONE"});
  EXPECT_EQ(c.per_type.at("PER"), Counts(2, 2, 2));
  EXPECT_EQ(c.per_type.at("LOC"), Counts(1, 0, 0));
}

TEST(Conlleval, CountsOfDocumentsAddUpToTheCountsOfTheirConcatenation) {
  // Documents split at sentence breaks score the same apart or together.
  const std::vector<std::string> tags = {"O",     "B-PER", "I-PER", "B-LOC",
                                         "I-LOC", "E-PER", "I-ORG"};
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Tokens> docs(3);
    Tokens all;
    for (Tokens& doc : docs) {
      const int n = static_cast<int>(rng() % 8);
      for (int i = 0; i < n; ++i)
        doc.emplace_back(tags[rng() % tags.size()], tags[rng() % tags.size()]);
      doc.push_back(kBreak);
      all.insert(all.end(), doc.begin(), doc.end());
    }
    SequenceCounts sum;
    for (const Tokens& doc : docs) sum += Score(doc);
    EXPECT_EQ(sum, Score(all)) << "trial " << trial;
  }
}

TEST(ConllevalReport, HeaderOnlyWhenNoTokenWasProcessed) {
  EXPECT_EQ(FormatConllevalReport(SequenceCounts{}, false),
            "processed 0 tokens with 0 phrases; found: 0 phrases; correct: "
            "0.\n");
}

TEST(ConllevalReport, TypeNamesArePaddedOnBytes) {
  SequenceCounts c;
  c.tokens = 1;
  c.per_type["\xC3\x89V"] = Counts(1, 1, 1);  // "ÉV": 3 bytes, 2 characters
  const std::string report = FormatConllevalReport(c, false);
  EXPECT_NE(report.find("\n              \xC3\x89V: precision: 100.00%"),
            std::string::npos)
      << report;
}

TEST(ConllevalReport, TheEmptyTypeIsPrintedOncePerTableThatHasIt) {
  SequenceCounts c;
  c.tokens = 2;
  c.per_type[""] = Counts(1, 1, 0);
  c.per_type["PER"] = Counts(1, 0, 0);
  const std::string report = FormatConllevalReport(c, false);
  const std::string line =
      "                 : precision:   0.00%; recall:   0.00%; FB1:   0.00  "
      "1\n";
  EXPECT_NE(report.find(line + line), std::string::npos) << report;
}

TEST(ConllevalReport, RoundsLikePerlsPrintf) {
  SequenceCounts c;
  c.tokens = 3;
  c.correct_tags = 2;
  c.per_type["PER"] = Counts(3, 3, 2);
  EXPECT_EQ(FormatConllevalReport(c, false),
            "processed 3 tokens with 3 phrases; found: 3 phrases; correct: "
            "2.\naccuracy:  66.67%; precision:  66.67%; recall:  66.67%; "
            "FB1:  66.67\n              PER: precision:  66.67%; recall:  "
            "66.67%; FB1:  66.67  3\n");
}

TEST(ConllevalReport, LatexTable) {
  SequenceCounts c;
  c.tokens = 1;
  c.per_type["PER"] = Counts(1, 1, 1);
  EXPECT_EQ(FormatConllevalReport(c, true),
            "        & Precision &  Recall  & F$_{\\beta=1} \\\\\\hline\n"
            "PER     &  100.00\\% & 100.00\\% & 100.00 \\\\\\hline\n"
            "Overall &  100.00\\% & 100.00\\% & 100.00 \\\\\\hline\n");
}

}  // namespace
}  // namespace ieval
