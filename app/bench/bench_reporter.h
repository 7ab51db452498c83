// The reporter `ieval bench` hands Google Benchmark: it forwards every run
// to Google Benchmark's own JSON reporter (into memory, so the file is
// written atomically once complete) and, as progress, to its console
// reporter (aggregates only when there are repetitions), and keeps each
// run as plain data for the table. One reporter spans the several
// RunSpecifiedBenchmarks calls of a RunBenchmarks (a family each), so the
// JSON has one context and one list of benchmarks.
#ifndef IEVAL_APP_BENCH_BENCH_REPORTER_H_
#define IEVAL_APP_BENCH_BENCH_REPORTER_H_

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/extractor_stats.h"

namespace ieval::bench_internal {

// One reported run, kept after its benchmark (and what the run points to)
// is gone.
struct RunRecord {
  int family = 0;    // the family's number within the RunBenchmarks
  int instance = 0;  // per_family_instance_index: the size's index
  std::string name;  // benchmark_name(), as in the JSON
  bool aggregate = false;
  std::string aggregate_name;  // "mean", "median", "stddev", "cv", "BigO"…
  bool error = false;
  std::string error_message;
  int64_t iterations = 0;
  double real_seconds = 0;  // per iteration
  double cpu_seconds = 0;
  std::map<std::string, double> counters;
};

class BenchReporter : public benchmark::BenchmarkReporter {
 public:
  // `console` may be null (no progress).
  BenchReporter(std::ostream* console, bool color);

  // The runs reported from now on belong to family `family`.
  void BeginFamily(int family) { family_ = family; }

  bool ReportContext(const Context& context) override;
  void ReportRuns(const std::vector<Run>& runs) override;
  // Called at the end of each RunSpecifiedBenchmarks: the JSON goes on.
  void Finalize() override {}

  // The JSON of every run so far, closed: Google Benchmark's format, with
  // `context` added to its context, each benchmark's family_index
  // numbered across the calls, and NaN or infinite numbers (a cv of zeros)
  // as null so that strict JSON readers such as `ieval gate` accept it.
  // `usage`: each variant's ExtractorStats, as the top-level
  // "ieval_extractor_stats": {"<variant>": {"<kind>": {totals}}} (omitted
  // when empty; Google Benchmark's readers ignore it).
  std::string FinishJson(
      const std::vector<std::pair<std::string, std::string>>& context,
      const std::vector<std::pair<std::string, ExtractorStats>>& usage = {});

  const std::vector<RunRecord>& records() const { return records_; }

 private:
  std::unique_ptr<benchmark::ConsoleReporter> console_;
  std::ostringstream json_text_;
  benchmark::JSONReporter json_;
  bool context_reported_ = false;
  int family_ = 0;
  std::vector<RunRecord> records_;
};

// `json` with every bare NaN, -NaN, Infinity or -Infinity value (Google
// Benchmark's way of printing them) replaced by null.
std::string NullNonFinite(const std::string& json);

}  // namespace ieval::bench_internal

#endif  // IEVAL_APP_BENCH_BENCH_REPORTER_H_
