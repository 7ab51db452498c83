// How numbers and text read in every report: the terminal tables, report.md,
// `ieval compare`, the gate's verdict and JUnit XML, the training logs. One
// place, so the same number reads the same everywhere and a call says which
// convention it wants by its name, never by a flag.
//   Fixed   a value as data: "0.812", "12.5"; the signed form "+0.031" /
//           "-0.031" (ASCII, as printf's %+) for tables of differences.
//   Change  a change in prose: "+0.031", "−0.031" (U+2212 minus), "±0.000"
//           for what rounds to zero, so a verdict never reads "-0.000".
// NaN reads "–" (U+2013) in every form: a value that does not exist.
#ifndef IEVAL_CORE_TEXT_FORMAT_H_
#define IEVAL_CORE_TEXT_FORMAT_H_

#include <string>
#include <string_view>

namespace ieval {

// `digits` decimals: "0.812"; what rounds to zero reads "0.000".
std::string Fixed(double value, int digits = 3);
// With a sign always, as printf's "%+.*f": "+0.031", "-0.031".
std::string Signed(double value, int digits = 3);
// A change: "+0.031", "−0.031", "±0.000".
std::string Change(double value, int digits = 3);
// A relative change given as a ratio (0.203): "+20.3 %", "−5.0 %".
std::string PercentChange(double ratio);
// A p-value with two significant digits: "0.0013", "0.063", "1".
std::string PValue(double p);
// A duration given in nanoseconds, in the unit that reads best: "850 ns",
// "12.3 µs", "4.56 ms", "1.20 s".
std::string Duration(double ns);
// A count: "12" for integers, "12.5" for halves (partial matches).
std::string Count(double value);

// A Markdown table cell: '|' escaped, line breaks as spaces.
std::string MarkdownCell(std::string_view text);
// XML (and HTML) text or attribute value: & < > " ' escaped; the control
// characters XML 1.0 forbids dropped (tab, line feed, carriage return kept).
std::string EscapeXml(std::string_view text);

}  // namespace ieval

#endif  // IEVAL_CORE_TEXT_FORMAT_H_
