// Cluster metrics on hand-checked cases, the assignment solver, and the
// exact sums they are accumulated in.
#include "ieval/score/cluster_scorer.h"

#include <gtest/gtest.h>

#include "ieval/score/assignment.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeMention;

std::vector<Mention> Letters(const std::string& clusters) {
  // "ab|c": mentions a (token 0) and b (token 1) in one cluster, c in
  // another. Letter i is a one-token mention at token i.
  std::vector<Mention> mentions;
  int cluster = 0;
  for (char c : clusters) {
    if (c == '|') {
      ++cluster;
      continue;
    }
    Mention m = MakeMention(std::string(1, c), c - 'a', c - 'a' + 1, "X");
    m.entity = "e" + std::to_string(cluster);
    mentions.push_back(m);
  }
  return mentions;
}

TEST(ClusterScorer, PradhanExampleBcubed) {
  // Pradhan et al. 2014: key {a b c}{d e f g}, response {a b}{c d}{f g h i}.
  const ClusterCounts c =
      ScoreClusters(Letters("abc|defg"), Letters("ab|cd|fghi"));
  EXPECT_NEAR(Recall(c.b3), 35.0 / 84, 1e-15);
  EXPECT_NEAR(Precision(c.b3), 0.5, 1e-15);
  EXPECT_NEAR(Recall(c.muc), 0.4, 1e-15);
}

TEST(ClusterScorer, AllSingletonGoldHasNoMucLinks) {
  const ClusterCounts c = ScoreClusters(Letters("a|b|c"), Letters("a|b|c"));
  EXPECT_EQ(c.muc.recall_den.ToDouble(), 0.0);
  EXPECT_EQ(F1(c.muc), 0.0);  // the reference scorer's 0/0
  EXPECT_EQ(F1(c.b3), 1.0);
}

TEST(Assignment, FindsTheBestOneToOnePairing) {
  // Greedy would take 0.9 and then 0.1; the optimum is 0.8 + 0.7.
  const std::vector<double> w = {0.9, 0.8,  //
                                 0.7, 0.1};
  EXPECT_EQ(MaxWeightAssignment(w, 2, 2), (std::vector<int>{1, 0}));
}

TEST(Assignment, HandlesMoreRowsThanColumns) {
  const std::vector<double> w = {0.2, 0.9, 0.5};  // 3 rows, 1 column
  EXPECT_EQ(MaxWeightAssignment(w, 3, 1), (std::vector<int>{-1, 0, -1}));
}

TEST(ExactSum, SumsDoNotDependOnOrder) {
  const double terms[] = {0.1, 1.0 / 3, 2.0 / 7, 1e-3, 5.0 / 9};
  ExactSum forward, backward;
  for (int i = 0; i < 5; ++i) forward += ExactSum::FromDouble(terms[i]);
  for (int i = 4; i >= 0; --i) backward += ExactSum::FromDouble(terms[i]);
  EXPECT_EQ(forward, backward);
  EXPECT_NEAR(forward.ToDouble(), 0.1 + 1.0 / 3 + 2.0 / 7 + 1e-3 + 5.0 / 9,
              1e-15);
}

}  // namespace
}  // namespace ieval
