// Writing a run's outputs into its folder: report.json, report.md,
// report.html and predictions/<variant>.jsonl (every ok variant's
// predictions, without text, so `ieval score --gold G --pred
// predictions/<variant>.jsonl` recomputes any score).
//
// All or nothing: every file is first written in full to a temporary file
// beside its target; only when all are complete (and no interruption was
// asked for) are they renamed into place, each rename atomic. An interrupted
// or failed write leaves the previous outputs as they were and no temporary
// file behind.
#ifndef IEVAL_REPORT_REPORT_FILES_H_
#define IEVAL_REPORT_REPORT_FILES_H_

#include <atomic>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/results/run_result.h"

namespace ieval {

struct WriteReportOptions {
  // Documents held by report.html's viewer (the first ones). Default: 100.
  int viewer_documents = 100;
  // When set and true before the renames start, nothing is renamed and
  // kInternal "interrupted" is returned (temporary files removed).
  const std::atomic<bool>* interrupted = nullptr;
};

struct WrittenReports {
  // RenderSummaryText() of report.json (the table `ieval run` prints),
  // rendered without reading the file again.
  std::string summary_text;
  std::vector<std::string> paths;  // every file written, in order
};

// Writes into `folder` (created when missing); the per-document parts
// (report.json's counts, the predictions) are serialised on the pool's
// threads, and the files are the same for any number of them. Errors:
// kIoError naming the file; kInternal when interrupted.
Result<WrittenReports> WriteRunReports(const RunResult& run,
                                       const std::string& folder,
                                       ThreadPool& pool,
                                       const WriteReportOptions& options = {});

}  // namespace ieval

#endif  // IEVAL_REPORT_REPORT_FILES_H_
