// A CLI11 check for options that take a real number. CLI11's range checks
// compare, and NaN compares false with every bound, so `--alpha nan` would
// pass CLI::Range(1e-9, 0.5); chained before them, this refuses it.
#ifndef IEVAL_APP_CLI_FINITE_NUMBER_H_
#define IEVAL_APP_CLI_FINITE_NUMBER_H_

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>
#include <string>

namespace ieval {

inline CLI::Validator FiniteNumber() {
  return CLI::Validator(
      [](std::string& value) {
        char* end = nullptr;
        const double v = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0' || !std::isfinite(v))
          return "'" + value + "' is not a finite number";
        return std::string();
      },
      "");
}

}  // namespace ieval

#endif  // IEVAL_APP_CLI_FINITE_NUMBER_H_
