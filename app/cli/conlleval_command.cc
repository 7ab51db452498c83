// ieval conlleval [-d DELIM] [-o OUTSIDE] [-r] [-l]
// A drop-in for conlleval.pl: reads a CoNLL file on standard input and
// prints, byte for byte, what conlleval.pl (version 2004-01-26) prints for
// the same input and flags, with its exit codes: 0 done, 1 a line with an
// unexpected number of columns (message "unexpected number of features: N
// (M)"), 255 a token line with fewer than two columns. Problems of ieval's
// own (an unsupported -d pattern, unreadable input) exit 2. Arguments as
// conlleval.pl takes them: any other one starting with '-' (`--` too) dies
// with "conlleval: unknown argument X", any other one with "conlleval:
// unexpected command line argument", both exit 255; --help prints ieval's
// help (conlleval.pl has none).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/conlleval.h"
#include "ieval/sequence/field_splitter.h"
#include "ieval/sequence/sequence_score.h"

namespace ieval {
namespace {

// conlleval.pl's own exit codes (exit(1) and Perl's die).
constexpr int kConllevalFieldCount = 1;
constexpr int kConllevalDie = 255;

struct ConllevalArgs {
  std::string delimiter = " ";
  std::string outside = "O";
  bool raw = false;
  bool latex = false;
  std::vector<std::string> positional;  // after `--`: never valid
};

// conlleval.pl's verdict on the arguments it does not know: `unknown` are
// CLI11's leftovers in order (`--` among them), `positional` what followed
// `--`. Empty when every argument was known.
std::string UnknownArgumentMessage(const std::vector<std::string>& unknown,
                                   const std::vector<std::string>& positional) {
  if (unknown.empty() && positional.empty()) return "";
  const std::string& first = unknown.empty() ? positional.front() : unknown[0];
  if (!first.empty() && first[0] == '-')
    return "conlleval: unknown argument " + first + "\n";
  return "conlleval: unexpected command line argument\n";
}

int RunConlleval(const ConllevalArgs& args) {
  auto splitter = FieldSplitter::Parse(args.delimiter);
  if (!splitter.ok()) {
    std::cerr << "ieval conlleval: " << splitter.status().ToString() << "\n";
    return kExitBadInput;
  }
  ConllReader reader(stdin, "<stdin>", std::move(splitter).value());
  // The loop `ieval score --conll --mode conlleval` runs (its warnings are
  // not conlleval.pl's output and are dropped).
  SequenceOptions options;
  options.conlleval = ConllevalOptions{args.raw, args.outside};
  auto result = ScoreConll(reader, options);
  switch (reader.error()) {
    case ConllError::kNone:
      break;
    case ConllError::kFieldCount:
      std::fprintf(stderr, "unexpected number of features: %zu (%zu)\n",
                   reader.error_field_count(), reader.expected_field_count());
      return kConllevalFieldCount;
    case ConllError::kTooFewFields:
      std::fprintf(stderr, "conlleval: unexpected number of features in line ");
      std::fwrite(reader.error_line().data(), 1, reader.error_line().size(),
                  stderr);
      std::fprintf(stderr, "\n");
      return kConllevalDie;
    case ConllError::kRead:
      std::cerr << "ieval conlleval: " << reader.status().ToString() << "\n";
      return kExitBadInput;
  }
  if (!result.ok()) {
    std::cerr << "ieval conlleval: " << result.status().ToString() << "\n";
    return kExitBadInput;
  }
  const std::string report = FormatConllevalReport(result->counts, args.latex);
  std::fwrite(report.data(), 1, report.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitBadInput;
}

}  // namespace

void AddConllevalCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<ConllevalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "conlleval",
      "A drop-in for conlleval.pl: reads a CoNLL file (token … gold pred, "
      "blank line between sentences) on standard input and prints exactly "
      "what conlleval.pl prints. Exit 0 done, 1 a line with another number "
      "of columns than the first, 255 a token line with one column (as "
      "conlleval.pl), 2 an unsupported -d pattern.");
  cmd->add_option("-d", args->delimiter,
                  "Column delimiter, a Perl regular expression as "
                  "conlleval.pl takes it (default: one space; '\\t' for "
                  "tabs; literal text, escapes, classes, . and quantifiers "
                  "are supported)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_option("-o", args->outside,
                  "Outside tag of raw mode (-r); default O")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_flag("-r", args->raw,
                "Raw tags without B-/I- prefixes: every tag other than the "
                "outside tag is a one-token chunk");
  cmd->add_flag("-l", args->latex, "Print the LaTeX table instead");
  // Leftovers are conlleval.pl's errors, not CLI11's; the positional only
  // makes CLI11 keep a `--` among them.
  cmd->allow_extras();
  cmd->add_option("arguments", args->positional)->group("");
  cmd->callback([args, cmd, &context] {
    const std::string message =
        UnknownArgumentMessage(cmd->remaining(), args->positional);
    if (!message.empty()) {
      std::fwrite(message.data(), 1, message.size(), stderr);
      context.exit_code = kConllevalDie;
      return;
    }
    context.exit_code = RunConlleval(*args);
  });
}

}  // namespace ieval
