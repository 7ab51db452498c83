#include "format.h"

#include <cmath>
#include <cstdio>

namespace ieval::gate_internal {
namespace {

std::string Printf(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

std::string Fixed(double value, int digits, bool sign) {
  if (std::isnan(value)) return "–";
  const double scale = std::pow(10.0, digits);
  // No "-0.000": values that round to zero print unsigned (or "±0.000").
  if (std::round(std::fabs(value) * scale) == 0)
    return (sign ? "±" : "") +
           Printf(("%." + std::to_string(digits) + "f").c_str(), 0.0);
  std::string text =
      Printf(("%." + std::to_string(digits) + "f").c_str(), std::fabs(value));
  if (value < 0) return "\u2212" + text;
  return (sign ? "+" : "") + text;
}

std::string Percent(double ratio) {
  if (std::isnan(ratio)) return "–";
  return Fixed(ratio * 100, 1, true) + " %";
}

std::string PValue(double p) {
  if (std::isnan(p)) return "–";
  if (p >= 1) return "1";
  if (p >= 0.01) return Printf("%.2g", p);
  return Printf("%.2g", p);
}

std::string Duration(double ns) {
  if (std::isnan(ns)) return "–";
  const double a = std::fabs(ns);
  if (a < 1e3) return Printf("%.0f ns", ns);
  if (a < 1e6) return Printf("%.3g µs", ns / 1e3);
  if (a < 1e9) return Printf("%.3g ms", ns / 1e6);
  return Printf("%.3g s", ns / 1e9);
}

std::string Count(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15)
    return Printf("%.0f", value);
  return Printf("%g", value);
}

}  // namespace ieval::gate_internal
