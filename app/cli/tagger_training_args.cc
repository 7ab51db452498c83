#include "tagger_training_args.h"

namespace ieval {

void AddTaggerTrainingOptions(CLI::App* cmd, tagger::TrainingArgs* args,
                              const std::string& types_help,
                              const std::string& epochs_help) {
  cmd->add_option("--types", args->types, types_help)
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--scheme", args->scheme, "Token labels: bio or bilou")
      ->capture_default_str();
  cmd->add_option("--epochs", args->epochs, epochs_help)
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Seed of the visiting order")
      ->capture_default_str();
  cmd->add_option("--hash-bits", args->hash_bits,
                  "log2 of the weight-table rows (8..24)")
      ->check(CLI::Range(8, 24))
      ->capture_default_str();
  cmd->add_option("--dictionary", args->dictionary,
                  "Dictionary features: none or cldr-places-fr")
      ->capture_default_str();
}

}  // namespace ieval
