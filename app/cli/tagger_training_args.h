// The CLI11 declaration of the training options `ieval train-tagger` and
// `ieval crossval` share (--types, --scheme, --epochs, --seed, --hash-bits,
// --dictionary). Their values become the trainer's options in the tagger
// library (extractors/tagger/include/ieval/extractors/tagger/training_args.h),
// which checks them.
#ifndef IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_
#define IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "ieval/extractors/tagger/training_args.h"

namespace ieval {

// Adds the six options to `cmd`; the help of --types and --epochs differs
// between the commands (what the types are for, per fold or not).
void AddTaggerTrainingOptions(CLI::App* cmd, tagger::TrainingArgs* args,
                              const std::string& types_help,
                              const std::string& epochs_help);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_TAGGER_TRAINING_ARGS_H_
