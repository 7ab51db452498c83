// `ieval score` has two inputs: gold + prediction annotation files (span,
// relation, value and cluster metrics; span_score.cc) or one CoNLL file of
// token tags (token-sequence metrics; conll_score.cc). score_command.cc
// declares the options and dispatches.
#ifndef IEVAL_APP_CLI_SCORE_COMMAND_H_
#define IEVAL_APP_CLI_SCORE_COMMAND_H_

#include <string>
#include <vector>

#include "format_args.h"
#include "ground_args.h"

namespace ieval {

struct ScoreArgs {
  // Span scoring.
  std::string gold;
  std::string pred;
  std::vector<std::string> types;  // --types PER,LOC: only these
  std::string map;                 // --map FILE or pred=gold,pred=gold
  double min_overlap = 0.0;        // --min-overlap (partial modes)
  std::string labels;              // --labels FILE
  bool allow_nested = false;       // --allow-nested: gold may nest
  int max_examples = 20;           // --max-examples (per error kind)
  // --unit-counts sentence,mention: finer units' counts in the JSON.
  std::vector<std::string> unit_counts;
  FormatArgs formats;  // --gold-format, --pred-format and what they need
  GroundArgs ground;   // --ground-policy, --ground-threshold
  // Token-sequence scoring.
  std::string conll;
  std::string mode = "conlleval";  // conlleval | strict
  std::string scheme;              // IOB1 IOB2 IOE1 IOE2 IOBES BILOU
  std::string delimiter;           // -d (default: one space)
  // Output.
  bool json = false;
  std::string out;  // write here (atomically) instead of stdout
  // --per-document FILE: the documents' counts streamed to this JSON Lines
  // file, linked from the JSON, instead of kept in its "documents".
  std::string per_document;
  int jobs = 1;
  // Sharding (span scoring): --shard I/N scores one shard of the gold;
  // --counts-out FILE writes its counts for `ieval merge`, skipped when
  // FILE holds them already unless --force.
  std::string shard;
  std::string counts_out;
  bool force = false;
};

// Each returns the exit code.
int RunSpanScore(const ScoreArgs& args);
// The --per-document FILE as the JSON written to `out` names it: relative
// to the folder of `out`, where ieval compare and ieval gate look for it;
// as given when `out` is empty (the JSON goes to standard output).
std::string PerDocumentLink(const std::string& file, const std::string& out);
int RunConllScore(const ScoreArgs& args);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_SCORE_COMMAND_H_
