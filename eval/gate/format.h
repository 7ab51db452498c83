// Number formatting shared by the gate's reasons, Markdown and JUnit, so the
// same number reads the same everywhere. Internal to ieval::gate.
#ifndef IEVAL_EVAL_GATE_FORMAT_H_
#define IEVAL_EVAL_GATE_FORMAT_H_

#include <string>

namespace ieval::gate_internal {

// "0.812"; with `sign`, "+0.031" / "−0.031" (U+2212 minus). "–" for NaN.
std::string Fixed(double value, int digits = 3, bool sign = false);
// "+20.3 %" (a ratio 0.203; always signed).
std::string Percent(double ratio);
// A p-value with two significant digits: "0.0013", "0.063", "1".
std::string PValue(double p);
// A duration given in nanoseconds, in the unit that reads best:
// "850 ns", "12.3 µs", "4.56 ms", "1.20 s".
std::string Duration(double ns);
// A count: "12" for integers, "12.5" for halves.
std::string Count(double value);

}  // namespace ieval::gate_internal

#endif  // IEVAL_EVAL_GATE_FORMAT_H_
