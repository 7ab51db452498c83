#include "ieval/report/report_html.h"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "ieval/core/text_format.h"
#include "report_model.h"
#include "report_text.h"

namespace ieval {

// Embedded by eval/report/CMakeLists.txt (ieval_embed_text).
extern const char kReportHtmlTemplate[];
extern const char kReportJs[];
extern const char kExtractorUsageJs[];
extern const char kViewerJs[];

namespace {

// Replaces each {{NAME}} of the template once, scanning the template only
// (never the inserted text, which may contain braces).
std::string Fill(std::string_view tmpl,
                 const std::vector<std::pair<std::string, std::string>>& by) {
  std::string out;
  size_t at = 0;
  while (at < tmpl.size()) {
    const size_t open = tmpl.find("{{", at);
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find("}}", open);
    if (close == std::string_view::npos) break;
    const std::string_view name = tmpl.substr(open + 2, close - open - 2);
    const std::string* value = nullptr;
    for (const auto& [k, v] : by)
      if (k == name) value = &v;
    out.append(tmpl.substr(at, open - at));
    if (value != nullptr) {
      out += *value;
    } else {
      out.append(tmpl.substr(open, close + 2 - open));
    }
    at = close + 2;
  }
  out.append(tmpl.substr(at));
  return out;
}

}  // namespace

std::string EscapeForScript(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/')
      out += '\\';
  }
  return out;
}

namespace report_text {

std::string HtmlOf(nlohmann::json report, std::string_view viewer_json) {
  // The page shows corpus totals; per-document counts would only make it
  // heavy (they stay in report.json).
  for (auto& v : report["variants"])
    if (v.contains("scores")) v["scores"].erase("documents");
  const std::string title =
      "ieval run · " + report.value("started_at", std::string());
  return Fill(kReportHtmlTemplate,
              {{"TITLE", EscapeXml(title)},
               {"REPORT_JSON", EscapeForScript(report.dump())},
               {"VIEWER_JSON", EscapeForScript(viewer_json)},
               {"REPORT_JS", kReportJs},
               {"USAGE_JS", kExtractorUsageJs},
               {"VIEWER_JS", kViewerJs}});
}

}  // namespace report_text

Result<std::string> RenderHtml(std::string_view report_json,
                               std::string_view viewer_json) {
  auto parsed = report_text::ParseReport(report_json);
  if (!parsed.ok()) return parsed.status();
  return report_text::RenderChecked([&]() -> Result<std::string> {
    return report_text::HtmlOf(std::move(*parsed), viewer_json);
  });
}

}  // namespace ieval
