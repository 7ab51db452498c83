// Span scoring (eval/score/): the alignment, one document's scores and a
// whole corpus's, over 10k, 100k and 1M gold mentions (about as many
// predicted) of the synthetic corpus.
//
// Baseline (x_baseline): sorting all gold and all predicted mentions into
// canonical order (bench/corpus_inputs.h). The target (bench/README.md,
// "Span scoring"): scoring 1M + 1M mentions within 5x that.
//   build/release/bench/span_bench --benchmark_filter=1000000
//
// BM_ScoreSpans is span scoring proper, what the target names: the
// alignment and the entity scores read off it (the four matching modes,
// the SemEval categories, the error categories). BM_ScoreDocument adds
// every other family `ieval score` computes from the same mentions
// (relations, normalised values, coreference clusters), scoring every
// mention as one document (no text, so no example text); BM_ScoreCorpus
// scores document by document with their texts and sums them, as `ieval
// score` does. Both must give the same counts (the merged document's
// documents do not overlap): checked.
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "corpus_inputs.h"
#include "ieval/score/alignment.h"
#include "ieval/score/scorer.h"
#include "ieval/score/span_scorer.h"

namespace ieval {
namespace {

using bench::MentionCorpus;

void BM_SortMentions(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  for (auto _ : state) bench::SortMentions(c);
  bench::SetMentionRates(state, c);
}

void BM_AlignMentions(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  const size_t pairs =
      AlignMentions(c.merged_gold.mentions, c.merged_pred.mentions, 0.0)
          .boundary_first.pairs.size();
  bench::RatioTimer ratio([&] { bench::SortMentions(c); });
  for (auto _ : state) {
    ratio.Time([&] {
      const DocumentAlignment a =
          AlignMentions(c.merged_gold.mentions, c.merged_pred.mentions, 0.0);
      bench::Check(a.boundary_first.pairs.size() == pairs, "same pairs");
    });
  }
  ratio.Report(state);
  bench::SetMentionRates(state, c);
}

// The corpus scored document by document, as `ieval score` sums it.
const DocumentScores& CorpusTotal(const MentionCorpus& c) {
  static std::map<const MentionCorpus*, DocumentScores> cache;
  auto it = cache.find(&c);
  if (it != cache.end()) return it->second;
  CorpusScores corpus;
  for (size_t d = 0; d < c.gold.size(); ++d) {
    corpus.Add(ScoreDocument(c.gold[d].document, c.gold[d].annotations,
                             c.pred[d].annotations, ScoreOptions{}));
  }
  return cache.emplace(&c, corpus.total()).first->second;
}

// The counts both layouts must agree on (examples differ: no text in the
// merged document).
void CheckSame(const DocumentScores& got, const DocumentScores& want,
               const MentionCorpus& c) {
  bench::Check(got.entities.gold_mentions == c.gold_mentions, "gold mentions");
  bench::Check(got.entities.predicted_mentions == c.pred_mentions,
               "predicted mentions");
  bench::Check(got.entities.modes == want.entities.modes, "mode counts");
  bench::Check(got.entities.semeval == want.entities.semeval, "SemEval");
  bench::Check(got.entities.errors.counts == want.entities.errors.counts,
               "error counts");
  bench::Check(got.relations == want.relations, "relation counts");
  bench::Check(got.values == want.values, "value counts");
  bench::Check(bench::ClustersAddUp(got.clusters, want.clusters),
               "cluster counts");
}

void BM_ScoreSpans(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  const DocumentScores& want = CorpusTotal(c);
  bench::RatioTimer ratio([&] { bench::SortMentions(c); });
  const auto& gold = c.merged_gold.mentions;
  const auto& pred = c.merged_pred.mentions;
  for (auto _ : state) {
    ratio.Time([&] {
      const DocumentAlignment a = AlignMentions(gold, pred, 0.0);
      const EntityScores s = ScoreEntities(Document{}, gold, pred, a, 0);
      bench::Check(s.modes == want.entities.modes, "mode counts");
      bench::Check(s.semeval == want.entities.semeval, "SemEval");
    });
  }
  ratio.Report(state);
  bench::SetMentionRates(state, c);
}

void BM_ScoreDocument(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  const DocumentScores& want = CorpusTotal(c);
  bench::RatioTimer ratio([&] { bench::SortMentions(c); });
  for (auto _ : state) {
    ratio.Time([&] {
      const DocumentScores s =
          ScoreDocument(c.merged_gold, c.merged_pred, ScoreOptions{});
      CheckSame(s, want, c);
    });
  }
  ratio.Report(state);
  bench::SetMentionRates(state, c);
}

void BM_ScoreCorpus(benchmark::State& state) {
  const MentionCorpus& c = bench::Mentions(state.range(0));
  const DocumentScores& want = CorpusTotal(c);
  bench::RatioTimer ratio([&] { bench::SortMentions(c); });
  for (auto _ : state) {
    ratio.Time([&] {
      CorpusScores corpus;
      for (size_t d = 0; d < c.gold.size(); ++d) {
        corpus.Add(ScoreDocument(c.gold[d].document, c.gold[d].annotations,
                                 c.pred[d].annotations, ScoreOptions{}));
      }
      CheckSame(corpus.total(), want, c);
    });
  }
  ratio.Report(state);
  bench::SetMentionRates(state, c);
}

BENCHMARK(BM_SortMentions)->Apply(bench::MentionSizes);
BENCHMARK(BM_AlignMentions)->Apply(bench::MentionSizes);
BENCHMARK(BM_ScoreSpans)->Apply(bench::MentionSizes);
BENCHMARK(BM_ScoreDocument)->Apply(bench::MentionSizes);
BENCHMARK(BM_ScoreCorpus)->Apply(bench::MentionSizes);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
