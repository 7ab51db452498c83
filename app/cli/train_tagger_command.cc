// ieval train-tagger --out MODEL [--iob FILE]… [--brat DIR]… [--corpus PATH]…
// Trains the statistical tagger on external corpora, holds every K-th
// document of each source out, saves the model, reloads it and reports
// held-out strict P/R/F1 and tagging speed of the saved weights: the job of
// extractors/tagger/include/ieval/extractors/tagger/train_job.h, which
// prints its log to stdout. scripts/train-tagger calls it with the options
// of the shipped model.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/tagger/train_job.h"
#include "tagger_training_args.h"

namespace ieval {
namespace {

int RunTrainTagger(const tagger::TrainJob& job) {
  auto result = tagger::RunTrainJob(job, std::cout);
  if (!result.ok()) {
    std::cerr << "ieval train-tagger: " << result.status().ToString() << "\n";
    return ExitCodeFor(result.status());
  }
  return kExitOk;
}

}  // namespace

void AddTrainTaggerCommand(CLI::App& app, CommandContext& context) {
  auto job = std::make_shared<tagger::TrainJob>();
  CLI::App* cmd = app.add_subcommand(
      "train-tagger",
      "Train the statistical tagger on external corpora, hold every K-th "
      "document of each out, save the model and report its held-out strict "
      "P/R/F1 and speed (extractors/tagger/README.md).");
  cmd->add_option("--out", job->out, "Model file to write (atomically)")
      ->required();
  cmd->add_option(
      "--iob", job->sources.iob,
      "A token-tag column file (repeatable; CoNLL, Europeana .bio)");
  cmd->add_option("--iob-scheme", job->sources.iob_scheme,
                  "Tag scheme of --iob files: IOB1, IOB2 or IOBES")
      ->capture_default_str();
  cmd->add_option("--iob-doc-sentences", job->sources.iob_doc_sentences,
                  "--iob files without -DOCSTART-: sentences per document "
                  "(the unit held out)")
      ->capture_default_str();
  cmd->add_option("--iob-max-sentence", job->sources.iob_max_sentence,
                  "--iob files: cut sentences longer than this many tokens "
                  "after . ! ? (files without blank lines)")
      ->capture_default_str();
  cmd->add_option("--brat", job->sources.brat,
                  "A folder of BRAT .txt/.ann pairs (repeatable)");
  cmd->add_option("--brat-map", job->sources.brat_map,
                  "BRAT type mapping FROM=TO (comma-separated or repeated); "
                  "unmapped types are dropped; default: keep all")
      ->delimiter(',');
  cmd->add_flag("--names-only", job->sources.names_only,
                "BRAT sources: keep only mentions with a name word, cut to "
                "their names (for corpora that annotate nominal mentions)");
  cmd->add_option("--corpus", job->sources.corpus,
                  "Annotation files with text (folder or .jsonl; repeatable)");
  AddTaggerTrainingOptions(cmd, &job->training, "Entity types to learn",
                           "Perceptron epochs");
  cmd->add_option("--weight-bits", job->weight_bits,
                  "Bits per stored weight: 8 or 16")
      ->check(CLI::IsMember({8, 16}))
      ->capture_default_str();
  cmd->add_option("--heldout-every", job->heldout_every,
                  "Hold out every K-th document of each source (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback([job, &context] { context.exit_code = RunTrainTagger(*job); });
}

}  // namespace ieval
