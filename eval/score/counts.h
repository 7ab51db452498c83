// Counts are what scorers produce: plain structs that add up, so document
// counts merge into corpus counts and shard counts into run counts in any
// order with identical results. Precision, recall and F1 are derived from
// counts at the very end (and by the statistics, from resampled sums).
//
// 0/0 convention (as conlleval, seqeval with zero_division=0, nervaluate):
// precision is 0 when nothing was predicted, recall is 0 when there is no
// gold, F1 is 0 when precision + recall is 0.
#ifndef IEVAL_EVAL_SCORE_COUNTS_H_
#define IEVAL_EVAL_SCORE_COUNTS_H_

#include <cstdint>

namespace ieval {

// True positives, false positives, false negatives. With partial credit
// (SemEval `partial`), tp may hold halves, hence double.
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

}  // namespace ieval

#endif  // IEVAL_EVAL_SCORE_COUNTS_H_
