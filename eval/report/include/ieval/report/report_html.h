// report.html: one self-contained page (inline CSS, JS and SVG; opens from
// disk with no network): sortable summary table, per-type bars, confusion
// heat map, accuracy-vs-throughput scatter with the Pareto front, paired
// comparisons, error examples and a document viewer (gold and predicted
// spans side by side, coloured by error kind, relations below).
//
// The page is assets/report.html with assets/report.js and viewer.js,
// embedded at build time; the data goes in as two JSON blocks
// (<script type="application/json">): report.json (without per-document
// counts, which the page does not show) and the viewer data (viewer_data.h).
#ifndef IEVAL_REPORT_REPORT_HTML_H_
#define IEVAL_REPORT_REPORT_HTML_H_

#include <string>
#include <string_view>

#include "ieval/core/status.h"

namespace ieval {

// `report_json`: a run's report.json; `viewer_json`: ViewerDataJson().
// kInvalidInput when report_json is not a run report, or one with a field
// missing or of another type (naming its JSON path).
Result<std::string> RenderHtml(std::string_view report_json,
                               std::string_view viewer_json);

// `json` made safe inside a <script> element: every "</" becomes "<\/"
// (the same JSON value; "\/" is a JSON escape of "/").
std::string EscapeForScript(std::string_view json);

}  // namespace ieval

#endif  // IEVAL_REPORT_REPORT_HTML_H_
