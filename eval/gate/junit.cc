// RenderGateJUnit (render.h). The de-facto JUnit schema CI systems read:
// <testsuites> / <testsuite> / <testcase classname name> with <failure>,
// <skipped> and <system-out> children and count attributes. A failure
// carries the details in its body; other test cases in <system-out>.
#include <cmath>

#include "ieval/core/text_format.h"
#include "ieval/gate/render.h"

namespace ieval {
namespace {

// What was measured, in full (the body of <failure> and <system-out>).
std::string Details(const GateCheck& c) {
  const bool speed = c.kind == GateCheck::Kind::kSpeed;
  std::string out = "rule: " + c.rule + " (" + c.criteria + ")\n";
  out += "result: " + std::string(CheckOutcomeName(c.outcome)) + ": " +
         c.reason + "\n";
  if (!std::isnan(c.baseline))
    out +=
        "baseline: " + (speed ? Duration(c.baseline) : Fixed(c.baseline, 4)) +
        "\n";
  if (!std::isnan(c.current))
    out += "current: " + (speed ? Duration(c.current) : Fixed(c.current, 4)) +
           "\n";
  if (c.tested) {
    out += "test: " + c.test + ", p = " + PValue(c.p_value);
    if (c.p_adjusted != c.p_value)
      out += ", Holm-adjusted " + PValue(c.p_adjusted);
    out += "\n";
  }
  if (!std::isnan(c.ci_lower))
    out += Fixed(c.confidence * 100, 0) + " % interval of the change: [" +
           Change(c.ci_lower, 4) + ", " + Change(c.ci_upper, 4) + "] over " +
           std::to_string(c.units) + " documents\n";
  if (speed && c.repetitions_baseline > 0)
    out += "repetitions: " + std::to_string(c.repetitions_baseline) +
           " baseline, " + std::to_string(c.repetitions_current) + " current\n";
  for (const DocumentChange& d : c.documents)
    out += "document " + d.doc_id + ": " + Fixed(d.baseline) + " -> " +
           Fixed(d.current) + " (" + d.counts_before + " -> " + d.counts_after +
           (d.errors.empty() ? "" : "; " + d.errors) + ")\n";
  return out;
}

void Suite(std::string& out, const GateReport& report, GateCheck::Kind kind,
           const char* name) {
  int tests = 0, failures = 0, skipped = 0;
  for (const GateCheck& c : report.checks) {
    if (c.kind != kind) continue;
    ++tests;
    failures += c.outcome == CheckOutcome::kFail;
    skipped += c.outcome == CheckOutcome::kSkip;
  }
  if (tests == 0) return;
  out += "  <testsuite name=\"" + std::string(name) + "\" tests=\"" +
         std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
         "\" errors=\"0\" skipped=\"" + std::to_string(skipped) +
         "\" time=\"0\">\n";
  const std::string prefix = kind == GateCheck::Kind::kSpeed
                                 ? "ieval.gate.speed."
                                 : "ieval.gate.accuracy.";
  for (const GateCheck& c : report.checks) {
    if (c.kind != kind) continue;
    out += "    <testcase classname=\"" + EscapeXml(prefix + c.subject) +
           "\" name=\"" + EscapeXml(c.metric + " [" + c.rule + "]") +
           "\" time=\"0\">\n";
    const std::string details = EscapeXml(Details(c));
    if (c.outcome == CheckOutcome::kFail)
      out += "      <failure type=\"regression\" message=\"" +
             EscapeXml(c.reason) + "\">" + details + "</failure>\n";
    if (c.outcome == CheckOutcome::kSkip)
      out += "      <skipped message=\"" + EscapeXml(c.reason) + "\"/>\n";
    if (c.outcome != CheckOutcome::kFail)
      out += "      <system-out>" + details + "</system-out>\n";
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n";
}

}  // namespace

std::string RenderGateJUnit(const GateReport& report) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"ieval gate\" tests=\"" +
         std::to_string(report.checks.size()) + "\" failures=\"" +
         std::to_string(report.Count(CheckOutcome::kFail)) +
         "\" errors=\"0\" skipped=\"" +
         std::to_string(report.Count(CheckOutcome::kSkip)) + "\" time=\"0\">\n";
  Suite(out, report, GateCheck::Kind::kAccuracy, "ieval gate accuracy");
  Suite(out, report, GateCheck::Kind::kSpeed, "ieval gate speed");
  out += "</testsuites>\n";
  return out;
}

}  // namespace ieval
