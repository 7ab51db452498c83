// A run's report.json read back by `gate` and `compare`, and rendered as
// report.md, the terminal summary and report.html (each refuses a report
// whose fields are missing or of another type, never crashes on one).
#include "ieval/report/report_html.h"
#include "ieval/report/report_markdown.h"
#include "read_back.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = ieval::fuzz::AsText(data, size);
  ieval::fuzz::ReadBack(text, "report.json");
  (void)ieval::RenderMarkdown(text);
  (void)ieval::RenderSummaryText(text);
  (void)ieval::RenderHtml(text, "{}");
  return 0;
}
