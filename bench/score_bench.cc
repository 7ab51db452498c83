// Span scoring at scale: one document of 1,000,000 gold and 1,000,000
// predicted mentions, against the time of sorting those mentions (the
// target: scoring within 5x of sorting). Run:
//   build/release/bench/score_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "ieval/score/alignment.h"
#include "ieval/score/scorer.h"

namespace ieval {
namespace {

struct SyntheticDocument {
  Annotations gold;
  Annotations pred;
};

// Flat gold of `n` mentions (1-10 code points, gaps of 0-5); predictions:
// 60% exact copies, 20% shifted boundaries, 10% retyped, 10% random spans
// (overlapping and nesting freely), shuffled.
const SyntheticDocument& MakeSyntheticDocument(int64_t n) {
  static SyntheticDocument corpus;
  if (static_cast<int64_t>(corpus.gold.mentions.size()) == n) return corpus;
  std::mt19937_64 rng(42);
  auto pick = [&](int64_t k) {
    return static_cast<int64_t>(rng() % static_cast<uint64_t>(k));
  };
  const char* types[] = {"PER", "ORG", "LOC", "DATE", "QUANTITY"};
  corpus = SyntheticDocument{};
  int64_t pos = 0;
  for (int64_t i = 0; i < n; ++i) {
    Mention m;
    m.id = "T" + std::to_string(i);
    m.start = pos + pick(6);
    m.end = m.start + 1 + pick(10);
    m.type = types[pick(5)];
    m.entity = "e" + std::to_string(pick(n / 4 + 1));
    pos = m.end;
    corpus.gold.mentions.push_back(std::move(m));
  }
  for (int64_t i = 0; i < n; ++i) {
    Mention m = corpus.gold.mentions[static_cast<size_t>(pick(n))];
    m.id = "P" + std::to_string(i);
    const int64_t r = pick(10);
    if (r >= 6 && r < 8) {
      m.start = std::max<int64_t>(0, m.start - pick(2));
      m.end += pick(3);
    } else if (r == 8) {
      m.type = types[pick(5)];
    } else if (r == 9) {
      m.start = pick(pos);
      m.end = m.start + 1 + pick(20);
    }
    corpus.pred.mentions.push_back(std::move(m));
  }
  return corpus;
}

void BM_SortMentions(benchmark::State& state) {
  const SyntheticDocument& c = MakeSyntheticDocument(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    auto gold = c.gold.mentions;
    auto pred = c.pred.mentions;
    state.ResumeTiming();
    std::sort(gold.begin(), gold.end(), CanonicalLess);
    std::sort(pred.begin(), pred.end(), CanonicalLess);
    benchmark::DoNotOptimize(gold.data());
    benchmark::DoNotOptimize(pred.data());
  }
  state.SetItemsProcessed(state.iterations() * 2 * state.range(0));
}
BENCHMARK(BM_SortMentions)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_AlignMentions(benchmark::State& state) {
  const SyntheticDocument& c = MakeSyntheticDocument(state.range(0));
  for (auto _ : state) {
    auto a = AlignMentions(c.gold.mentions, c.pred.mentions, 0.0);
    benchmark::DoNotOptimize(a.boundary_first.pairs.data());
  }
  state.SetItemsProcessed(state.iterations() * 2 * state.range(0));
}
BENCHMARK(BM_AlignMentions)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_ScoreDocument(benchmark::State& state) {
  const SyntheticDocument& c = MakeSyntheticDocument(state.range(0));
  ScoreOptions options;
  for (auto _ : state) {
    auto s = ScoreDocument(c.gold, c.pred, options);
    benchmark::DoNotOptimize(s.entities.gold_mentions);
  }
  state.SetItemsProcessed(state.iterations() * 2 * state.range(0));
}
BENCHMARK(BM_ScoreDocument)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ieval
