// ieval score --gold DIR --pred PATH …   (span_score.cc)
// ieval score --conll FILE …             (conll_score.cc)
#include "score_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "finite_number.h"

namespace ieval {

void AddScoreCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* cmd = app.add_subcommand(
      "score",
      "Score predictions against gold: span, relation, value and entity-"
      "cluster metrics (--gold/--pred), or token-sequence metrics of a CoNLL "
      "file (--conll).");
  cmd->add_option("--gold", args->gold,
                  "Gold corpus: a folder or file in any annotation format "
                  "(--gold-format)");
  cmd->add_option("--pred", args->pred,
                  "Predictions: a folder or file in any annotation format "
                  "(--pred-format)");
  AddFormatOptions(cmd, &args->formats, "--gold-format", "--pred-format",
                   /*with_scheme=*/false);
  cmd->add_option("--types", args->types,
                  "Score only these entity types (comma-separated)")
      ->delimiter(',');
  cmd->add_option("--map", args->map,
                  "Rename predicted types before scoring: a JSON file "
                  "{\"pred\": \"gold\"} or pred=gold[,pred=gold…]");
  cmd->add_option("--min-overlap", args->min_overlap,
                  "Partial and type modes: the least share of the gold span's "
                  "characters a prediction must cover (0 = any overlap)")
      ->check(FiniteNumber())
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--labels", args->labels,
                  "Label set (symmetric relation types); default: labels.json "
                  "beside the gold");
  cmd->add_flag("--allow-nested", args->allow_nested,
                "Gold spans may nest and overlap (as \"nested\": true in "
                "labels.json); without it gold must be flat");
  cmd->add_flag("--ignore-unknown-keys", args->formats.ignore_unknown_keys,
                "Allow keys the annotation format does not define (default: an "
                "error naming the key, so a typo such as \"entites\" is not "
                "read as a document without mentions)");
  AddGroundOptions(cmd, &args->ground);
  cmd->add_option("--max-examples", args->max_examples,
                  "Examples of each error kind in the output (-1: all)")
      ->check(CLI::Range(-1, 1000000000));
  cmd->add_option("--conll", args->conll,
                  "A CoNLL file whose last two columns are gold and predicted "
                  "tags (conlleval's input); '-' reads standard input");
  cmd->add_option("--mode", args->mode,
                  "Token-sequence chunking: conlleval (conlleval.pl's rules, "
                  "default), seqeval (seqeval's default mode) or strict "
                  "(seqeval's strict mode; needs --scheme)")
      ->check(CLI::IsMember({"conlleval", "seqeval", "strict"}));
  cmd->add_option(
         "--scheme", args->scheme,
         "Tagging scheme: of --mode strict; with --gold/--pred, of conll "
         "input (default IOB2; departures read leniently and counted)")
      ->check(
          CLI::IsMember({"IOB1", "IOB2", "IOE1", "IOE2", "IOBES", "BILOU"}));
  cmd->add_option("-d,--delimiter", args->delimiter,
                  "Column separator of the CoNLL file (default: one space, as "
                  "conlleval.pl; '\\t' for tabs)")
      ->check(CLI::Validator(
          [](std::string& value) {
            // Empty would silently mean the default (one space).
            return value.empty() ? std::string(
                                       "an empty delimiter splits nothing; "
                                       "give one, such as ' ' or '\\t'")
                                 : std::string();
          },
          "DELIM"));
  cmd->add_option("--unit-counts", args->unit_counts,
                  "With --json: also each sentence's and/or each mention "
                  "piece's entity counts (sentence,mention), for ieval "
                  "gate's tests over those units")
      ->delimiter(',')
      ->check(CLI::IsMember({"sentence", "mention"}));
  cmd->add_flag("--json", args->json, "Print one JSON object (INTERFACE.md)");
  cmd->add_option("--out", args->out,
                  "Write the result to this file (atomically) instead of "
                  "standard output");
  cmd->add_option(
      "--per-document", args->per_document,
      "With --json: stream each document's counts to this JSON Lines file "
      "(one line per document, in the order documents are paired) instead "
      "of the JSON's \"documents\", which stays empty; the JSON names the "
      "file under \"per_document\" (relative to the folder of --out), and "
      "ieval compare and ieval gate read it from there. Memory then stays "
      "bounded at any corpus size");
  cmd->add_option("--jobs", args->jobs, "Threads over documents")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--shard", args->shard,
                  "Score only shard I of N (1-based, I/N): the gold documents "
                  "whose FNV-1a 64 hash of the doc_id is I-1 modulo N, the "
                  "same on every run and machine");
  cmd->add_option("--counts-out", args->counts_out,
                  "Also write this shard's counts to FILE (atomically), for "
                  "`ieval merge`; when FILE already holds the counts of this "
                  "gold, options and shard, nothing is scored again (the "
                  "output is made from FILE; see --force)");
  cmd->add_flag("--force", args->force,
                "With --counts-out: score again even when FILE is complete");
  cmd->callback([args, &context] {
    const bool spans = !args->gold.empty() || !args->pred.empty();
    if (spans == !args->conll.empty()) {
      std::cerr << "ieval score: give either --gold DIR --pred PATH, or "
                   "--conll FILE (see ieval score --help)\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (spans && (args->gold.empty() || args->pred.empty())) {
      std::cerr << "ieval score: span scoring needs both --gold and --pred\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (!args->unit_counts.empty() && (!spans || !args->json)) {
      std::cerr << "ieval score: --unit-counts writes into the JSON of span "
                   "scores: give it with --gold, --pred and --json\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if ((!args->shard.empty() || !args->counts_out.empty()) &&
        (!spans || !args->unit_counts.empty())) {
      std::cerr << "ieval score: --shard and --counts-out work on span "
                   "scores (--gold, --pred), without --unit-counts\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (!args->counts_out.empty() && !args->per_document.empty()) {
      std::cerr << "ieval score: --counts-out keeps every document's counts "
                   "in its file for `ieval merge`, which writes the JSON: "
                   "leave out --per-document here and give it to `ieval "
                   "merge`\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (args->force && args->counts_out.empty()) {
      std::cerr << "ieval score: --force reruns a shard whose --counts-out "
                   "FILE is complete: give --counts-out\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (!args->per_document.empty() && (!spans || !args->json)) {
      std::cerr << "ieval score: --per-document streams the documents of the "
                   "JSON of span scores: give it with --gold, --pred and "
                   "--json\n";
      context.exit_code = kExitBadInput;
      return;
    }
    if (!spans && args->mode == "strict" && args->scheme.empty()) {
      std::cerr << "ieval score: --mode strict needs --scheme "
                   "IOB1|IOB2|IOE1|IOE2|IOBES|BILOU\n";
      context.exit_code = kExitBadInput;
      return;
    }
    args->formats.scheme = args->scheme;
    context.exit_code = spans ? RunSpanScore(*args) : RunConllScore(*args);
  });
}

}  // namespace ieval
