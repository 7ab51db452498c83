// The terminal table of `ieval bench`: a row per benchmark (and size),
// medians over the repetitions, then the notes and, for a scaling curve,
// each family's fitted complexity on wall time.
#ifndef IEVAL_APP_BENCH_BENCH_TABLE_H_
#define IEVAL_APP_BENCH_BENCH_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench_reporter.h"

namespace ieval::bench_internal {

// What the table says of one family besides its runs.
struct FamilyInfo {
  std::string name;                   // "extract/rules", "baseline/icu_words"
  std::vector<int> factors;           // the sizes; empty without --sizes
  std::vector<int64_t> complexity_n;  // mean document bytes per size
  double startup_seconds = -1;        // negative: none (the baseline)
};

// The big-O of `seconds` against `n` that fits best (least relative RMS),
// among O(1), O(log N), O(N), O(N log N), O(N²) and O(N³), as Google
// Benchmark's oAuto fits; `rms` is the RMS of the residuals over the mean.
struct ComplexityFit {
  std::string big_o;
  double rms = 0;
};
ComplexityFit FitComplexity(const std::vector<double>& n,
                            const std::vector<double>& seconds);

// `heading` first, then the table, then the complexity lines and `notes`.
std::string RenderTable(const std::string& heading,
                        const std::vector<RunRecord>& records,
                        const std::vector<FamilyInfo>& families,
                        const std::vector<std::string>& notes);

}  // namespace ieval::bench_internal

#endif  // IEVAL_APP_BENCH_BENCH_TABLE_H_
