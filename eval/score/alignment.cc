#include "ieval/score/alignment.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <tuple>

namespace ieval {
namespace {

__extension__ typedef unsigned __int128 Wide;
// power_ holds 10^min(scale, kPowerScale): 10^19 < 2^64.
constexpr int kPowerScale = 19;

}  // namespace

OverlapThreshold::OverlapThreshold(double min_overlap) {
  // Shortest round-trip digits in scientific form: "2.8e-01".
  char buffer[64];
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, min_overlap,
                    std::chars_format::scientific);
  const std::string_view text(buffer,
                              static_cast<size_t>(written.ptr - buffer));
  const size_t e = text.find('e');
  int fraction_digits = 0;
  bool after_point = false;
  for (char c : text.substr(0, e)) {
    if (c == '.') {
      after_point = true;
      continue;
    }
    digits_ = digits_ * 10 + static_cast<uint64_t>(c - '0');
    fraction_digits += after_point;
  }
  const int exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  scale_ = std::max(0, fraction_digits - exponent);
  power_ = 1;
  for (int i = 0; i < std::min(scale_, kPowerScale); ++i) power_ *= 10;
}

bool OverlapThreshold::Covers(int64_t overlap, int64_t length) const {
  // overlap >= digits * length / 10^scale, by quotient and remainder:
  // digits < 10^17 and length < 2^62 keep the product below 2^119.
  const Wide product = static_cast<Wide>(digits_) * static_cast<Wide>(length);
  if (scale_ > 38) return true;  // 10^scale > product: the bound is below 1
  Wide power = power_;
  for (int i = kPowerScale; i < scale_; ++i) power *= 10;
  const Wide quotient = product / power;
  const auto covered = static_cast<Wide>(overlap);
  return covered > quotient || (covered == quotient && product % power == 0);
}

namespace {

// A candidate pair, by canonical ranks of its two mentions.
struct Candidate {
  int32_t gold;
  int32_t pred;
  int64_t overlap;
  int64_t distance;  // |start difference| + |end difference|
  bool exact;
  bool same_type;
};

int Tier(const Candidate& c, AlignPreference preference) {
  if (preference == AlignPreference::kBoundaryFirst)
    return c.exact ? (c.same_type ? 0 : 1) : (c.same_type ? 2 : 3);
  return c.same_type ? (c.exact ? 0 : 1) : (c.exact ? 2 : 3);
}

// Every candidate pair, in one sweep. Gold and predictions are taken in
// canonical order (non-decreasing starts). The gold spans a prediction
// overlaps start before its end and end after its start; `first`, the
// first gold whose running maximum end passes the prediction's start, only
// moves forward as starts grow. With flat gold every gold scanned from
// `first` until a start reaches the prediction's end overlaps it; when gold
// spans overlap each other the scan skips those that ended early.
std::vector<Candidate> FindCandidates(const std::vector<Mention>& gold,
                                      const std::vector<Mention>& pred,
                                      const std::vector<int32_t>& gold_order,
                                      const std::vector<int32_t>& pred_order,
                                      double min_overlap) {
  const OverlapThreshold threshold(min_overlap);
  const bool any_overlap = min_overlap <= 0;
  const size_t n = gold.size();
  std::vector<int64_t> starts(n), ends(n), max_end(n);
  for (size_t j = 0; j < n; ++j) {
    const Mention& g = gold[static_cast<size_t>(gold_order[j])];
    starts[j] = g.start;
    ends[j] = g.end;
    max_end[j] = j == 0 ? g.end : std::max(max_end[j - 1], g.end);
  }
  std::vector<Candidate> candidates;
  candidates.reserve(std::max(n, pred.size()));
  size_t first = 0;
  for (size_t r = 0; r < pred_order.size(); ++r) {
    const Mention& p = pred[static_cast<size_t>(pred_order[r])];
    while (first < n && max_end[first] <= p.start) ++first;
    for (size_t j = first; j < n && starts[j] < p.end; ++j) {
      if (ends[j] <= p.start) continue;
      const int64_t overlap =
          std::min(ends[j], p.end) - std::max(starts[j], p.start);
      const bool exact = starts[j] == p.start && ends[j] == p.end;
      if (!exact && !any_overlap &&
          !threshold.Covers(overlap, ends[j] - starts[j]))
        continue;
      const Mention& g = gold[static_cast<size_t>(gold_order[j])];
      candidates.push_back(
          Candidate{static_cast<int32_t>(j), static_cast<int32_t>(r), overlap,
                    std::abs(starts[j] - p.start) + std::abs(ends[j] - p.end),
                    exact, g.type == p.type});
    }
  }
  return candidates;
}

Alignment Greedy(const std::vector<Candidate>& candidates,
                 AlignPreference preference,
                 const std::vector<int32_t>& gold_order,
                 const std::vector<int32_t>& pred_order) {
  const size_t n = gold_order.size(), m = pred_order.size();
  std::vector<int32_t> gold_degree(n, 0), pred_degree(m, 0);
  for (const Candidate& c : candidates) {
    ++gold_degree[static_cast<size_t>(c.gold)];
    ++pred_degree[static_cast<size_t>(c.pred)];
  }
  // gold_taken[rank]: the candidate taken for that gold, or -1.
  std::vector<int32_t> gold_taken(n, -1);
  std::vector<uint8_t> pred_taken(m, 0);
  // The others, sorted by value (no indirection: a large document contests
  // many).
  std::vector<std::pair<Candidate, int32_t>> order;
  order.reserve(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    // A candidate sharing neither mention with another is taken whatever
    // the order: most pairs of a real document, and no sort for them.
    if (gold_degree[static_cast<size_t>(c.gold)] == 1 &&
        pred_degree[static_cast<size_t>(c.pred)] == 1) {
      gold_taken[static_cast<size_t>(c.gold)] = static_cast<int32_t>(i);
      pred_taken[static_cast<size_t>(c.pred)] = 1;
    } else {
      order.emplace_back(c, static_cast<int32_t>(i));
    }
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    const Candidate& x = a.first;
    const Candidate& y = b.first;
    return std::make_tuple(Tier(x, preference), -x.overlap, x.distance, x.gold,
                           x.pred) < std::make_tuple(Tier(y, preference),
                                                     -y.overlap, y.distance,
                                                     y.gold, y.pred);
  });
  for (const auto& [c, i] : order) {
    if (gold_taken[static_cast<size_t>(c.gold)] >= 0 ||
        pred_taken[static_cast<size_t>(c.pred)])
      continue;
    gold_taken[static_cast<size_t>(c.gold)] = i;
    pred_taken[static_cast<size_t>(c.pred)] = 1;
  }

  Alignment alignment;
  alignment.gold_pair.assign(n, -1);
  alignment.pred_pair.assign(m, -1);
  alignment.pairs.reserve(std::min(n, m));
  for (size_t j = 0; j < n; ++j) {
    if (gold_taken[j] < 0) continue;
    const Candidate& c = candidates[static_cast<size_t>(gold_taken[j])];
    AlignedPair pair;
    pair.gold = gold_order[j];
    pair.pred = pred_order[static_cast<size_t>(c.pred)];
    pair.overlap = c.overlap;
    pair.exact = c.exact;
    pair.same_type = c.same_type;
    const auto index = static_cast<int32_t>(alignment.pairs.size());
    alignment.gold_pair[static_cast<size_t>(pair.gold)] = index;
    alignment.pred_pair[static_cast<size_t>(pair.pred)] = index;
    alignment.pairs.push_back(pair);
  }
  return alignment;
}

}  // namespace

bool CanonicalLess(const Mention& a, const Mention& b) {
  return std::tie(a.start, a.end, a.type, a.entity, a.value, a.id, a.text) <
         std::tie(b.start, b.end, b.type, b.entity, b.value, b.id, b.text);
}

std::vector<int32_t> CanonicalOrder(const std::vector<Mention>& mentions) {
  // Sort compact records by span; only equal spans (rare) compare strings.
  struct Record {
    int64_t start;
    int64_t end;
    int32_t index;
  };
  std::vector<Record> records(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i)
    records[i] = {mentions[i].start, mentions[i].end, static_cast<int32_t>(i)};
  const auto less = [&](const Record& a, const Record& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    const Mention& x = mentions[static_cast<size_t>(a.index)];
    const Mention& y = mentions[static_cast<size_t>(b.index)];
    if (CanonicalLess(x, y)) return true;
    if (CanonicalLess(y, x)) return false;
    // Identical contents: either order gives the same output.
    return a.index < b.index;
  };
  // Files usually list mentions in text order already.
  if (!std::is_sorted(records.begin(), records.end(), less))
    std::sort(records.begin(), records.end(), less);
  std::vector<int32_t> order(mentions.size());
  for (size_t i = 0; i < records.size(); ++i) order[i] = records[i].index;
  return order;
}

DocumentAlignment AlignMentions(const std::vector<Mention>& gold,
                                const std::vector<Mention>& pred,
                                double min_overlap) {
  DocumentAlignment result;
  result.gold_order = CanonicalOrder(gold);
  result.pred_order = CanonicalOrder(pred);
  const auto candidates = FindCandidates(gold, pred, result.gold_order,
                                         result.pred_order, min_overlap);
  result.boundary_first = Greedy(candidates, AlignPreference::kBoundaryFirst,
                                 result.gold_order, result.pred_order);
  result.type_first = Greedy(candidates, AlignPreference::kTypeFirst,
                             result.gold_order, result.pred_order);
  return result;
}

Alignment Align(const std::vector<Mention>& gold,
                const std::vector<Mention>& pred, AlignPreference preference,
                double min_overlap) {
  const auto gold_order = CanonicalOrder(gold);
  const auto pred_order = CanonicalOrder(pred);
  return Greedy(FindCandidates(gold, pred, gold_order, pred_order, min_overlap),
                preference, gold_order, pred_order);
}

}  // namespace ieval
