// Counts are what scorers produce: plain structs that add up, so document
// counts merge into corpus counts and shard counts into run counts in any
// order with identical results. Precision, recall and F1 are derived from
// counts at the very end (and by the statistics, from resampled sums).
//
// 0/0 convention (as conlleval, seqeval with zero_division=0, nervaluate and
// the CoNLL-2012 coreference scorer): precision is 0 when nothing was
// predicted, recall is 0 when there is no gold, F1 is 0 when precision +
// recall is 0.
#ifndef IEVAL_SCORE_COUNTS_H_
#define IEVAL_SCORE_COUNTS_H_

#include <boost/container/flat_map.hpp>
#include <cmath>
#include <cstdint>
#include <string>

namespace ieval {

// True positives, false positives, false negatives. With partial credit
// (the `partial` mode: half a point for an overlap), tp may hold halves,
// hence double; halves add exactly in any order.
struct PrfCounts {
  double tp = 0;
  double fp = 0;
  double fn = 0;

  PrfCounts& operator+=(const PrfCounts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
  friend PrfCounts operator+(PrfCounts a, const PrfCounts& b) { return a += b; }
  friend bool operator==(const PrfCounts&, const PrfCounts&) = default;

  double predicted() const { return tp + fp; }
  double gold() const { return tp + fn; }
};

inline double Precision(const PrfCounts& c) {
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0.0;
}
inline double Recall(const PrfCounts& c) {
  return c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0.0;
}
// Harmonic mean, 2PR/(P+R); 0 when P + R = 0.
inline double F1(double precision, double recall) {
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall)
                                : 0.0;
}
inline double F1(const PrfCounts& c) { return F1(Precision(c), Recall(c)); }

// Counts by entity or relation type, in type order. A sorted vector rather
// than a std::map: every scored document keeps about forty of these tables
// of a handful of types each (`ieval run` keeps them all for the report
// and the statistics), so one allocation per table instead of one per
// type saves both time and memory (bench/README.md, "Whole process:
// --jobs").
template <class Counts>
using ByType = boost::container::flat_map<std::string, Counts>;

// Counts of one matching mode: overall and per type. `overall` is counted
// on its own, not summed from `per_type`, so tests can check the two agree.
// per_type has an entry (possibly all zeros) for every type seen in the
// gold or the predictions.
struct TypedCounts {
  PrfCounts overall;
  ByType<PrfCounts> per_type;

  TypedCounts& operator+=(const TypedCounts& o) {
    overall += o.overall;
    for (const auto& [type, c] : o.per_type) per_type[type] += c;
    return *this;
  }
  friend bool operator==(const TypedCounts&, const TypedCounts&) = default;
};

// The SemEval-2013 task 9.1 categories, with nervaluate's field names. Each
// predicted mention is correct, incorrect, partial or spurious; each gold
// mention correct, incorrect, partial or missed. COR+INC+PAR+MIS = possible
// (the gold mentions), COR+INC+PAR+SPU = actual (the predicted ones).
struct SemevalCounts {
  int64_t correct = 0;
  int64_t incorrect = 0;
  int64_t partial = 0;
  int64_t missed = 0;
  int64_t spurious = 0;

  int64_t possible() const { return correct + incorrect + partial + missed; }
  int64_t actual() const { return correct + incorrect + partial + spurious; }

  SemevalCounts& operator+=(const SemevalCounts& o) {
    correct += o.correct;
    incorrect += o.incorrect;
    partial += o.partial;
    missed += o.missed;
    spurious += o.spurious;
    return *this;
  }
  friend SemevalCounts operator+(SemevalCounts a, const SemevalCounts& b) {
    return a += b;
  }
  friend bool operator==(const SemevalCounts&, const SemevalCounts&) = default;
};

// The SemEval formulas: strict and exact P = COR/ACT, R = COR/POS; partial
// and ent_type give half a point per partial match, P = (COR + 0.5 PAR)/ACT,
// R = (COR + 0.5 PAR)/POS. Applied to summed counts, so several documents
// give the same result as one (nervaluate 1.1.0 drops the half point once it
// merges two documents: quirk N1 of ../shared/reference/README.md).
inline double SemevalPrecision(const SemevalCounts& c, bool half_credit) {
  const double credit = c.correct + (half_credit ? 0.5 * c.partial : 0.0);
  return c.actual() > 0 ? credit / static_cast<double>(c.actual()) : 0.0;
}
inline double SemevalRecall(const SemevalCounts& c, bool half_credit) {
  const double credit = c.correct + (half_credit ? 0.5 * c.partial : 0.0);
  return c.possible() > 0 ? credit / static_cast<double>(c.possible()) : 0.0;
}

// A non-negative real summed in fixed point (units of 2^-64), so that sums
// of fractions (B-cubed and CEAF numerators) are exact, associative and
// commutative: documents and shards add up to bit-identical totals in any
// order. Converting a double rounds it to the nearest 2^-64 (an error far
// below 1e-15 for the values scorers produce).
struct ExactSum {
  __extension__ typedef __int128 Units;
  Units units = 0;

  static ExactSum FromDouble(double v) {
    return ExactSum{static_cast<Units>(std::nearbyint(std::ldexp(v, 64)))};
  }
  double ToDouble() const {
    return std::ldexp(static_cast<double>(units), -64);
  }
  ExactSum& operator+=(const ExactSum& o) {
    units += o.units;
    return *this;
  }
  friend ExactSum operator+(ExactSum a, const ExactSum& b) { return a += b; }
  friend bool operator==(const ExactSum&, const ExactSum&) = default;
};

// Recall and precision as numerator/denominator pairs, as the CoNLL-2012
// scorer prints them: document counts add up, R = recall_num/recall_den and
// P = precision_num/precision_den of the sums (a micro-average).
struct RatioCounts {
  ExactSum recall_num;
  ExactSum recall_den;
  ExactSum precision_num;
  ExactSum precision_den;

  RatioCounts& operator+=(const RatioCounts& o) {
    recall_num += o.recall_num;
    recall_den += o.recall_den;
    precision_num += o.precision_num;
    precision_den += o.precision_den;
    return *this;
  }
  friend bool operator==(const RatioCounts&, const RatioCounts&) = default;
};

inline double Recall(const RatioCounts& c) {
  const double den = c.recall_den.ToDouble();
  return den > 0 ? c.recall_num.ToDouble() / den : 0.0;
}
inline double Precision(const RatioCounts& c) {
  const double den = c.precision_den.ToDouble();
  return den > 0 ? c.precision_num.ToDouble() / den : 0.0;
}
inline double F1(const RatioCounts& c) { return F1(Precision(c), Recall(c)); }

}  // namespace ieval

#endif  // IEVAL_SCORE_COUNTS_H_
