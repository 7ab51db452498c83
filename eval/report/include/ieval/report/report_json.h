// report.json: everything a run produced, in one JSON object — settings,
// versions, machine, timings, every variant's throughput, scores (the
// `ieval score --json` object, per-document counts included), intervals,
// the paired comparisons and the notes. report.md, report.html, `ieval
// compare` and `ieval gate` all read it; its schema is documented in
// reports/README.md. Deterministic apart from timings, dates and the
// machine: the same predictions give the same file.
#ifndef IEVAL_REPORT_REPORT_JSON_H_
#define IEVAL_REPORT_REPORT_JSON_H_

#include <string>

#include "ieval/results/run_result.h"

namespace ieval {

// The format name and version written at the top of report.json
// ("format": "ieval-run", "format_version": 1).
inline constexpr char kRunReportFormat[] = "ieval-run";
inline constexpr int kRunReportFormatVersion = 1;

// Indented by one space; ends with a newline.
std::string RunReportToJson(const RunResult& run);

// Where a variant's predictions are written, relative to the output folder:
// predictions/<name>.jsonl, characters other than letters, digits, '-',
// '_' and '.' replaced by '_' (and no leading dot).
std::string PredictionsPath(const std::string& variant);

}  // namespace ieval

#endif  // IEVAL_REPORT_REPORT_JSON_H_
