#include "ieval/extractors/ensemble/ensemble_extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ieval/extractors/variants.h"
#include "testing/test_extractors.h"

namespace ieval {
namespace {

using testing::ParseSpans;

std::vector<std::string> Spans(const Annotations& a) {
  std::vector<std::string> out;
  for (const Mention& m : a.mentions) {
    out.push_back(std::to_string(m.start) + "-" + std::to_string(m.end) + ":" +
                  m.type);
  }
  return out;
}

// Each member's output with ids T1… as RunExtractor gives them.
Annotations Member(const std::string& spans) {
  Annotations a = ParseSpans(spans);
  for (size_t i = 0; i < a.mentions.size(); ++i)
    a.mentions[i].id = "T" + std::to_string(i + 1);
  return a;
}

TEST(CombineByPriority, OnOverlapTheEarlierMemberWins) {
  auto out = CombineByPriority({Member("0-5:ORG"), Member("3-9:LOC")});
  EXPECT_EQ(Spans(out), (std::vector<std::string>{"0-5:ORG"}));
}

TEST(CombineByPriority, KeepsWhatDoesNotOverlapFromEveryMember) {
  auto out = CombineByPriority(
      {Member("10-12:PER"), Member("0-5:LOC,11-13:ORG,20-22:DATE")});
  EXPECT_EQ(Spans(out),
            (std::vector<std::string>{"0-5:LOC", "10-12:PER", "20-22:DATE"}));
  EXPECT_EQ(out.mentions[0].id, "T1");
  EXPECT_EQ(out.mentions[2].id, "T3");
}

TEST(CombineByPriority, SameSpanAndTypeKeepsTheFirstEntityIdOrFillsIt) {
  Annotations a = Member("0-5:LOC");
  Annotations b = Member("0-5:LOC=paris");
  auto out = CombineByPriority({a, b});
  ASSERT_EQ(out.mentions.size(), 1u);
  EXPECT_EQ(out.mentions[0].entity, "paris");
}

TEST(CombineByVote, KeepsWhatAStrictMajorityFound) {
  auto out = CombineByVote(
      {Member("0-5:LOC,7-9:PER"), Member("0-5:LOC"), Member("7-9:ORG")}, 0);
  EXPECT_EQ(Spans(out), (std::vector<std::string>{"0-5:LOC"}));
}

TEST(CombineByVote, MinVotesLowersTheBar) {
  auto out = CombineByVote(
      {Member("0-5:LOC,7-9:PER"), Member("0-5:LOC"), Member("7-9:ORG")}, 1);
  EXPECT_EQ(Spans(out),
            (std::vector<std::string>{"0-5:LOC", "7-9:PER"}));  // PER: earlier
}

TEST(CombineByVote, OverlapsGoToTheMentionWithMoreVotes) {
  auto out = CombineByVote(
      {Member("0-9:ORG"), Member("0-5:LOC"), Member("0-5:LOC")}, 1);
  EXPECT_EQ(Spans(out), (std::vector<std::string>{"0-5:LOC"}));
}

TEST(CombineByVote, RelationsNeedTheirVotesAndTheirMentions) {
  Annotations a = Member("0-2:PER,4-6:ORG");
  a.relations = {{"affiliated_with", "T1", "T2"}};
  Annotations b = a;
  Annotations c = Member("0-2:PER,4-6:ORG");
  c.relations = {{"leader_of", "T1", "T2"}};
  auto out = CombineByVote({a, b, c}, 0);
  ASSERT_EQ(out.relations.size(), 1u);
  EXPECT_EQ(out.relations[0], (Relation{"affiliated_with", "T1", "T2"}));
}

TEST(CombineByPriority, RelationsFollowTheirMentions) {
  Annotations a = Member("0-2:PER");
  Annotations b = Member("0-2:PER,1-6:ORG,8-9:LOC");
  b.relations = {{"affiliated_with", "T1", "T2"}, {"leader_of", "T1", "T3"}};
  auto out = CombineByPriority({a, b});
  // 1-6 overlaps a's 0-2 and is dropped with its relation; 8-9 stays.
  ASSERT_EQ(out.relations.size(), 1u);
  EXPECT_EQ(out.relations[0], (Relation{"leader_of", "T1", "T2"}));
}

class EnsembleTest : public ::testing::Test {
 protected:
  Result<std::unique_ptr<Extractor>> Create(const std::string& members,
                                            const std::string& strategy) {
    std::vector<VariantSpec> specs = {
        {"a", "fixed", {{"spans", "0-3:PER,10-14:LOC"}}, ""},
        {"b", "fixed", {{"spans", "10-14:LOC,20-24:ORG"}}, ""},
        {"c", "fixed", {{"spans", "0-3:ORG"}}, ""},
        {"link", "pairer", {}, ""},
        {"e", "ensemble", {{"members", members}, {"strategy", strategy}}, ""}};
    auto set = VariantSet::FromSpecs(specs, registry_, "test");
    if (!set.ok()) return set.status();
    set_ = std::make_unique<VariantSet>(std::move(*set));
    return set_->Create("e");
  }
  ExtractorRegistry registry_ = testing::TestRegistry();
  std::unique_ptr<VariantSet> set_;
  Document doc_{"d", std::string(30, 'x')};
};

TEST_F(EnsembleTest, PriorityIsTheUnionInMemberOrder) {
  auto e = Create("c,a,b", "priority");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = (*e)->Extract(doc_);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out),
            (std::vector<std::string>{"0-3:ORG", "10-14:LOC", "20-24:ORG"}));
}

TEST_F(EnsembleTest, VoteKeepsTheMajority) {
  auto e = Create("a,b,c", "vote");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = (*e)->Extract(doc_);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(Spans(*out), (std::vector<std::string>{"10-14:LOC"}));
}

TEST_F(EnsembleTest, UpstreamMembersRunLastOverTheCombination) {
  // "link" is listed first but does not vote: it links the first two
  // mentions of the union of a and b.
  auto e = Create("link,a,b", "priority");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  auto out = (*e)->Extract(doc_);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(Spans(*out),
            (std::vector<std::string>{"0-3:PER", "10-14:LOC", "20-24:ORG"}));
  ASSERT_EQ(out->relations.size(), 1u);
  EXPECT_EQ(out->relations[0], (Relation{"allied_with", "T1", "T2"}));
}

TEST_F(EnsembleTest, VersionNamesTheStrategyAndEveryMember) {
  auto e = Create("a,b", "vote");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ((*e)->Version(), "vote(a 1, b 1)");
}

TEST_F(EnsembleTest, UnknownStrategyIsRefused) {
  auto e = Create("a", "best");
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(e.status().message(),
              ::testing::HasSubstr("must be priority or vote, not 'best'"));
}

}  // namespace
}  // namespace ieval
