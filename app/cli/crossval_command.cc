// ieval crossval --gold DIR [--folds N | --loo] [--epochs N] [--seed N]
//                [--out FILE]
// Cross-validation of the statistical tagger on any gold
// (extractors/tagger/include/ieval/extractors/tagger/crossval.h): every
// document is predicted by a model that never saw it, the per-fold strict
// figures go to stdout and --out holds the predictions for `ieval score`.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "format_args.h"
#include "ieval/extractors/tagger/crossval.h"
#include "ieval/extractors/tagger/training_args.h"
#include "ieval/io/corpus_reader.h"
#include "tagger_training_args.h"

namespace ieval {
namespace {

struct CrossvalArgs {
  std::string gold;
  int folds = 0;  // 0: one fold per document
  bool loo = false;
  tagger::TrainingArgs training;
  std::string out;
  FormatArgs formats;  // --gold-format and what the formats need
};

int RunCrossval(const CrossvalArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "ieval crossval: " << s.ToString() << "\n";
    return ExitCodeFor(s);
  };
  std::vector<Status> problems;
  auto read_options = ReadOptions(args.formats);
  if (!read_options.ok()) return fail(read_options.status());
  auto gold = ReadSide("ieval crossval", args.gold, args.formats.gold_format,
                       "--gold-format", *read_options, &problems);
  if (!gold.ok()) return fail(gold.status());
  if (!problems.empty()) {
    for (const Status& p : problems) std::cerr << p.ToString() << "\n";
    std::cerr << "ieval crossval: the gold " << args.gold
              << " is invalid; run `ieval validate " << args.gold << "`\n";
    return kExitBadInput;
  }
  auto options = tagger::ToTrainOptions(args.training);
  if (!options.ok()) return fail(options.status());
  auto result = tagger::Crossval(gold->documents, args.loo ? 0 : args.folds,
                                 *options, std::cout);
  if (!result.ok()) return fail(result.status());
  if (!args.out.empty()) {
    if (Status s = WriteCorpus(result->predictions, args.out,
                               /*include_text=*/false);
        !s.ok())
      return fail(s);
    std::cout << "predictions written to " << args.out
              << " (score them with ieval score --gold " << args.gold
              << " --pred " << args.out << ")\n";
  }
  return kExitOk;
}

}  // namespace

void AddCrossvalCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<CrossvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "crossval",
      "Cross-validate the statistical tagger on a gold corpus: train from "
      "scratch on all but one fold, tag the held-out documents, print strict "
      "P/R/F1 per fold and write the predictions for `ieval score`.");
  cmd->add_option("--gold", args->gold,
                  "Gold corpus with text, in any format (--gold-format)")
      ->required();
  // --scheme is the tagger's (its labels); a CoNLL gold is read as IOB2.
  AddFormatOptions(cmd, &args->formats, "--gold-format", "",
                   /*with_scheme=*/false);
  auto* folds = cmd->add_option("--folds", args->folds,
                                "Number of folds (document i goes to fold "
                                "i mod N, in corpus order)")
                    ->check(CLI::PositiveNumber);
  cmd->add_flag("--loo", args->loo,
                "Leave one document out: one fold per document (the default)")
      ->excludes(folds);
  AddTaggerTrainingOptions(cmd, &args->training,
                           "Entity types to train and score (comma-separated)",
                           "Perceptron epochs per fold");
  cmd->add_option("--out", args->out,
                  "Write the held-out predictions here (.jsonl file or a "
                  "folder), without text, for `ieval score`");
  cmd->callback([args, &context] { context.exit_code = RunCrossval(*args); });
}

}  // namespace ieval
