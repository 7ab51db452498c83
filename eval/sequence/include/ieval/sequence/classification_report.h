// seqeval's classification report (output_dict=True) from chunk counts:
// per-type precision, recall, F1 and support, and the micro, macro and
// weighted averages — computed with the same float64 operations in the same
// order as seqeval 1.2.2 on numpy (numpy's pairwise summation included), so
// the values agree bit for bit, not just to rounding.
//
// 0/0 convention (seqeval's zero_division="warn"): precision is 0 when
// nothing was predicted, recall is 0 when there is no gold, F1 is 0 when
// precision + recall is 0. The weighted average is 0 when there is no gold
// entity at all. The macro average over zero types is undefined (seqeval:
// nan) and is NaN here; JSON writes it as null.
#ifndef IEVAL_SEQUENCE_CLASSIFICATION_REPORT_H_
#define IEVAL_SEQUENCE_CLASSIFICATION_REPORT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ieval/sequence/sequence_counts.h"

namespace ieval {

struct ReportRow {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
  int64_t support = 0;    // gold chunks
  int64_t predicted = 0;  // predicted chunks
  int64_t correct = 0;    // correct chunks
};

struct ClassificationReport {
  // Types with a gold or predicted chunk, in byte order.
  std::vector<std::pair<std::string, ReportRow>> per_type;
  ReportRow micro;
  ReportRow macro;
  ReportRow weighted;
};

ClassificationReport MakeClassificationReport(const SequenceCounts& counts);

// numpy's float64 add.reduce (pairwise summation, 8-way unrolled blocks of
// up to 128): exposed for tests.
double NumpySum(const double* values, size_t n);

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_CLASSIFICATION_REPORT_H_
