// The gate's verdict for people and for CI systems: Markdown fit for a
// pull-request comment (what regressed, by how much, with the interval and
// p-value, the documents and error categories that moved most, then every
// check and the caveats) and JUnit XML with one test case per check, which
// GitLab, Jenkins, GitHub test reporters and the like display. Pure:
// strings out.
#ifndef IEVAL_GATE_RENDER_H_
#define IEVAL_GATE_RENDER_H_

#include <string>

#include "ieval/gate/gate.h"

namespace ieval {

std::string RenderGateMarkdown(const GateReport& report);

// One <testsuite> per kind present (accuracy, speed); a failed check is a
// <failure type="regression">, a skipped one <skipped>; the failure's body
// (or the <system-out> of the others) says what the rule demands and what
// was measured.
std::string RenderGateJUnit(const GateReport& report);

}  // namespace ieval

#endif  // IEVAL_GATE_RENDER_H_
