// --ground-policy and --ground-threshold: how predictions given by their
// text alone (no start/end) are placed in the gold text before they are
// scored, on every command that scores (score, run, crossval).
#ifndef IEVAL_APP_CLI_GROUND_ARGS_H_
#define IEVAL_APP_CLI_GROUND_ARGS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "ieval/ground/grounding.h"

namespace ieval {

struct GroundArgs {
  // Unset: the default (or, for `ieval run`, the run config's).
  std::optional<std::string> policy;
  std::optional<double> threshold;

  GroundOptions ToOptions(GroundOptions base = {}) const {
    if (policy)
      base.policy = ParseGroundPolicy(*policy).value_or(GroundPolicy::kOrder);
    if (threshold) base.fuzzy_threshold = *threshold;
    return base;
  }
};

// Declares both options on `cmd`; bad values (an unknown policy, NaN, inf,
// a threshold <= 0) are refused by CLI11 with exit 2.
void AddGroundOptions(CLI::App* cmd, GroundArgs* args);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_GROUND_ARGS_H_
