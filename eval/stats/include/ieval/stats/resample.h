// The resampling engine behind BootstrapPrf, PairedBootstrap and
// ApproximateRandomization. The statistics only ever need column sums of
// resampled units (micro-averaged P/R/F1 come from summed counts), so this
// returns, per resample, the sums of the drawn rows and nothing else.
//
// Why it is fast: units with identical rows are grouped first (per-document
// counts are small integers, so 100,000 documents typically hold a few
// hundred to a few thousand distinct rows), and a resample is a multinomial
// draw of N over the K distinct rows, made in O(K + sqrt N) instead of O(N)
// by Poissonization: draw each row's count from Poisson(s multiplicity),
// then fix the total T to N — if T < N add N - T uniform draws of a unit,
// if T > N remove T - N of the T draws uniformly at random. Independent
// Poisson counts given their total T are multinomial(T) with probabilities
// proportional to the multiplicities, adding iid draws keeps them iid, and a
// uniform subset of N of T iid draws is N iid draws: the result is exactly
// multinomial(N), the bootstrap distribution, for any s > 0. With
// s = 1 - 2 / sqrt(N), T falls about 2 sqrt(N) short of N and rarely
// exceeds it (adding is cheaper than removing). Poisson draws come from
// tables built once per distinct multiplicity (PoissonTable). A Poisson draw
// costs about two index draws, so when most rows are distinct (K > N / 2:
// non-integer counts), N unit indices are drawn instead. Both methods are
// exact. Grouping sorts the rows, so results do not depend on units' order.
//
// Internal to ieval::stats; in a header for the tests.
#ifndef IEVAL_STATS_RESAMPLE_H_
#define IEVAL_STATS_RESAMPLE_H_

#include <cstdint>
#include <span>
#include <vector>

namespace ieval::stats_internal {

// Rows of `dims` numbers stored row-major, grouped: distinct rows in
// lexicographic order with how often each occurs.
struct GroupedRows {
  int dims = 0;
  std::vector<double> rows;            // distinct rows, row-major
  std::vector<uint64_t> multiplicity;  // one per distinct row
  uint64_t total = 0;                  // sum of multiplicities
  size_t size() const { return multiplicity.size(); }
};
GroupedRows GroupRows(std::span<const double> units, int dims);

enum class ResampleMethod {
  kAuto,         // kPoissonized unless rows barely repeat (K > N / 2)
  kPoissonized,  // the method above: O(K + sqrt N) per resample
  kIndices,      // N uniform unit indices per resample, summed: O(N), the
                 // textbook definition; faster when nearly all rows differ
};

// `resamples` rows of `dims` sums, row-major: row r sums N rows drawn with
// replacement from the N = units.size() / dims rows of `units`.
// REQUIRES: 1 <= dims <= 16, units.size() a multiple of dims, N < 2^31.
std::vector<double> BootstrapSums(
    std::span<const double> units, int dims, int resamples, uint64_t seed,
    ResampleMethod method = ResampleMethod::kAuto);

// `trials` rows of `dims` sums, row-major: row r sums the rows of `units`
// each kept independently with probability 1/2 (the swap set of one
// approximate-randomization trial). Exact and integer-only: identical rows
// are grouped and each group's kept count is a count of fair bits.
std::vector<double> RandomSubsetSums(std::span<const double> units, int dims,
                                     int trials, uint64_t seed);

}  // namespace ieval::stats_internal

#endif  // IEVAL_STATS_RESAMPLE_H_
