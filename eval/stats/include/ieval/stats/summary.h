// Describing repeated measurements: the mean, median, standard deviation
// and coefficient of variation that Google Benchmark reports over its
// repetitions (benchmark's src/statistics.cc), so that `ieval bench`'s
// table and `ieval run`'s report.json say the same as the benchmark JSON
// beside them, and the quantiles of per-document latencies. Plain
// functions of the values.
#ifndef IEVAL_STATS_SUMMARY_H_
#define IEVAL_STATS_SUMMARY_H_

#include <cstdint>
#include <span>
#include <vector>

namespace ieval {

struct SampleSummary {
  int64_t count = 0;
  double mean = 0;
  double median = 0;  // the mean of the two middle values for an even count
  // Sample standard deviation (divisor count - 1); 0 for a single value.
  double stddev = 0;
  // stddev / mean, as Google Benchmark's "cv"; 0 for a single value and
  // when the mean is 0 (a constant 0 does not vary), never NaN.
  double cv = 0;
  double min = 0;
  double max = 0;
};

// The summary of `values`; every field 0 when there are none.
SampleSummary Summarize(std::span<const double> values);

// The q-quantiles (each q in [0, 1]) of `values`, in the order of `qs`,
// interpolated linearly between order statistics (numpy.quantile's default
// method: position q (n - 1) of the sorted values). 0 for every q when
// there are no values.
std::vector<double> Quantiles(std::vector<double> values,
                              std::span<const double> qs);

}  // namespace ieval

#endif  // IEVAL_STATS_SUMMARY_H_
