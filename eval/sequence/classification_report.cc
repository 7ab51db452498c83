#include "ieval/sequence/classification_report.h"

#include <limits>

namespace ieval {
namespace {

// numpy's pairwise_sum for float64 (numpy/core/src/umath/loops_utils.h.src).
double PairwiseSum(const double* a, size_t n) {
  if (n < 8) {
    double res = 0.;
    for (size_t i = 0; i < n; ++i) res += a[i];
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (size_t j = 0; j < 8; ++j) r[j] = a[j];
    size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (size_t j = 0; j < 8; ++j) r[j] += a[i + j];
    }
    double res =
        ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i];
    return res;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return PairwiseSum(a, n2) + PairwiseSum(a + n2, n - n2);
}

// _prf_divide: 0 where the denominator is 0.
double Divide(int64_t numerator, int64_t denominator) {
  return denominator == 0 ? 0.0
                          : static_cast<double>(numerator) /
                                static_cast<double>(denominator);
}

// seqeval: (1 + beta2) * precision * recall / denom, denom = beta2 *
// precision + recall (1 where it is 0), beta2 = 1.
double FScore(double precision, double recall) {
  double denom = 1.0 * precision + recall;
  if (denom == 0.0) denom = 1;
  return (1 + 1.0) * precision * recall / denom;
}

ReportRow Row(const ChunkCounts& c) {
  ReportRow row;
  row.precision = Divide(c.correct, c.predicted);
  row.recall = Divide(c.correct, c.gold);
  row.f1 = FScore(row.precision, row.recall);
  row.support = c.gold;
  row.predicted = c.predicted;
  row.correct = c.correct;
  return row;
}

}  // namespace

double NumpySum(const double* values, size_t n) {
  // add.reduce starts from the identity 0.0.
  return 0.0 + PairwiseSum(values, n);
}

ClassificationReport MakeClassificationReport(const SequenceCounts& counts) {
  ClassificationReport report;
  ChunkCounts total;
  for (const auto& [type, c] : counts.per_type) {
    total += c;
    if (c.gold == 0 && c.predicted == 0) continue;  // see SequenceCounts
    report.per_type.emplace_back(type, Row(c));
  }
  report.micro = Row(total);

  const size_t n = report.per_type.size();
  std::vector<double> p(n), r(n), f(n), pw(n), rw(n), fw(n), w(n);
  int64_t support = 0, predicted = 0, correct = 0;
  for (size_t i = 0; i < n; ++i) {
    const ReportRow& row = report.per_type[i].second;
    p[i] = row.precision;
    r[i] = row.recall;
    f[i] = row.f1;
    w[i] = static_cast<double>(row.support);
    pw[i] = p[i] * w[i];
    rw[i] = r[i] * w[i];
    fw[i] = f[i] * w[i];
    support += row.support;
    predicted += row.predicted;
    correct += row.correct;
  }

  // np.average(x) = x.mean() = sum / n; nan for no type.
  ReportRow& macro = report.macro;
  if (n == 0) {
    macro.precision = macro.recall = macro.f1 =
        std::numeric_limits<double>::quiet_NaN();
  } else {
    const double count = static_cast<double>(n);
    macro.precision = NumpySum(p.data(), n) / count;
    macro.recall = NumpySum(r.data(), n) / count;
    macro.f1 = NumpySum(f.data(), n) / count;
  }
  // np.average(x, weights=support) = sum(x * w) / sum(w); seqeval returns
  // zeros before that when the supports sum to 0.
  ReportRow& weighted = report.weighted;
  if (support != 0) {
    const double scale = NumpySum(w.data(), n);
    weighted.precision = NumpySum(pw.data(), n) / scale;
    weighted.recall = NumpySum(rw.data(), n) / scale;
    weighted.f1 = NumpySum(fw.data(), n) / scale;
  }
  for (ReportRow* row : {&macro, &weighted}) {
    row->support = support;
    row->predicted = predicted;
    row->correct = correct;
  }
  return report;
}

}  // namespace ieval
