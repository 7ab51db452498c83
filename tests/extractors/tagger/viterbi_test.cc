// Viterbi against brute force on tiny random models, and the label scheme
// (viterbi.h, label_scheme.h).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ieval/extractors/tagger/label_scheme.h"
#include "ieval/extractors/tagger/viterbi.h"

namespace ieval::tagger {
namespace {

struct RandomModel {
  int labels, length;
  std::vector<float> emissions, transitions, start, end;
};

RandomModel MakeRandom(std::mt19937& rng, bool forbid_some) {
  std::uniform_int_distribution<int> labels(2, 5), length(1, 6);
  std::uniform_real_distribution<float> score(-2.0f, 2.0f);
  std::bernoulli_distribution forbid(forbid_some ? 0.2 : 0.0);
  RandomModel m;
  m.labels = labels(rng);
  m.length = length(rng);
  auto fill = [&](std::vector<float>* v, size_t n, bool may_forbid) {
    for (size_t i = 0; i < n; ++i)
      v->push_back(may_forbid && forbid(rng) ? kForbidden : score(rng));
  };
  const auto l = static_cast<size_t>(m.labels);
  fill(&m.emissions, l * static_cast<size_t>(m.length), false);
  fill(&m.transitions, l * l, true);
  fill(&m.start, l, true);
  fill(&m.end, l, true);
  return m;
}

// Every path, the obviously correct way.
std::pair<double, std::vector<std::vector<int>>> BruteForce(
    const RandomModel& m) {
  std::vector<int> path(static_cast<size_t>(m.length), 0);
  double best = -INFINITY;
  std::vector<std::vector<int>> argmax;
  for (;;) {
    const double s =
        PathScore(m.emissions.data(), m.labels, m.transitions.data(),
                  m.start.data(), m.end.data(), path);
    if (s > best + 1e-4) {
      best = s;
      argmax = {path};
    } else if (s > best - 1e-4) {
      argmax.push_back(path);
    }
    size_t i = 0;
    while (i < path.size() && ++path[i] == m.labels) path[i++] = 0;
    if (i == path.size()) break;
  }
  return {best, argmax};
}

TEST(Viterbi, FindsTheBestPathOfRandomModels) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 500; ++trial) {
    const RandomModel m = MakeRandom(rng, trial % 2 == 1);
    const std::vector<int> path =
        Viterbi(m.emissions.data(), m.length, m.labels, m.transitions.data(),
                m.start.data(), m.end.data());
    const auto [best, argmax] = BruteForce(m);
    ASSERT_EQ(path.size(), static_cast<size_t>(m.length));
    // When every path takes a forbidden move, float cannot rank them.
    if (best < kForbidden / 2) continue;
    const double score =
        PathScore(m.emissions.data(), m.labels, m.transitions.data(),
                  m.start.data(), m.end.data(), path);
    ASSERT_NEAR(score, best, 1e-3) << "trial " << trial;
    if (argmax.size() == 1) {
      EXPECT_EQ(path, argmax[0]) << "trial " << trial;
    }
  }
}

TEST(Viterbi, EmptySequenceGivesNoLabels) {
  const float zero[4] = {0, 0, 0, 0};
  EXPECT_TRUE(Viterbi(nullptr, 0, 2, zero, zero, zero).empty());
}

TEST(LabelScheme, SpansSurviveTheRoundTripInBothSchemes) {
  const std::vector<TokenSpan> spans = {
      {0, 1, 0}, {1, 3, 0}, {4, 7, 2}, {7, 8, 1}};
  for (LabelScheme s : {LabelScheme::kBio, LabelScheme::kBilou}) {
    EXPECT_EQ(LabelsToSpans(s, SpansToLabels(s, 9, spans)), spans)
        << LabelSchemeName(s);
  }
}

TEST(LabelScheme, LabelNamesFollowTheScheme) {
  const std::vector<std::string> types = {"PER", "LOC"};
  const std::vector<int> bilou =
      SpansToLabels(LabelScheme::kBilou, 4, {{0, 1, 1}, {1, 4, 0}});
  std::vector<std::string> names;
  for (int l : bilou) names.push_back(LabelName(LabelScheme::kBilou, types, l));
  EXPECT_EQ(names,
            (std::vector<std::string>{"U-LOC", "B-PER", "I-PER", "L-PER"}));
}

bool Allowed(const Constraints& c, int n, const std::vector<int>& labels) {
  if (!c.start[static_cast<size_t>(labels.front())] ||
      !c.end[static_cast<size_t>(labels.back())])
    return false;
  for (size_t t = 1; t < labels.size(); ++t)
    if (!c.transition[static_cast<size_t>(labels[t - 1] * n + labels[t])])
      return false;
  return true;
}

TEST(LabelScheme, ConstraintsAllowEveryEncodedSequence) {
  const std::vector<TokenSpan> spans = {
      {0, 1, 0}, {1, 3, 0}, {3, 4, 1}, {5, 8, 2}};
  for (LabelScheme s : {LabelScheme::kBio, LabelScheme::kBilou}) {
    const Constraints c = MakeConstraints(s, 3);
    EXPECT_TRUE(Allowed(c, NumLabels(s, 3), SpansToLabels(s, 8, spans)))
        << LabelSchemeName(s);
  }
}

TEST(LabelScheme, ConstraintsForbidBrokenEntities) {
  // BIO: O -> I-PER, B-PER -> I-LOC, a sequence starting with I-.
  const Constraints bio = MakeConstraints(LabelScheme::kBio, 2);
  const int n = NumLabels(LabelScheme::kBio, 2);  // O B-0 I-0 B-1 I-1
  EXPECT_FALSE(Allowed(bio, n, {0, 2}));
  EXPECT_FALSE(Allowed(bio, n, {1, 4}));
  EXPECT_FALSE(Allowed(bio, n, {2}));
  EXPECT_TRUE(Allowed(bio, n, {1, 3}));  // two one-token entities
  // BILOU: B- must be followed by I- or L- and cannot end a sequence.
  const Constraints bilou = MakeConstraints(LabelScheme::kBilou, 1);
  const int m = NumLabels(LabelScheme::kBilou, 1);  // O B I L U
  EXPECT_FALSE(Allowed(bilou, m, {1, 0}));
  EXPECT_FALSE(Allowed(bilou, m, {1}));
  EXPECT_FALSE(Allowed(bilou, m, {0, 3}));
  EXPECT_TRUE(Allowed(bilou, m, {1, 2, 3, 4}));
}

}  // namespace
}  // namespace ieval::tagger
