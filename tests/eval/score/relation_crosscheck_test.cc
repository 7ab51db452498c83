// Relation scoring (eval/score/include/ieval/score/relation_scorer.h) against a
// brute-force reading of its definition, on random documents: every predicted
// relation is compared with every gold relation by argument spans and types,
// each gold relation used at most once. The scorer counts with hash indexes and
// sorted integer keys; this checks those shortcuts change nothing.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "ieval/score/relation_scorer.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using ::ieval::testing::MakeRandomDocument;

const std::vector<std::string> kRelationTypes = {"near", "leads", "knows"};
const std::set<std::string> kSymmetric = {"near"};

// Up to `n` relations between random mentions of `mentions` (ids given to
// them), with a few dangling arguments.
std::vector<Relation> RandomRelations(std::mt19937& rng,
                                      std::vector<Mention>& mentions,
                                      const std::string& prefix, int n) {
  auto pick = [&](int k) {
    return std::uniform_int_distribution<int>(0, k - 1)(rng);
  };
  for (size_t i = 0; i < mentions.size(); ++i)
    mentions[i].id = prefix + std::to_string(i);
  std::vector<Relation> relations;
  if (mentions.empty()) return relations;
  const int size = static_cast<int>(mentions.size());
  for (int i = 0; i < n; ++i) {
    Relation r;
    r.type = kRelationTypes[static_cast<size_t>(pick(3))];
    r.head = pick(12) == 0 ? "missing" : mentions[pick(size)].id;
    r.tail = mentions[static_cast<size_t>(pick(size))].id;
    relations.push_back(r);
  }
  return relations;
}

const Mention* Find(const std::vector<Mention>& mentions,
                    const std::string& id) {
  for (const Mention& m : mentions)
    if (m.id == id) return &m;
  return nullptr;
}

// The definition, literally: a predicted relation is correct when an
// unused gold relation has its type and arguments with its arguments'
// spans (strict: and types), either way round for a symmetric type.
TypedCounts BruteForce(const Annotations& gold, const Annotations& pred,
                       bool strict) {
  TypedCounts counts;
  std::vector<const Relation*> unused;
  for (const Relation& r : gold.relations) {
    counts.per_type[r.type];
    if (Find(gold.mentions, r.head) && Find(gold.mentions, r.tail))
      unused.push_back(&r);
  }
  auto same = [&](const Mention* p, const Mention* g) {
    return p != nullptr && p->start == g->start && p->end == g->end &&
           (!strict || p->type == g->type);
  };
  for (const Relation& r : pred.relations) {
    counts.per_type[r.type];
    const Mention* h = Find(pred.mentions, r.head);
    const Mention* t = Find(pred.mentions, r.tail);
    bool matched = false;
    for (auto it = unused.begin(); it != unused.end() && !matched; ++it) {
      const Relation& g = **it;
      if (g.type != r.type) continue;
      const Mention* gh = Find(gold.mentions, g.head);
      const Mention* gt = Find(gold.mentions, g.tail);
      matched = (same(h, gh) && same(t, gt)) ||
                (kSymmetric.count(g.type) && same(h, gt) && same(t, gh));
      if (matched) unused.erase(it);
    }
    const PrfCounts c = matched ? PrfCounts{1, 0, 0} : PrfCounts{0, 1, 0};
    counts.per_type[r.type] += c;
    counts.overall += c;
  }
  for (const Relation* g : unused) {
    counts.per_type[g->type] += PrfCounts{0, 0, 1};
    counts.overall += PrfCounts{0, 0, 1};
  }
  return counts;
}

TEST(RelationCrosscheck, AgreesWithTheDefinitionOnRandomDocuments) {
  std::mt19937 rng(20261124);
  for (int trial = 0; trial < 400; ++trial) {
    // unique_spans: gold spans are unique by construction, predicted ones
    // too, so "the gold mention of a span" is unambiguous for both.
    auto doc = MakeRandomDocument(rng, 60, /*unique_spans=*/true);
    Annotations gold, pred;
    gold.mentions = doc.gold;
    pred.mentions = doc.pred;
    const int n = std::uniform_int_distribution<int>(0, 10)(rng);
    gold.relations = RandomRelations(rng, gold.mentions, "G", n);
    pred.relations = RandomRelations(rng, pred.mentions, "P", n + 2);
    // Predictions that copy gold relations through same-span mentions,
    // every other one reversed.
    bool reverse = false;
    for (const Relation& g : gold.relations) {
      const Mention* h = Find(gold.mentions, g.head);
      const Mention* t = Find(gold.mentions, g.tail);
      const Mention *ph = nullptr, *pt = nullptr;
      for (const Mention& m : pred.mentions) {
        if (h && m.start == h->start && m.end == h->end) ph = &m;
        if (t && m.start == t->start && m.end == t->end) pt = &m;
      }
      if (!ph || !pt) continue;
      reverse = !reverse;
      pred.relations.push_back(reverse ? Relation{g.type, pt->id, ph->id}
                                       : Relation{g.type, ph->id, pt->id});
    }
    const RelationCounts got = ScoreRelations(gold, pred, kSymmetric);
    ASSERT_EQ(got.strict, BruteForce(gold, pred, true)) << "trial " << trial;
    ASSERT_EQ(got.boundaries, BruteForce(gold, pred, false))
        << "trial " << trial;
  }
}

}  // namespace
}  // namespace ieval
