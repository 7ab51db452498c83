#include "ground_args.h"

#include "finite_number.h"

namespace ieval {

void AddGroundOptions(CLI::App* cmd, GroundArgs* args) {
  cmd->add_option(
         "--ground-policy", args->policy,
         "Predictions given by their text (no start/end) are placed in the "
         "gold text; a string that occurs several times goes: order (default: "
         "one to one, in text order), first (every prediction to its first "
         "occurrence) or all (to every occurrence)")
      ->check(CLI::IsMember({"order", "first", "all"}));
  cmd->add_option("--ground-threshold", args->threshold,
                  "Fuzzy grounding: the least Dice word overlap of a window "
                  "of the text with a predicted string (default 0.8: one word "
                  "of three dropped; above 1 turns fuzzy grounding off)")
      ->check(FiniteNumber())
      ->check(CLI::PositiveNumber);
}

}  // namespace ieval
