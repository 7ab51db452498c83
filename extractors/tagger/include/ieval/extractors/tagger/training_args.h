// The training options as a user gives them (`ieval train-tagger` and
// `ieval crossval` share --types, --scheme, --epochs, --seed, --hash-bits and
// --dictionary), and their translation into the trainer's TrainOptions: one
// place for the defaults, the checks and the messages, so the two commands
// cannot drift apart.
#ifndef IEVAL_EXTRACTORS_TAGGER_TRAINING_ARGS_H_
#define IEVAL_EXTRACTORS_TAGGER_TRAINING_ARGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/tagger/trainer.h"

namespace ieval::tagger {

struct TrainingArgs {
  std::vector<std::string> types = {"PER", "ORG", "LOC"};
  std::string scheme = "bio";  // LabelScheme by name: bio or bilou
  int epochs = 10;
  uint64_t seed = 1;
  int hash_bits = 18;  // as the shipped model
  // A dictionary id (DictionaryForId) or "none".
  std::string dictionary = "cldr-places-fr";
};

// The trainer's options (without training_id and on_epoch). kUsage naming
// the option when --scheme or --dictionary names nothing known; the
// trainer itself checks the ranges of the numbers.
Result<TrainOptions> ToTrainOptions(const TrainingArgs& args);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TRAINING_ARGS_H_
