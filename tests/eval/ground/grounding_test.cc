#include "ieval/ground/grounding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ieval {
namespace {

Mention M(const std::string& text, const std::string& type = "LOC") {
  Mention m;
  m.type = type;
  m.text = text;
  return m;
}

struct Placed {
  int64_t start;
  int64_t end;
  GroundAlignment alignment;
  friend bool operator==(const Placed&, const Placed&) = default;
};

std::ostream& operator<<(std::ostream& os, const Placed& p) {
  return os << "[" << p.start << ", " << p.end << ") "
            << GroundAlignmentName(p.alignment);
}

std::vector<Placed> Places(const GroundResult& r) {
  std::vector<Placed> out;
  for (const GroundedMention& g : r.mentions) {
    out.push_back({g.mention.start, g.mention.end, g.alignment});
  }
  return out;
}

constexpr GroundAlignment kExact = GroundAlignment::kExact;
constexpr GroundAlignment kNormalised = GroundAlignment::kNormalised;
constexpr GroundAlignment kFuzzy = GroundAlignment::kFuzzy;
constexpr GroundAlignment kUngrounded = GroundAlignment::kUngrounded;

TEST(GroundTest, EachPassRecordsItsAlignment) {
  //                 0         1         2         3         4
  //                 0123456789012345678901234567890123456789012345
  const std::string text =
      "La Corée du Nord et l\u2019OTAN, puis les États-Unis.";
  const GroundResult r =
      Ground(text, {M("Corée du Nord"), M("l'OTAN", "ORG"), M("ETATS-UNIS"),
                    M("Corée Nord"), M("Atlantide")});
  EXPECT_EQ(Places(r), (std::vector<Placed>{{3, 16, kExact},
                                            {20, 26, kNormalised},
                                            {37, 47, kNormalised},
                                            {3, 16, kFuzzy},
                                            {0, 0, kUngrounded}}));
  EXPECT_EQ(r.counts.predictions, 5);
  EXPECT_EQ(r.counts.exact, 1);
  EXPECT_EQ(r.counts.normalised, 2);
  EXPECT_EQ(r.counts.fuzzy, 1);
  EXPECT_EQ(r.counts.ungrounded, 1);
  EXPECT_DOUBLE_EQ(r.counts.grounding_rate(), 0.8);
  // The prediction keeps everything but its offsets.
  EXPECT_EQ(r.mentions[1].mention.type, "ORG");
  EXPECT_EQ(*r.mentions[1].mention.text, "l'OTAN");
  EXPECT_EQ(r.mentions[4].source, 4u);
}

TEST(GroundTest, OffsetsAreCodePointsWithGuillemetsNbspAndEmoji) {
  // « and U+00A0 are one code point (two bytes) each, the emoji one code
  // point (four bytes, two UTF-16 units).
  const std::string text =
      "\U0001F1EB\u00AB\u00A0Kim\u00A0Jong\u202FUn\u00A0\u00BB \U0001F600 Kim";
  const GroundResult r =
      Ground(text, {M("Kim Jong Un", "PER"), M("Kim", "PER"),
                    M("\u00AB Kim", "PER"), M("\u00ABKim", "PER")});
  EXPECT_EQ(Places(r), (std::vector<Placed>{{3, 14, kNormalised},
                                            {19, 22, kExact},
                                            {1, 6, kNormalised},
                                            {3, 6, kFuzzy}}));
}

TEST(GroundTest, DisabledFuzzyPassLeavesStringsUngrounded) {
  GroundOptions options;
  options.fuzzy_threshold = 2.0;
  const GroundResult r =
      Ground("La Corée du Nord.", {M("Corée Nord")}, options);
  EXPECT_EQ(Places(r), (std::vector<Placed>{{0, 0, kUngrounded}}));
}

TEST(GroundTest, FuzzyThresholdRejectsHalfMatches) {
  const GroundResult r = Ground("La Corée du Nord.", {M("Corée du Sud")});
  EXPECT_EQ(r.mentions[0].alignment, kUngrounded);
}

TEST(GroundTest, MentionWithoutTextIsUngroundedNotDropped) {
  Mention no_text;
  no_text.type = "PER";
  const GroundResult r = Ground("Kim", {no_text, M("  "), M("Kim")});
  EXPECT_EQ(Places(r),
            (std::vector<Placed>{
                {0, 0, kUngrounded}, {0, 0, kUngrounded}, {0, 3, kExact}}));
}

TEST(GroundTest, WholeWordsAndFreePlacesComeFirst) {
  //                       0         1         2         3
  //                       0123456789012345678901234567890123
  const std::string text = "Iranien, Vladimir Poutine, Iran, Poutine";
  const GroundResult r = Ground(
      text, {M("Vladimir Poutine", "PER"), M("Iran"), M("Poutine", "PER")});
  EXPECT_EQ(Places(r),
            (std::vector<Placed>{
                {9, 25, kExact}, {27, 31, kExact}, {33, 40, kExact}}));
  // With no free place left, a string goes inside a placed one.
  const GroundResult nested = Ground(
      "Vladimir Poutine", {M("Vladimir Poutine", "PER"), M("Poutine", "PER")});
  EXPECT_EQ(Places(nested),
            (std::vector<Placed>{{0, 16, kExact}, {9, 16, kExact}}));
}

TEST(GroundTest, ExactOccurrencesBeatNormalisedOnes) {
  //                       0         1
  //                       0123456789012345678
  const std::string text = "RUSSIE. La Russie.";
  const GroundResult r = Ground(text, {M("Russie")});
  EXPECT_EQ(Places(r), (std::vector<Placed>{{11, 17, kExact}}));
  EXPECT_EQ(r.counts.ambiguous, 1);
}

//                               0         1         2         3
//                               0123456789012345678901234567890123
constexpr char kRepeated[] = "Kim a vu Kim, puis Kim et Moon.";

TEST(GroundPolicyTest, OrderIsOneToOneInTextOrder) {
  const GroundResult two = Ground(kRepeated, {M("Kim"), M("Moon"), M("Kim")});
  EXPECT_EQ(
      Places(two),
      (std::vector<Placed>{{0, 3, kExact}, {26, 30, kExact}, {9, 12, kExact}}));
  EXPECT_EQ(two.counts.ambiguous, 2);  // "Kim" occurs 3 times, predicted 2
  const GroundResult three =
      Ground(kRepeated, {M("Kim"), M("Kim"), M("Kim"), M("Kim")});
  EXPECT_EQ(Places(three), (std::vector<Placed>{{0, 3, kExact},
                                                {9, 12, kExact},
                                                {19, 22, kExact},
                                                {0, 0, kUngrounded}}));
  EXPECT_EQ(three.counts.ambiguous, 0);
  EXPECT_EQ(three.counts.ungrounded, 1);
}

TEST(GroundPolicyTest, FirstPutsEveryRepeatOnTheFirstOccurrence) {
  GroundOptions options;
  options.policy = GroundPolicy::kFirst;
  const GroundResult r = Ground(kRepeated, {M("Kim"), M("Kim")}, options);
  EXPECT_EQ(Places(r), (std::vector<Placed>{{0, 3, kExact}, {0, 3, kExact}}));
  EXPECT_EQ(r.counts.exact, 2);
  EXPECT_EQ(r.counts.ambiguous, 2);
}

TEST(GroundPolicyTest, AllGivesEveryOccurrenceCountedOncePerPrediction) {
  GroundOptions options;
  options.policy = GroundPolicy::kAll;
  const GroundResult r = Ground(kRepeated, {M("Moon"), M("kim")}, options);
  EXPECT_EQ(Places(r), (std::vector<Placed>{{26, 30, kExact},
                                            {0, 3, kNormalised},
                                            {9, 12, kNormalised},
                                            {19, 22, kNormalised}}));
  EXPECT_EQ(r.mentions[3].source, 1u);
  EXPECT_EQ(r.counts.predictions, 2);
  EXPECT_EQ(r.counts.exact, 1);
  EXPECT_EQ(r.counts.normalised, 1);
  EXPECT_EQ(r.counts.ambiguous, 1);
}

TEST(GroundPolicyTest, NamesRoundTrip) {
  for (GroundPolicy p :
       {GroundPolicy::kOrder, GroundPolicy::kFirst, GroundPolicy::kAll}) {
    EXPECT_EQ(ParseGroundPolicy(GroundPolicyName(p)), p);
  }
  EXPECT_EQ(ParseGroundPolicy("last"), std::nullopt);
  EXPECT_STREQ(GroundAlignmentName(kNormalised), "normalised");
}

TEST(GroundCountsTest, AddUp) {
  GroundCounts a{3, 1, 1, 0, 1, 2};
  a += GroundCounts{1, 1, 0, 0, 0, 0};
  EXPECT_EQ(a, (GroundCounts{4, 2, 1, 0, 1, 2}));
  EXPECT_DOUBLE_EQ(a.grounding_rate(), 0.75);
  EXPECT_EQ(GroundCounts{}.grounding_rate(), 0.0);
}

}  // namespace
}  // namespace ieval
