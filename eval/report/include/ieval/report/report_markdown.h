// report.md: a run as GitHub-flavoured Markdown, fit for a pull-request
// comment. Rendered from report.json (report_json.h), never from the run
// itself, so any report.json can be re-rendered and the two always agree.
#ifndef IEVAL_REPORT_REPORT_MARKDOWN_H_
#define IEVAL_REPORT_REPORT_MARKDOWN_H_

#include <string>
#include <string_view>

#include "ieval/core/status.h"

namespace ieval {

// Sections: summary table (variant x strict P/R/F1 with intervals, partial
// F1, relation F1, DATE value accuracy, cluster CoNLL F1, documents/s), the
// best variant, significant differences, failed and skipped variants with
// their errors, notes, strict F1 per type, throughput, top error
// categories with examples, and the run's settings and machine.
// kInvalidInput when `report_json` is not a run report, or one with a
// field missing or of another type (naming its JSON path).
Result<std::string> RenderMarkdown(std::string_view report_json);

// The summary table alone, as plain text for a terminal (what `ieval run`
// prints on stdout).
Result<std::string> RenderSummaryText(std::string_view report_json);

}  // namespace ieval

#endif  // IEVAL_REPORT_REPORT_MARKDOWN_H_
