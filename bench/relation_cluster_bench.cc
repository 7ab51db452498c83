// Relation scoring (eval/score/include/ieval/score/relation_scorer.h) and
// cluster scoring (eval/score/include/ieval/score/cluster_scorer.h: MUC,
// B-cubed, CEAF, BLANC) over the merged document of 10k, 100k and 1M gold
// mentions of the synthetic corpus (with their relations and entity ids).
//
// Baselines (x_baseline): for relations, sorting the gold and predicted
// relations (type, head, tail); for clusters, sorting the gold and
// predicted mentions by entity id — grouping is the least either must do.
// The answers are checked against the sums of per-document scores.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus_inputs.h"
#include "ieval/score/cluster_scorer.h"
#include "ieval/score/relation_scorer.h"

namespace ieval {
namespace {

using bench::MentionCorpus;

const std::set<std::string> kSymmetric = {"allied_with"};

void SortRelations(const MentionCorpus& c) {
  for (const auto* side :
       {&c.merged_gold.relations, &c.merged_pred.relations}) {
    std::vector<const Relation*> order;
    order.reserve(side->size());
    for (const Relation& r : *side) order.push_back(&r);
    std::sort(order.begin(), order.end(),
              [](const Relation* a, const Relation* b) { return *a < *b; });
    benchmark::DoNotOptimize(order.data());
  }
}

void SortByEntity(const MentionCorpus& c) {
  for (const auto* side : {&c.merged_gold.mentions, &c.merged_pred.mentions}) {
    std::vector<const Mention*> order;
    order.reserve(side->size());
    for (const Mention& m : *side)
      if (m.entity) order.push_back(&m);
    std::sort(order.begin(), order.end(),
              [](const Mention* a, const Mention* b) {
                return *a->entity < *b->entity;
              });
    benchmark::DoNotOptimize(order.data());
  }
}

void SetRates(benchmark::State& state, const MentionCorpus& c) {
  bench::SetMentionRates(state, c);
  state.counters["gold_relations"] =
      static_cast<double>(c.merged_gold.relations.size());
}

void BM_SortRelations(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  for (auto _ : state) SortRelations(c);
  SetRates(state, c);
}

void BM_ScoreRelations(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  RelationCounts want;
  for (size_t d = 0; d < c.gold.size(); ++d)
    want += ScoreRelations(c.gold[d].annotations, c.pred[d].annotations,
                           kSymmetric);
  bench::Check(want.strict.overall.gold() ==
                   static_cast<double>(c.merged_gold.relations.size()),
               "every gold relation counted");
  bench::RatioTimer ratio([&] { SortRelations(c); });
  for (auto _ : state) {
    ratio.Time([&] {
      const RelationCounts got =
          ScoreRelations(c.merged_gold, c.merged_pred, kSymmetric);
      bench::Check(got == want, "relation counts = sum over documents");
    });
  }
  ratio.Report(state);
  SetRates(state, c);
}

void BM_SortByEntity(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  for (auto _ : state) SortByEntity(c);
  SetRates(state, c);
}

void BM_ScoreClusters(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  ClusterCounts want;
  for (size_t d = 0; d < c.gold.size(); ++d)
    want += ScoreClusters(c.gold[d].annotations.mentions,
                          c.pred[d].annotations.mentions);
  bench::RatioTimer ratio([&] { SortByEntity(c); });
  for (auto _ : state) {
    ratio.Time([&] {
      const ClusterCounts got =
          ScoreClusters(c.merged_gold.mentions, c.merged_pred.mentions);
      bench::Check(bench::ClustersAddUp(got, want),
                   "cluster counts = sum over documents");
    });
  }
  ratio.Report(state);
  SetRates(state, c);
}

BENCHMARK(BM_SortRelations)->Apply(bench::MentionSizes);
BENCHMARK(BM_ScoreRelations)->Apply(bench::MentionSizes);
BENCHMARK(BM_SortByEntity)->Apply(bench::MentionSizes);
BENCHMARK(BM_ScoreClusters)->Apply(bench::MentionSizes);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
