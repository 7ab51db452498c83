// Internal to ieval::report (nlohmann in the interface): reading a parsed
// report.json and formatting its numbers and cells, shared by the Markdown
// report, the terminal summary and `ieval compare`.
#ifndef IEVAL_EVAL_REPORT_REPORT_TEXT_H_
#define IEVAL_EVAL_REPORT_REPORT_TEXT_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/text_format.h"
#include "ieval/io/json_reader.h"

namespace ieval::report_text {

using nlohmann::json;

// Parses report.json through json_reader.h (its limits, no duplicate
// keys); kInvalidInput unless it is a run report ("format": "ieval-run")
// of the shape CheckReportShape accepts.
Result<json> ParseReport(std::string_view text);

// Every field the renderers read is there with its type, so that they can
// index the report as ieval writes it; kInvalidInput naming the JSON path
// otherwise ("$.variants[2].throughput: missing \"bytes\"").
Status CheckReportShape(const JsonValue& root);

// The renderers read a report of that shape; should one still make
// nlohmann throw, this is the kInvalidInput for it.
Status RenderError(const json::exception& e);

// render() (a Result<std::string>), its JSON exceptions turned into
// kInvalidInput: the report library's edge for reports read back.
template <typename F>
Result<std::string> RenderChecked(F&& render) {
  try {
    return render();
  } catch (const json::exception& e) {
    return RenderError(e);
  }
}

// The value at `path` (object keys), or a null json when absent.
const json& ValueAt(const json& root, std::initializer_list<std::string> path);

// Fixed() and Signed() of eval/core's text_format.h for a number of the
// report; "–" for null or non-numbers.
std::string Fixed(const json& value, int digits = 3);
std::string Signed(const json& value, int digits = 3);
// …and the double ones beside them, so a call takes the overload of its
// argument's type.
using ::ieval::Fixed;
using ::ieval::Signed;

// "F1 (P / R)" of a counts object with precision, recall and f1.
std::string F1Cell(const json& counts);

// "wrong_type" -> "wrong type".
std::string ErrorLabel(const std::string& kind);

// One error example: doc, gold side, predicted side, in `code` for Markdown.
std::string ExampleText(const json& example, bool markdown);

// The summary table of every variant.
std::vector<std::string> SummaryHeader();
std::vector<std::string> SummaryCells(const json& variant, bool markdown);
// The same table aligned in plain text, with the best variant and the
// report's notes below it.
std::string SummaryText(const json& report);

// "5 documents (180 gold mentions, 28 relations); 3 variants: 2 ok, 1
// failed".
std::string Headline(const json& report);
// "95 %".
std::string ConfidenceText(const json& report);
// Version, date, machine, settings.
std::string Footer(const json& report);

}  // namespace ieval::report_text

#endif  // IEVAL_EVAL_REPORT_REPORT_TEXT_H_
