// Speed of the statistics on a large corpus. Target (bench/README.md,
// "Statistics"): 10,000 bootstrap resamples of 100,000 documents well under
// a second.
//   build/release/bench/stats_bench --benchmark_filter=BM_Bootstrap
// Per-document counts are drawn like a real extractor's (small integers:
// 0-20 gold mentions, 0-5 false positives: 893 distinct rows), so rows
// repeat and the Poissonized multinomial applies
// (eval/stats/include/ieval/stats/resample.h); BM_BootstrapDistinct makes every
// document's counts unique (non-integer partial credit), forcing N index draws
// per resample, the worst case.
//
// Baseline (x_baseline): the naive bootstrap — per resample, N uniform
// index draws (splitmix64) and a sum of the drawn counts, then F1; timed on
// 100 resamples and scaled (its cost is linear in the resamples). For the
// randomization test, N coin flips and two sums per trial.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "bench_util.h"
#include "ieval/score/counts.h"
#include "ieval/stats/bootstrap.h"
#include "ieval/stats/mann_whitney.h"
#include "ieval/stats/paired.h"

namespace ieval {
namespace {

// Document counts of an extractor with the given recall on `docs` synthetic
// documents.
std::vector<PrfCounts> Corpus(int docs, double recall, uint64_t seed) {
  std::mt19937_64 gold_rng(seed);
  std::mt19937_64 found_rng(seed ^ static_cast<uint64_t>(recall * 1e6));
  std::vector<PrfCounts> out;
  out.reserve(docs);
  for (int d = 0; d < docs; ++d) {
    PrfCounts c;
    const auto gold = static_cast<int>(gold_rng() % 21);
    for (int g = 0; g < gold; ++g) {
      (static_cast<double>(found_rng() >> 11) * 0x1.0p-53 < recall ? c.tp
                                                                   : c.fn) += 1;
    }
    c.fp = static_cast<double>(found_rng() % 6);
    out.push_back(c);
  }
  return out;
}

// A second variant of the same extractor: on about a third of the documents
// it finds one more gold mention, on a tenth it adds a false positive. Like
// real variants, the two are strongly correlated per document.
std::vector<PrfCounts> Variant(const std::vector<PrfCounts>& a, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<PrfCounts> b = a;
  for (PrfCounts& c : b) {
    const uint64_t roll = rng() % 30;
    if (roll < 10 && c.fn > 0) {
      c.tp += 1;
      c.fn -= 1;
    } else if (roll < 13) {
      c.fp += 1;
    }
  }
  return b;
}

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The naive bootstrap of F1 over `docs` (the baseline), `resamples` times.
void NaiveBootstrap(const std::vector<PrfCounts>& docs, int resamples) {
  uint64_t state = 7;
  std::vector<double> f1(static_cast<size_t>(resamples));
  for (double& f : f1) {
    PrfCounts sum;
    for (size_t i = 0; i < docs.size(); ++i)
      sum += docs[SplitMix(state) % docs.size()];
    f = F1(sum);
  }
  std::sort(f1.begin(), f1.end());
  benchmark::DoNotOptimize(f1.data());
}

// The naive randomization test (the baseline), `trials` times.
void NaiveRandomization(const std::vector<PrfCounts>& a,
                        const std::vector<PrfCounts>& b, int trials) {
  uint64_t state = 7;
  int64_t extreme = 0;
  for (int t = 0; t < trials; ++t) {
    PrfCounts x, y;
    for (size_t i = 0; i < a.size(); ++i) {
      const bool swap = SplitMix(state) & 1;
      x += swap ? b[i] : a[i];
      y += swap ? a[i] : b[i];
    }
    extreme += F1(y) - F1(x) >= 0;
  }
  benchmark::DoNotOptimize(extreme);
}

PrfCounts Sum(const std::vector<PrfCounts>& docs) {
  PrfCounts sum;
  for (const PrfCounts& c : docs) sum += c;
  return sum;
}

void BM_Bootstrap(benchmark::State& state) {
  const auto docs = Corpus(static_cast<int>(state.range(1)), 0.8, 1);
  const BootstrapOptions options{.resamples = static_cast<int>(state.range(0))};
  const double f1 = F1(Sum(docs));
  bench::RatioTimer ratio([&] { NaiveBootstrap(docs, 100); },
                          options.resamples / 100.0);
  for (auto _ : state) {
    ratio.Time([&] {
      auto ci = BootstrapPrf(docs, options);
      bench::Check(ci.ok() && ci->f1.estimate == f1 && ci->f1.lower < f1 &&
                       f1 < ci->f1.upper,
                   "bootstrap interval around the F1 of the sums");
    });
  }
  ratio.Report(state);
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_Bootstrap)
    ->ArgNames({"resamples", "docs"})
    ->Args({1000, 100000})
    ->Args({10000, 100000})
    ->Unit(benchmark::kMillisecond);

void BM_BootstrapDistinct(benchmark::State& state) {
  auto docs = Corpus(static_cast<int>(state.range(1)), 0.8, 1);
  for (size_t i = 0; i < docs.size(); ++i) {
    docs[i].tp += static_cast<double>(i) * 1e-9;  // every row different
  }
  const BootstrapOptions options{.resamples = static_cast<int>(state.range(0))};
  bench::RatioTimer ratio([&] { NaiveBootstrap(docs, 100); },
                          options.resamples / 100.0);
  for (auto _ : state) {
    ratio.Time([&] {
      auto ci = BootstrapPrf(docs, options);
      bench::Check(ci.ok() && ci->f1.lower < ci->f1.upper, "an interval");
    });
  }
  ratio.Report(state);
}
BENCHMARK(BM_BootstrapDistinct)
    ->ArgNames({"resamples", "docs"})
    ->Args({1000, 100000})
    ->Unit(benchmark::kMillisecond);

void BM_PairedBootstrap(benchmark::State& state) {
  const auto a = Corpus(static_cast<int>(state.range(1)), 0.8, 1);
  const auto b = Variant(a, 2);
  const BootstrapOptions options{.resamples = static_cast<int>(state.range(0))};
  const double d = F1(Sum(b)) - F1(Sum(a));
  bench::RatioTimer ratio([&] { NaiveBootstrap(a, 100); },
                          2 * options.resamples / 100.0);
  for (auto _ : state) {
    ratio.Time([&] {
      auto r = PairedBootstrap(a, b, options);
      bench::Check(
          r.ok() && r->difference.estimate == d && d > 0 && r->p_value < 0.01,
          "B's added true positives are significant");
    });
  }
  ratio.Report(state);
}
BENCHMARK(BM_PairedBootstrap)
    ->ArgNames({"resamples", "docs"})
    ->Args({1000, 100000})
    ->Args({10000, 100000})
    ->Unit(benchmark::kMillisecond);

void BM_ApproximateRandomization(benchmark::State& state) {
  const auto a = Corpus(static_cast<int>(state.range(1)), 0.8, 1);
  const auto b = Variant(a, 2);
  const BootstrapOptions options{.resamples = static_cast<int>(state.range(0))};
  bench::RatioTimer ratio([&] { NaiveRandomization(a, b, 100); },
                          options.resamples / 100.0);
  for (auto _ : state) {
    ratio.Time([&] {
      auto r = ApproximateRandomization(a, b, options);
      bench::Check(r.ok(), "randomization test runs");
    });
  }
  ratio.Report(state);
}
BENCHMARK(BM_ApproximateRandomization)
    ->ArgNames({"trials", "docs"})
    ->Args({10000, 100000})
    ->Unit(benchmark::kMillisecond);

void BM_MannWhitneyU(benchmark::State& state) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> noise(1000, 15);  // data, not the test
  std::vector<double> x(state.range(0)), y(state.range(0));
  for (double& v : x) v = noise(rng);
  for (double& v : y) v = noise(rng);
  for (auto _ : state) {
    auto r = MannWhitneyU(x, y);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_MannWhitneyU)->Arg(9)->Arg(100);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
