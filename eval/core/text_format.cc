#include "ieval/core/text_format.h"

#include <cmath>
#include <cstdio>

namespace ieval {
namespace {

constexpr char kMissing[] = "–";

std::string Printf(const char* format, int digits, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, digits, value);
  return buffer;
}

std::string Printf(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

bool RoundsToZero(double value, int digits) {
  return std::round(std::fabs(value) * std::pow(10.0, digits)) == 0;
}

}  // namespace

std::string Fixed(double value, int digits) {
  if (std::isnan(value)) return kMissing;
  if (RoundsToZero(value, digits)) return Printf("%.*f", digits, 0.0);
  return Printf("%.*f", digits, value);
}

std::string Signed(double value, int digits) {
  if (std::isnan(value)) return kMissing;
  return Printf("%+.*f", digits, value);
}

std::string Change(double value, int digits) {
  if (std::isnan(value)) return kMissing;
  if (RoundsToZero(value, digits)) return "±" + Printf("%.*f", digits, 0.0);
  const std::string text = Printf("%.*f", digits, std::fabs(value));
  return (value < 0 ? "\u2212" : "+") + text;
}

std::string PercentChange(double ratio) {
  if (std::isnan(ratio)) return kMissing;
  return Change(ratio * 100, 1) + " %";
}

std::string PValue(double p) {
  if (std::isnan(p)) return kMissing;
  if (p >= 1) return "1";
  return Printf("%.2g", p);
}

std::string Duration(double ns) {
  if (std::isnan(ns)) return kMissing;
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

std::string MarkdownCell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t' ||
            c == '\r')
          out += c;
    }
  }
  return out;
}

}  // namespace ieval
