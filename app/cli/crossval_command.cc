// ieval crossval --gold DIR [--folds N | --loo] [--epochs N] [--seed N]
//                [--out FILE]
// Cross-validation of the statistical tagger on any gold: for each fold,
// train a model from scratch on the other documents, tag the held-out ones,
// and keep those predictions. Every document is thus predicted by a model
// that never saw it, and --out holds the predictions for `ieval score`.
// The per-fold summary is a strict span match (app/cli/strict_counts.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/tagger/tagger.h"
#include "ieval/extractors/tagger/trainer.h"
#include "ieval/io/corpus_reader.h"
#include "strict_counts.h"
#include "tagger_training_args.h"

namespace ieval {
namespace {

struct CrossvalArgs {
  std::string gold;
  int folds = 0;  // 0: one fold per document
  bool loo = false;
  TaggerTrainingArgs training;
  std::string out;
};

int RunCrossval(const CrossvalArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "ieval crossval: " << s.ToString() << "\n";
    return ExitCodeFor(s);
  };
  std::vector<Status> problems;
  auto gold = ReadCorpus(args.gold, &problems);
  if (!gold.ok()) return fail(gold.status());
  if (!problems.empty()) {
    for (const Status& p : problems) std::cerr << p.ToString() << "\n";
    std::cerr << "ieval crossval: the gold " << args.gold
              << " is invalid; run `ieval validate " << args.gold << "`\n";
    return kExitBadInput;
  }
  const std::vector<AnnotatedDocument>& docs = gold->documents;
  for (const AnnotatedDocument& d : docs) {
    if (!d.has_text) {
      return fail(Status::InvalidInput(
          "gold documents must carry their text",
          Where{d.source_file, d.source_line, d.document.doc_id, ""}));
    }
  }
  const int n = static_cast<int>(docs.size());
  const int folds = args.loo || args.folds == 0 ? n : args.folds;
  if (n < 2 || folds < 2 || folds > n) {
    return fail(Status::Usage(
        "cross-validation needs at least 2 documents and 2 <= folds <= "
        "documents (the gold has " +
        std::to_string(n) + ", --folds " + std::to_string(folds) + ")"));
  }
  auto train_options = ToTrainOptions(args.training);
  if (!train_options.ok()) return fail(train_options.status());
  const tagger::TrainOptions& options = *train_options;

  Corpus predictions;
  predictions.documents.resize(docs.size());
  TypedCounts total;
  std::cout << (folds == n ? "leave-one-document-out" : "cross-validation")
            << ": " << folds << " folds over " << n
            << " documents; strict span match:\n";
  for (int fold = 0; fold < folds; ++fold) {
    // Document i is in fold i % folds: folds interleave the corpus order.
    std::vector<AnnotatedDocument> train;
    std::vector<size_t> test;
    for (size_t i = 0; i < docs.size(); ++i) {
      if (static_cast<int>(i % static_cast<size_t>(folds)) == fold) {
        test.push_back(i);
      } else {
        train.push_back(docs[i]);
      }
    }
    tagger::TrainingStats stats;
    auto model = tagger::TrainTagger(train, options, &stats);
    if (!model.ok()) return fail(model.status());
    auto tagger = tagger::Tagger::Create(std::move(*model), options.dictionary);
    if (!tagger.ok()) return fail(tagger.status());
    TypedCounts counts;
    std::string held;
    for (size_t i : test) {
      auto pred = (*tagger)->Extract(docs[i].document);
      if (!pred.ok()) return fail(pred.status());
      counts += StrictCounts(docs[i].annotations.mentions, pred->mentions,
                             args.training.types);
      AnnotatedDocument& p = predictions.documents[i];
      p.document.doc_id = docs[i].document.doc_id;
      p.annotations = std::move(*pred);
      held += (held.empty() ? "" : ",") + docs[i].document.doc_id;
    }
    std::cout << "fold " << fold + 1 << "/" << folds << " (test " << held
              << "; trained on " << train.size() << " documents, "
              << stats.mentions << " mentions): " << FormatPrf(counts.overall)
              << "\n";
    total += counts;
  }
  for (const auto& [type, c] : total.per_type)
    std::cout << "all folds " << type << "\t" << FormatPrf(c) << "\n";
  std::cout << "all folds micro\t" << FormatPrf(total.overall) << "\n";
  if (!args.out.empty()) {
    if (Status s = WriteCorpus(predictions, args.out, /*include_text=*/false);
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
                  "Gold corpus with text: a folder of .json files or a .jsonl")
      ->required();
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
