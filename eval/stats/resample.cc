#include "ieval/stats/resample.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ieval/stats/sampling.h"

namespace ieval::stats_internal {
namespace {

// Row width: fixed at compile time for the common widths (3: one variant,
// 6: a pair) so sums stay in registers; 0 means "dims at run time".
template <int D>
struct Width {
  static constexpr int kMax = D > 0 ? D : 16;
  int dims;
  int get() const { return D > 0 ? D : dims; }
};

// Accumulates in a local array (not through `out`, which the compiler would
// have to reload after every store).
template <int D>
struct Accumulator {
  std::array<double, Width<D>::kMax> sum{};
  Width<D> width;
  void Add(const double* row) {
    for (int d = 0; d < width.get(); ++d) sum[d] += row[d];
  }
  void AddScaled(const double* row, double count) {
    for (int d = 0; d < width.get(); ++d) sum[d] += count * row[d];
  }
  void Store(double* out) const {
    for (int d = 0; d < width.get(); ++d) out[d] = sum[d];
  }
};

// Counts of the K distinct rows with "the j-th draw" lookups: a Fenwick
// tree, so removing a uniformly chosen draw costs O(log K).
class DrawCounts {
 public:
  explicit DrawCounts(std::span<const uint64_t> counts)
      : tree_(counts.size() + 1, 0) {
    for (size_t i = 1; i < tree_.size(); ++i) {
      tree_[i] += counts[i - 1];
      const size_t parent = i + (i & (~i + 1));
      if (parent < tree_.size()) tree_[parent] += tree_[i];
    }
    top_ = std::bit_floor(counts.size());
  }
  // The row of draw j (0-based, j < total), as the 0-based row index.
  size_t RowOfDraw(uint64_t j) const {
    size_t pos = 0;
    for (size_t step = top_; step > 0; step >>= 1) {
      if (pos + step < tree_.size() && tree_[pos + step] <= j) {
        pos += step;
        j -= tree_[pos];
      }
    }
    return pos;
  }
  void Decrement(size_t row) {
    for (size_t i = row + 1; i < tree_.size(); i += i & (~i + 1)) --tree_[i];
  }

 private:
  std::vector<uint64_t> tree_;  // 1-based
  size_t top_ = 0;
};

// What the resamples share: the distinct rows, one Poisson table per
// distinct multiplicity, and each unit's row (for the draws added).
struct Plan {
  GroupedRows grouped;
  double poisson_scale = 1;  // Poisson mean / multiplicity, see MakePlan
  std::vector<PoissonTable> tables;
  std::vector<uint32_t> table_of_row;
  std::vector<uint32_t> row_of_unit;  // units in sorted order
};

Plan MakePlan(GroupedRows grouped) {
  Plan plan;
  // Poisson means m_k s with s = 1 - 2 / sqrt(N): the total T ~ Poisson(N s)
  // falls short of N by about 2 sqrt(N) and exceeds it with probability
  // ~2 %, so the cheap fix-up (adding draws) is the usual one and the dear
  // one (removing draws, O(K) to set up) is rare. Any s > 0 is exact.
  const double n = static_cast<double>(grouped.total);
  plan.poisson_scale = std::max(0.0, 1.0 - 2.0 / std::sqrt(n));
  std::unordered_map<uint64_t, uint32_t> table_of_multiplicity;
  for (size_t k = 0; k < grouped.size(); ++k) {
    const uint64_t m = grouped.multiplicity[k];
    auto [it, added] = table_of_multiplicity.try_emplace(
        m, static_cast<uint32_t>(plan.tables.size()));
    if (added && plan.poisson_scale > 0) {
      plan.tables.emplace_back(static_cast<double>(m) * plan.poisson_scale);
    }
    plan.table_of_row.push_back(it->second);
    plan.row_of_unit.insert(plan.row_of_unit.end(), m,
                            static_cast<uint32_t>(k));
  }
  plan.grouped = std::move(grouped);
  return plan;
}

template <int D>
void PoissonizedSums(const Plan& plan, int resamples, Rng& rng, double* out) {
  const GroupedRows& g = plan.grouped;
  const int dims = g.dims;
  const size_t k_count = g.size();
  const auto n = static_cast<uint32_t>(g.total);
  std::vector<uint64_t> counts(k_count);
  Uint32Source indices(rng);
  for (int r = 0; r < resamples; ++r) {
    uint64_t total = 0;
    std::fill(counts.begin(), counts.end(), 0);
    if (plan.poisson_scale > 0) {  // else N <= 4: all draws added below
      for (size_t k = 0; k < k_count; ++k) {
        counts[k] = plan.tables[plan.table_of_row[k]](rng);
        total += counts[k];
      }
    }
    if (total > n) {  // remove total - n draws, each uniform among those left
      DrawCounts draws(counts);
      for (; total > n; --total) {
        const size_t k =
            draws.RowOfDraw(indices.UniformIndex(static_cast<uint32_t>(total)));
        draws.Decrement(k);
        --counts[k];
      }
    }
    for (; total < n; ++total) {  // add n - total uniform draws of a unit
      ++counts[plan.row_of_unit[indices.UniformIndex(n)]];
    }
    Accumulator<D> acc{.width = {dims}};
    for (size_t k = 0; k < k_count; ++k) {
      if (counts[k] > 0) {
        acc.AddScaled(&g.rows[k * dims], static_cast<double>(counts[k]));
      }
    }
    acc.Store(out + static_cast<size_t>(r) * dims);
  }
}

template <int D>
void IndexSums(const Plan& plan, int resamples, Rng& rng, double* out) {
  const GroupedRows& g = plan.grouped;
  const int dims = g.dims;
  const auto n = static_cast<uint32_t>(g.total);
  Uint32Source indices(rng);
  for (int r = 0; r < resamples; ++r) {
    Accumulator<D> acc{.width = {dims}};
    for (uint32_t i = 0; i < n; ++i) {
      acc.Add(
          &g.rows[size_t{plan.row_of_unit[indices.UniformIndex(n)]} * dims]);
    }
    acc.Store(out + static_cast<size_t>(r) * dims);
  }
}

template <int D>
void SubsetSums(const GroupedRows& g, int trials, Rng& rng, double* out) {
  const int dims = g.dims;
  FairBits bits(rng);
  for (int t = 0; t < trials; ++t) {
    Accumulator<D> acc{.width = {dims}};
    for (size_t k = 0; k < g.size(); ++k) {
      const uint64_t kept = bits.CountOnes(g.multiplicity[k]);
      if (kept > 0) acc.AddScaled(&g.rows[k * dims], static_cast<double>(kept));
    }
    acc.Store(out + static_cast<size_t>(t) * dims);
  }
}

}  // namespace

GroupedRows GroupRows(std::span<const double> units, int dims) {
  // Hash the rows (100,000 units: a few ms), then sort only the distinct
  // ones. -0.0 and 0.0 are the same count: hashed alike, compared equal.
  const double* base = units.data();
  auto row = [&](uint32_t i) { return base + size_t{i} * dims; };
  auto hash = [&](uint32_t i) {
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (int d = 0; d < dims; ++d) {
      const double v = row(i)[d] == 0 ? 0.0 : row(i)[d];
      h = (h ^ std::bit_cast<uint64_t>(v)) * 0x100000001b3ull;
      h ^= h >> 29;
    }
    return static_cast<size_t>(h);
  };
  auto equal = [&](uint32_t a, uint32_t b) {
    return std::equal(row(a), row(a) + dims, row(b));
  };
  const auto n = static_cast<uint32_t>(units.size() / dims);
  std::unordered_map<uint32_t, uint64_t, decltype(hash), decltype(equal)>
      counts(n / 4 + 16, hash, equal);
  for (uint32_t i = 0; i < n; ++i) ++counts[i];

  std::vector<std::pair<uint32_t, uint64_t>> distinct(counts.begin(),
                                                      counts.end());
  std::sort(
      distinct.begin(), distinct.end(), [&](const auto& a, const auto& b) {
        return std::lexicographical_compare(row(a.first), row(a.first) + dims,
                                            row(b.first), row(b.first) + dims);
      });
  GroupedRows g;
  g.dims = dims;
  g.rows.reserve(distinct.size() * dims);
  for (const auto& [first, count] : distinct) {
    for (int d = 0; d < dims; ++d) {
      g.rows.push_back(row(first)[d] == 0 ? 0.0 : row(first)[d]);
    }
    g.multiplicity.push_back(count);
    g.total += count;
  }
  return g;
}

std::vector<double> BootstrapSums(std::span<const double> units, int dims,
                                  int resamples, uint64_t seed,
                                  ResampleMethod method) {
  std::vector<double> out(static_cast<size_t>(resamples) * dims, 0.0);
  if (units.empty() || resamples <= 0) return out;
  const Plan plan = MakePlan(GroupRows(units, dims));
  if (method == ResampleMethod::kAuto) {
    // Measured: a table Poisson draw costs about two index draws + adds
    // (bench/stats_bench.cc, BM_Bootstrap vs BM_BootstrapDistinct).
    method = 2 * plan.grouped.size() <= plan.grouped.total
                 ? ResampleMethod::kPoissonized
                 : ResampleMethod::kIndices;
  }
  Rng rng(seed);
  auto run = [&]<int D>() {
    if (method == ResampleMethod::kIndices) {
      IndexSums<D>(plan, resamples, rng, out.data());
    } else {
      PoissonizedSums<D>(plan, resamples, rng, out.data());
    }
  };
  switch (dims) {
    case 3:
      run.template operator()<3>();
      break;
    case 6:
      run.template operator()<6>();
      break;
    default:
      run.template operator()<0>();
      break;
  }
  return out;
}

std::vector<double> RandomSubsetSums(std::span<const double> units, int dims,
                                     int trials, uint64_t seed) {
  std::vector<double> out(static_cast<size_t>(trials) * dims, 0.0);
  if (units.empty() || trials <= 0) return out;
  const GroupedRows g = GroupRows(units, dims);
  // Rows of zeros change no sum: leave them out (they would only use bits).
  GroupedRows nonzero;
  nonzero.dims = dims;
  for (size_t k = 0; k < g.size(); ++k) {
    auto row = std::span(g.rows).subspan(k * dims, dims);
    if (std::all_of(row.begin(), row.end(), [](double v) { return v == 0; })) {
      continue;
    }
    nonzero.rows.insert(nonzero.rows.end(), row.begin(), row.end());
    nonzero.multiplicity.push_back(g.multiplicity[k]);
    nonzero.total += g.multiplicity[k];
  }
  Rng rng(seed);
  switch (dims) {
    case 3:
      SubsetSums<3>(nonzero, trials, rng, out.data());
      break;
    default:
      SubsetSums<0>(nonzero, trials, rng, out.data());
      break;
  }
  return out;
}

}  // namespace ieval::stats_internal
