#include "bench_case.h"

#include <algorithm>
#include <limits>

#include "ieval/run/resources.h"
#include "ieval/run/timing.h"

namespace ieval::bench_internal {
namespace {

// What a call processed.
struct Tally {
  int64_t documents = 0;
  int64_t bytes = 0;
  int64_t tokens = 0;
  std::vector<double> latency_seconds;
};

Status EnsureSegmenter(BenchCase& c) {
  if (c.segmenter) return Status::Ok();
  auto s = Segmenter::Create("fr");
  if (!s.ok()) return s.status();
  c.segmenter = std::move(*s);
  return Status::Ok();
}

// The next `batch` documents (one for the baseline, which is single-
// threaded), each timed.
Status RunBatch(BenchCase& c, Tally& tally) {
  const BenchCorpus& corpus = *c.corpus;
  const size_t n = corpus.documents.size();
  if (c.extractor == nullptr) {
    const size_t i = c.cursor;
    c.cursor = (c.cursor + 1) % n;
    const int64_t start = SteadyNowNs();
    const size_t words = c.segmenter->Words(corpus.documents[i].text).size();
    benchmark::DoNotOptimize(words);
    tally.latency_seconds.push_back(SecondsSince(start));
    ++tally.documents;
    tally.bytes += corpus.bytes[i];
    tally.tokens += corpus.tokens[i];
    return Status::Ok();
  }
  const size_t count = c.batch;
  const size_t first = c.cursor;
  c.cursor = (c.cursor + count) % n;
  std::vector<double> seconds(count, 0.0);
  std::vector<Status> failures(count);
  auto one = [&](size_t k) {
    const Document& doc = corpus.documents[(first + k) % n];
    const int64_t start = SteadyNowNs();
    auto result = ExtractChecked(*c.extractor, doc, c.label);
    seconds[k] = SecondsSince(start);
    if (!result.ok()) failures[k] = result.status();
  };
  if (count == 1) {
    one(0);
  } else {
    ParallelFor(*c.pool, count, one);
  }
  for (size_t k = 0; k < count; ++k) {
    if (!failures[k].ok()) return failures[k];
    const size_t i = (first + k) % n;
    tally.latency_seconds.push_back(seconds[k]);
    ++tally.documents;
    tally.bytes += corpus.bytes[i];
    tally.tokens += corpus.tokens[i];
  }
  return Status::Ok();
}

// Wall seconds per byte of ICU word segmentation over the documents a call
// visited (from `first`, at most one pass), the least of two runs.
double BaselineSecondsPerByte(BenchCase& c, size_t first, int64_t visited) {
  const BenchCorpus& corpus = *c.corpus;
  const size_t n = corpus.documents.size();
  const size_t count = std::min(static_cast<size_t>(visited), n);
  int64_t bytes = 0;
  for (size_t k = 0; k < count; ++k) bytes += corpus.bytes[(first + k) % n];
  if (bytes == 0) return 0;
  double best = std::numeric_limits<double>::infinity();
  for (int run = 0; run < 2; ++run) {
    const int64_t start = SteadyNowNs();
    size_t words = 0;
    for (size_t k = 0; k < count; ++k)
      words +=
          c.segmenter->Words(corpus.documents[(first + k) % n].text).size();
    benchmark::DoNotOptimize(words);
    best = std::min(best, SecondsSince(start));
  }
  return best / static_cast<double>(bytes);
}

void Fail(benchmark::State& state, BenchCase& c, Status failure) {
  c.failure = std::move(failure);
  state.SkipWithError(c.failure.ToString().c_str());
}

}  // namespace

Result<WarmUpDone> WarmUp(BenchCase& c) {
  if (!c.failure.ok()) return c.failure;
  if (Status s = EnsureSegmenter(c); !s.ok()) return c.failure = s;
  WarmUpDone done;
  done.due = static_cast<size_t>(std::max(c.warmup_passes, 0)) *
             c.corpus->documents.size();
  if (done.due == 0) return done;
  Tally tally;
  const int64_t start = SteadyNowNs();
  // At least one document, whatever the budget: its time plans the
  // repetitions, and a first call after start-up is rarely a steady one.
  while (tally.latency_seconds.empty() ||
         (tally.latency_seconds.size() < done.due &&
          SecondsSince(start) < c.warmup_budget)) {
    if (Status s = RunBatch(c, tally); !s.ok()) return c.failure = s;
  }
  c.warmup_passes = 0;
  c.cursor = 0;
  done.documents = tally.latency_seconds.size();
  double total = 0;
  for (double s : tally.latency_seconds) total += s;
  if (done.documents > 0)
    done.seconds_per_document = total / static_cast<double>(done.documents);
  return done;
}

void RunCase(benchmark::State& state, BenchCase& c) {
  if (c.failure.ok()) (void)WarmUp(c);
  if (!c.failure.ok()) {
    state.SkipWithError(c.failure.ToString().c_str());
    return;
  }
  state.SetComplexityN(c.corpus->MeanBytes());
  Tally tally;
  const size_t first = c.cursor;
  const double children_start = AllChildrenCpuSeconds();
  const double cpu_start = ProcessCpuSeconds();
  const int64_t start = SteadyNowNs();
  for (auto _ : state) {
    if (Status s = RunBatch(c, tally); !s.ok()) {
      Fail(state, c, std::move(s));
      break;
    }
  }
  const double wall = SecondsSince(start);
  const double cpu = ProcessCpuSeconds() - cpu_start;
  const LiveChildren live = ReadLiveChildren();
  const double children =
      ChildrenCpuSeconds() + live.cpu_seconds - children_start;
  if (!c.failure.ok() || tally.documents == 0) return;

  using benchmark::Counter;
  state.counters["documents_per_second"] =
      Counter(static_cast<double>(tally.documents), Counter::kIsRate);
  state.counters["tokens_per_second"] =
      Counter(static_cast<double>(tally.tokens), Counter::kIsRate);
  state.SetBytesProcessed(tally.bytes);
  const LatencyPercentiles p = PercentilesOf(std::move(tally.latency_seconds));
  state.counters["latency_p50_ms"] = p.p50 * 1e3;
  state.counters["latency_p95_ms"] = p.p95 * 1e3;
  state.counters["latency_p99_ms"] = p.p99 * 1e3;
  state.counters["latency_max_ms"] = p.max * 1e3;
  if (wall > 0) state.counters["cpu_per_wall"] = (cpu + children) / wall;
  state.counters["peak_rss_mb"] =
      static_cast<double>(PeakRssSinceResetKb()) / 1024;
  if (c.extractor == nullptr) return;
  state.counters["startup_ms"] = c.startup_seconds * 1e3;
  const double baseline = BaselineSecondsPerByte(c, first, tally.documents);
  if (baseline > 0 && wall > 0)
    state.counters["x_icu_words"] =
        wall / static_cast<double>(tally.bytes) / baseline;
  if (live.processes > 0 || children > 0) {
    state.counters["children_cpu_ms"] =
        Counter(children * 1e3, Counter::kAvgIterations);
    state.counters["children_peak_rss_mb"] =
        static_cast<double>(live.peak_rss_kb) / 1024;
  }
}

}  // namespace ieval::bench_internal
