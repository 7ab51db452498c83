// The grounding summary of predictions given by their text (an LLM's
// strings; ieval/score/grounding_summary.h) as `ieval score` shows it:
// the JSON members "grounding", "by_alignment", "strings" and
// "policy_sensitivity" (reports/README.md), and a short text section
// after the tables. Only written when GroundingSummary::any(): outputs of
// predictions with offsets do not change.
#ifndef IEVAL_REPORT_GROUNDING_REPORT_H_
#define IEVAL_REPORT_GROUNDING_REPORT_H_

#include <string>

#include "ieval/score/grounding_summary.h"

namespace ieval {

// The four members as the text of a JSON object ("{...}"), indented by
// `indent` spaces per level (< 0: on one line).
std::string GroundingToJson(const GroundingSummary& summary, int indent);

// "Grounding" section of the score tables.
std::string GroundingToText(const GroundingSummary& summary);

}  // namespace ieval

#endif  // IEVAL_REPORT_GROUNDING_REPORT_H_
