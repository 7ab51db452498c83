// ieval train-tagger --out MODEL [--iob FILE]… [--brat DIR]… [--corpus PATH]…
// Trains the statistical tagger (extractors/tagger/) on external corpora,
// holds every K-th document of each source out, saves the model, reloads it
// and reports held-out strict P/R/F1 and tagging speed of the saved weights.
// scripts/train-tagger calls it with the options of the shipped model.
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <utility>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/tagger/names_only.h"
#include "ieval/extractors/tagger/tagger.h"
#include "ieval/extractors/tagger/tokens.h"
#include "ieval/extractors/tagger/trainer.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/brat_reader.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/iob_reader.h"
#include "strict_counts.h"
#include "tagger_training_args.h"

namespace ieval {
namespace {

struct TrainArgs {
  std::string out;
  std::vector<std::string> iob, brat, corpus;
  std::string iob_scheme = "IOB1";
  int iob_doc_sentences = 40;
  int iob_max_sentence = 80;
  std::vector<std::string> brat_map;
  bool names_only = false;
  TaggerTrainingArgs training;
  int weight_bits = 8;
  int heldout_every = 10;
};

struct Source {
  std::string name;  // the last two parts of its path (not machine-specific)
  std::vector<AnnotatedDocument> docs;
};

// "corpora/fr_litbank/entities/" -> "fr_litbank/entities".
std::string BaseName(const std::string& path) {
  std::filesystem::path p = std::filesystem::path(path).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  const std::filesystem::path parent = p.parent_path().filename();
  return parent.empty() || parent == ".." || parent == "."
             ? p.filename().string()
             : (parent / p.filename()).string();
}

Status LoadSources(const TrainArgs& args, std::vector<Source>* sources) {
  const auto scheme = ParseTagScheme(args.iob_scheme);
  if (!scheme) {
    return Status::Usage("--iob-scheme must be IOB1, IOB2 or IOBES, not '" +
                         args.iob_scheme + "'");
  }
  IobReadOptions iob;
  iob.max_sentence_tokens = args.iob_max_sentence;
  iob.sentences_per_document = args.iob_doc_sentences;
  for (const std::string& path : args.iob) {
    auto docs = ReadIobFile(path, *scheme, iob);
    if (!docs.ok()) return docs.status();
    Source s{BaseName(path), {}};
    for (const TaggedDocument& d : *docs)
      s.docs.push_back(TaggedToAnnotated(d, *scheme));
    sources->push_back(std::move(s));
  }
  BratConversion conversion;
  for (const std::string& pair : args.brat_map) {
    const size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      return Status::Usage("--brat-map takes FROM=TO pairs, not '" + pair +
                           "'");
    conversion.type_map[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  conversion.flatten = true;
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return segmenter.status();
  for (const std::string& path : args.brat) {
    auto docs = ReadBratFolder(path);
    if (!docs.ok()) return docs.status();
    Source s{BaseName(path), {}};
    tagger::NamesOnlyStats stats;
    for (const BratDocument& d : *docs) {
      AnnotatedDocument doc = BratToAnnotated(d, conversion);
      if (args.names_only) doc = tagger::NamesOnly(doc, **segmenter, &stats);
      s.docs.push_back(std::move(doc));
    }
    if (args.names_only) {
      std::cout << s.name << ": names only: kept " << stats.kept
                << " mentions (" << stats.trimmed
                << " cut down to their names), dropped " << stats.dropped
                << " without a name\n";
    }
    sources->push_back(std::move(s));
  }
  for (const std::string& path : args.corpus) {
    std::vector<Status> problems;
    auto corpus = ReadCorpus(path, &problems);
    if (!corpus.ok()) return corpus.status();
    if (!problems.empty()) return problems.front();
    sources->push_back({BaseName(path), std::move(corpus->documents)});
  }
  if (sources->empty())
    return Status::Usage("give at least one of --iob, --brat, --corpus");
  return Status::Ok();
}

int64_t CountTokens(const std::vector<const AnnotatedDocument*>& docs) {
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return 0;
  int64_t n = 0;
  for (const AnnotatedDocument* d : docs)
    n += static_cast<int64_t>(
        tagger::Tokenize(**segmenter, d->document.text).tokens.size());
  return n;
}

int RunTrainTagger(const TrainArgs& args) {
  auto fail = [](const Status& s) {
    std::cerr << "ieval train-tagger: " << s.ToString() << "\n";
    return ExitCodeFor(s);
  };
  auto train_options = ToTrainOptions(args.training);
  if (!train_options.ok()) return fail(train_options.status());
  tagger::TrainOptions options = std::move(*train_options);
  std::vector<Source> sources;
  if (Status s = LoadSources(args, &sources); !s.ok()) return fail(s);

  // Every K-th document of each source (the K-th, 2K-th, …) is held out.
  std::vector<AnnotatedDocument> train;
  std::map<std::string, std::vector<const AnnotatedDocument*>> heldout;
  std::string data;  // what the model is trained on, for its training id
  for (const Source& s : sources) {
    int64_t mentions = 0, held = 0;
    for (size_t i = 0; i < s.docs.size(); ++i) {
      mentions += static_cast<int64_t>(s.docs[i].annotations.mentions.size());
      if (args.heldout_every > 0 &&
          (i + 1) % static_cast<size_t>(args.heldout_every) == 0) {
        heldout[s.name].push_back(&s.docs[i]);
        ++held;
        continue;
      }
      train.push_back(s.docs[i]);
      data += SerializeAnnotatedDocument(s.docs[i]);
    }
    std::cout << s.name << ": " << s.docs.size() << " documents, " << mentions
              << " mentions; " << held << " held out\n";
  }
  std::string names;
  for (const Source& s : sources) names += (names.empty() ? "" : "+") + s.name;
  options.training_id = "ieval train-tagger " + names + " data " +
                        tagger::Fingerprint(data) + " scheme " +
                        args.training.scheme + " hash_bits " +
                        std::to_string(args.training.hash_bits) + " epochs " +
                        std::to_string(args.training.epochs) + " seed " +
                        std::to_string(args.training.seed) + " dictionary " +
                        args.training.dictionary + " heldout_every " +
                        std::to_string(args.heldout_every);
  options.on_epoch = [](const tagger::EpochStats& e) {
    std::cout << "epoch " << e.epoch << ": " << e.token_errors
              << " token errors of " << e.tokens << " ("
              << static_cast<int>(e.seconds * 1000) << " ms)\n"
              << std::flush;
  };
  tagger::TrainingStats stats;
  auto model = tagger::TrainTagger(train, options, &stats);
  if (!model.ok()) return fail(model.status());
  std::cout << "trained on " << stats.documents << " documents, "
            << stats.sequences << " sequences, " << stats.tokens << " tokens, "
            << stats.mentions << " mentions (" << stats.misaligned
            << " not on token boundaries, " << stats.overlapping
            << " overlapping dropped) in " << stats.seconds << " s\n";
  if (Status s = tagger::SaveModel(*model, args.out, args.weight_bits); !s.ok())
    return fail(s);
  auto tagger = tagger::Tagger::Load(args.out);
  if (!tagger.ok()) return fail(tagger.status());
  std::cout << "model " << args.out << ": "
            << std::filesystem::file_size(args.out) << " bytes, version "
            << (*tagger)->Version() << "\n";

  // Held-out figures of the saved (quantised) model.
  std::vector<const AnnotatedDocument*> all;
  for (const auto& [name, docs] : heldout) {
    TypedCounts counts;
    for (const AnnotatedDocument* doc : docs) {
      auto pred = (*tagger)->Extract(doc->document);
      if (!pred.ok()) return fail(pred.status());
      counts += StrictCounts(doc->annotations.mentions, pred->mentions,
                             args.training.types);
      all.push_back(doc);
    }
    std::cout << "held out " << name << " (" << docs.size()
              << (docs.size() == 1 ? " document" : " documents")
              << "), strict:\n";
    for (const auto& [type, c] : counts.per_type)
      std::cout << "  " << type << "\t" << FormatPrf(c) << "\n";
    std::cout << "  micro\t" << FormatPrf(counts.overall) << "\n";
  }
  // Speed: the best of three passes over the held-out documents, one
  // thread (the machine may be busy; the best pass is the least disturbed).
  if (!all.empty()) {
    double best = 0;
    for (int pass = 0; pass < 3; ++pass) {
      const auto t0 = std::chrono::steady_clock::now();
      for (const AnnotatedDocument* doc : all)
        if (auto pred = (*tagger)->Extract(doc->document); !pred.ok())
          return fail(pred.status());
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
              .count();
      if (pass == 0 || s < best) best = s;
    }
    const int64_t tokens = CountTokens(all);
    std::cout << "tagging speed (one thread, ICU segmentation included, best "
                 "of 3 passes): "
              << tokens << " tokens in " << best << " s = "
              << static_cast<int64_t>(static_cast<double>(tokens) / best)
              << " tokens/s\n";
  }
  return kExitOk;
}

}  // namespace

void AddTrainTaggerCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "train-tagger",
      "Train the statistical tagger on external corpora, hold every K-th "
      "document of each out, save the model and report its held-out strict "
      "P/R/F1 and speed (extractors/tagger/README.md).");
  cmd->add_option("--out", args->out, "Model file to write (atomically)")
      ->required();
  cmd->add_option(
      "--iob", args->iob,
      "A token-tag column file (repeatable; CoNLL, Europeana .bio)");
  cmd->add_option("--iob-scheme", args->iob_scheme,
                  "Tag scheme of --iob files: IOB1, IOB2 or IOBES")
      ->capture_default_str();
  cmd->add_option("--iob-doc-sentences", args->iob_doc_sentences,
                  "--iob files without -DOCSTART-: sentences per document "
                  "(the unit held out)")
      ->capture_default_str();
  cmd->add_option("--iob-max-sentence", args->iob_max_sentence,
                  "--iob files: cut sentences longer than this many tokens "
                  "after . ! ? (files without blank lines)")
      ->capture_default_str();
  cmd->add_option("--brat", args->brat,
                  "A folder of BRAT .txt/.ann pairs (repeatable)");
  cmd->add_option("--brat-map", args->brat_map,
                  "BRAT type mapping FROM=TO (comma-separated or repeated); "
                  "unmapped types are dropped; default: keep all")
      ->delimiter(',');
  cmd->add_flag("--names-only", args->names_only,
                "BRAT sources: keep only mentions with a name word, cut to "
                "their names (for corpora that annotate nominal mentions)");
  cmd->add_option("--corpus", args->corpus,
                  "Annotation files with text (folder or .jsonl; repeatable)");
  AddTaggerTrainingOptions(cmd, &args->training, "Entity types to learn",
                           "Perceptron epochs");
  cmd->add_option("--weight-bits", args->weight_bits,
                  "Bits per stored weight: 8 or 16")
      ->check(CLI::IsMember({8, 16}))
      ->capture_default_str();
  cmd->add_option("--heldout-every", args->heldout_every,
                  "Hold out every K-th document of each source (0: none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->callback(
      [args, &context] { context.exit_code = RunTrainTagger(*args); });
}

}  // namespace ieval
