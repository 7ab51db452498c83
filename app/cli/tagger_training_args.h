// The training options `ieval train-tagger` and `ieval crossval` share
// (--types, --scheme, --epochs, --seed, --hash-bits, --dictionary): declared
// and turned into tagger::TrainOptions in one place, so the two commands
// cannot drift apart in defaults, checks or messages.
#ifndef IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_
#define IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/tagger/trainer.h"

namespace ieval {

struct TaggerTrainingArgs {
  std::vector<std::string> types = {"PER", "ORG", "LOC"};
  std::string scheme = "bio";
  int epochs = 10;
  uint64_t seed = 1;
  int hash_bits = 18;  // as the shipped model
  std::string dictionary = "cldr-places-fr";
};

// Adds the six options to `cmd`; the help of --types and --epochs differs
// between the commands (what the types are for, per fold or not).
void AddTaggerTrainingOptions(CLI::App* cmd, TaggerTrainingArgs* args,
                              const std::string& types_help,
                              const std::string& epochs_help);

// The trainer's options; kUsage naming the option when --scheme or
// --dictionary names nothing known.
Result<tagger::TrainOptions> ToTrainOptions(const TaggerTrainingArgs& args);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_
