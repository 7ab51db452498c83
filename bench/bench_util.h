// What every benchmark family shares: the ratio to its baseline, measured
// in the same run, and the answer check.
//
// The machine the suite runs on is shared and noisy, so absolute times
// mean little; a ratio between two things measured seconds apart in the
// same process means a lot more. Each benchmark times every iteration
// itself, times its family's baseline (reading and splitting the same
// bytes) on the same input just before and just after its loop, and
// reports min(iteration) / min(baseline) as the counter `x_baseline`.
// Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), which does
// not count the time other processes hold the core, and the minimum is the
// run least disturbed by what remains (caches, frequency). Every benchmark
// timed so is single-threaded. Google Benchmark's own columns stay as they
// are (mean per iteration; rates per CPU second).
#ifndef IEVAL_BENCH_BENCH_UTIL_H_
#define IEVAL_BENCH_BENCH_UTIL_H_

#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

namespace ieval::bench {

// CPU seconds this thread has used.
inline double ThreadSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// CPU seconds taken by one call of `f`.
template <typename F>
double TimeOnce(F&& f) {
  const double start = ThreadSeconds();
  f();
  return ThreadSeconds() - start;
}

// The least time of `runs` calls of `f` (at least `min_runs`, and more
// while their total stays under `budget` seconds).
template <typename F>
double MinTime(F&& f, int min_runs = 3, double budget = 0.05) {
  double best = std::numeric_limits<double>::infinity(), total = 0;
  for (int run = 0; run < min_runs || (total < budget && run < 50); ++run) {
    const double t = TimeOnce(f);
    best = std::min(best, t);
    total += t;
  }
  return best;
}

// Times the iterations of a benchmark loop and reports their ratio to a
// baseline:
//   RatioTimer ratio([&] { Baseline(input); });
//   for (auto _ : state) ratio.Time([&] { Work(input); });
//   ratio.Report(state);
// `scale` multiplies the baseline's time, for a baseline run on a fraction
// of the work whose cost is linear in it.
template <typename Baseline>
class RatioTimer {
 public:
  explicit RatioTimer(Baseline baseline, double scale = 1.0)
      : baseline_(std::move(baseline)), scale_(scale) {
    baseline_min_ = MinTime(baseline_);
  }
  // Times one iteration; returns its seconds (for another RatioTimer's Add).
  template <typename F>
  double Time(F&& f) {
    const double t = TimeOnce(f);
    Add(t);
    return t;
  }
  void Add(double seconds) { best_ = std::min(best_, seconds); }
  void Report(benchmark::State& state, const char* name = "x_baseline") {
    baseline_min_ = std::min(baseline_min_, MinTime(baseline_));
    state.counters[name] = best_ / (baseline_min_ * scale_);
    state.counters["baseline_ms"] = baseline_min_ * scale_ * 1e3;
  }

 private:
  Baseline baseline_;
  double scale_;
  double baseline_min_ = 0;
  double best_ = std::numeric_limits<double>::infinity();
};

// Stops the whole binary when a benchmarked function gave a wrong answer:
// a fast wrong result must never be reported as a speed.
inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "benchmark answer check failed: %s\n", what);
  std::abort();
}

// The shared folder (seeds, corpora) and the source tree, baked in by
// bench/CMakeLists.txt; IEVAL_SHARED_DIR in the environment overrides.
inline std::string SharedDir() {
  if (const char* env = std::getenv("IEVAL_SHARED_DIR")) return env;
  return IEVAL_BENCH_SHARED_DIR;
}
inline std::string SourceDir() { return IEVAL_BENCH_SOURCE_DIR; }

}  // namespace ieval::bench

#endif  // IEVAL_BENCH_BENCH_UTIL_H_
