#include "ieval/run/timing.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>

#include "ieval/extractors/run.h"
#include "ieval/run/resources.h"
#include "ieval/stats/summary.h"
#include "ieval/text/segmenter.h"

namespace ieval {

Result<Annotations> ExtractChecked(const Extractor& extractor,
                                   const Document& doc,
                                   const std::string& label) {
  try {
    return RunExtractor(extractor, doc, label);
  } catch (const std::exception& e) {
    return Status::ExtractorFailed(label + ": threw " + e.what(),
                                   Where{"", 0, doc.doc_id, ""});
  } catch (...) {
    return Status::ExtractorFailed(label + ": threw a non-standard exception",
                                   Where{"", 0, doc.doc_id, ""});
  }
}

int64_t SteadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double SecondsSince(int64_t start_ns) {
  return static_cast<double>(SteadyNowNs() - start_ns) / 1e9;
}

Result<TimedPass> TimePass(const Extractor& extractor,
                           std::span<const Document> docs,
                           const std::string& label, ThreadPool& pool) {
  const size_t n = docs.size();
  TimedPass pass;
  pass.latency_seconds.assign(n, 0.0);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;  // guards the failure
  size_t failed_at = n;
  Status failure;
  const double cpu_start = ProcessCpuSeconds() + AllChildrenCpuSeconds();
  const int64_t start = SteadyNowNs();
  pool.Run([&](int) {
    while (!stop.load()) {
      const size_t i = next++;
      if (i >= n) break;
      const int64_t t = SteadyNowNs();
      auto result = ExtractChecked(extractor, docs[i], label);
      pass.latency_seconds[i] = SecondsSince(t);
      if (result.ok()) continue;
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      if (i < failed_at) {
        failed_at = i;
        failure = result.status();
      }
    }
  });
  pass.wall_seconds = SecondsSince(start);
  pass.cpu_seconds = ProcessCpuSeconds() + AllChildrenCpuSeconds() - cpu_start;
  if (!failure.ok()) return failure;
  return pass;
}

Result<std::vector<int64_t>> CountTokens(
    const std::vector<std::string_view>& texts, ThreadPool& pool) {
  // Segmenters are not thread-safe: one per worker.
  std::vector<std::unique_ptr<Segmenter>> segmenters;
  for (int w = 0; w < pool.threads(); ++w) {
    auto s = Segmenter::Create("fr");
    if (!s.ok()) return s.status();
    segmenters.push_back(std::move(*s));
  }
  std::vector<int64_t> tokens(texts.size(), 0);
  pool.Start(texts.size(), [&](size_t i, int worker) {
    tokens[i] =
        static_cast<int64_t>(segmenters[worker]->Words(texts[i]).size());
  });
  pool.Finish();
  return tokens;
}

LatencyPercentiles PercentilesOf(std::vector<double> seconds) {
  static constexpr double kQs[] = {0.5, 0.95, 0.99, 1.0};
  const std::vector<double> q = Quantiles(std::move(seconds), kQs);
  return {q[0], q[1], q[2], q[3]};
}

}  // namespace ieval
