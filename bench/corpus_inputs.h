// Inputs of the span, relation and cluster benchmarks: the synthetic corpus
// (bench/tools/synthetic.h) with at least N gold mentions, as documents and
// as one merged document holding the same mentions (offsets shifted past
// the previous documents, ids and entity ids made unique per document), so
// both layouts must give the same counts — the answer check.
#ifndef IEVAL_BENCH_CORPUS_INPUTS_H_
#define IEVAL_BENCH_CORPUS_INPUTS_H_

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "bench_util.h"
#include "ieval/core/types.h"
#include "ieval/score/alignment.h"
#include "ieval/score/cluster_scorer.h"
#include "tools/synthetic.h"

namespace ieval::bench {

struct MentionCorpus {
  std::vector<AnnotatedDocument> gold;
  std::vector<AnnotatedDocument> pred;
  Annotations merged_gold;  // all documents as one, without text
  Annotations merged_pred;
  int64_t gold_mentions = 0;
  int64_t pred_mentions = 0;
};

inline void AppendShifted(const Annotations& from, int64_t shift,
                          const std::string& prefix, Annotations* to) {
  for (Mention m : from.mentions) {
    m.start += shift;
    m.end += shift;
    m.id = prefix + m.id;
    if (m.entity) m.entity = prefix + *m.entity;
    to->mentions.push_back(std::move(m));
  }
  for (Relation r : from.relations) {
    r.head = prefix + r.head;
    r.tail = prefix + r.tail;
    to->relations.push_back(std::move(r));
  }
}

// The first documents of the corpus holding at least `mentions` gold
// mentions; made once per size.
inline const MentionCorpus& Mentions(int64_t mentions) {
  static std::map<int64_t, MentionCorpus> cache;
  auto it = cache.find(mentions);
  if (it != cache.end()) return it->second;
  auto corpus = SyntheticCorpus::Create(SharedDir());
  Check(corpus.ok(), "synthetic corpus vocabulary");
  MentionCorpus c;
  int64_t shift = 0;
  while ((*corpus)->tally().gold_mentions < mentions) {
    c.gold.emplace_back();
    c.pred.emplace_back();
    (*corpus)->Next(&c.gold.back(), &c.pred.back(), nullptr);
    const std::string prefix = "d" + std::to_string(c.gold.size()) + "_";
    AppendShifted(c.gold.back().annotations, shift, prefix, &c.merged_gold);
    AppendShifted(c.pred.back().annotations, shift, prefix, &c.merged_pred);
    shift += static_cast<int64_t>(c.gold.back().document.text.size()) + 1;
  }
  c.gold_mentions = (*corpus)->tally().gold_mentions;
  c.pred_mentions = (*corpus)->tally().pred_mentions;
  return cache.emplace(mentions, std::move(c)).first->second;
}

// The baseline of span scoring: both sides sorted into canonical order
// (start, end, type, …), as the alignment must at least do.
inline void SortMentions(const MentionCorpus& c) {
  for (const auto* side : {&c.merged_gold.mentions, &c.merged_pred.mentions}) {
    std::vector<int32_t> order(side->size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return CanonicalLess((*side)[static_cast<size_t>(a)],
                           (*side)[static_cast<size_t>(b)]);
    });
    benchmark::DoNotOptimize(order.data());
  }
}

// The answer check of cluster scoring on the merged document: its counts
// equal the sum of the documents' but for the non-coreference links, which
// in the merged document also join mentions of different documents.
inline bool ClustersAddUp(const ClusterCounts& merged,
                          const ClusterCounts& summed) {
  return merged.muc == summed.muc && merged.b3 == summed.b3 &&
         merged.ceafe == summed.ceafe && merged.ceafm == summed.ceafm &&
         merged.blanc_coref == summed.blanc_coref &&
         merged.mentions == summed.mentions;
}

// 1x, 10x, 100x: 10k, 100k, 1M gold mentions (and about as many predicted).
inline void MentionSizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(10)
      ->Range(10000, 1000000)
      ->ArgName("mentions")
      ->Unit(benchmark::kMillisecond)
      ->Complexity(benchmark::oNLogN);
}

inline void SetMentionRates(benchmark::State& state, const MentionCorpus& c) {
  state.SetItemsProcessed(state.iterations() *
                          (c.gold_mentions + c.pred_mentions));
  state.counters["documents"] = static_cast<double>(c.gold.size());
  state.SetComplexityN(c.gold_mentions);
}

}  // namespace ieval::bench

#endif  // IEVAL_BENCH_CORPUS_INPUTS_H_
