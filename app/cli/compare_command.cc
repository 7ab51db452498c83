// ieval compare A.json B.json [--json] [--a-variant NAME] [--b-variant NAME]
//               [--resamples N] [--seed N] [--confidence X] [--alpha X]
//               [--out FILE]
// Two score files or run reports side by side with paired statistics
// (eval/report/include/ieval/report/compare.h).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "finite_number.h"
#include "ieval/io/atomic_file.h"
#include "ieval/report/compare.h"

namespace ieval {
namespace {

struct CompareArgs {
  std::string a;
  std::string b;
  bool json = false;
  std::string out;
  CompareOptions options;
  int64_t seed = 5489;
};

int RunCompare(CompareArgs args) {
  args.options.bootstrap.seed = static_cast<uint64_t>(args.seed);
  auto comparison = CompareFiles(args.a, args.b, args.options);
  if (!comparison.ok()) {
    std::cerr << "ieval compare: " << comparison.status().ToString() << "\n";
    return ExitCodeFor(comparison.status());
  }
  const std::string output =
      args.json ? ComparisonToJson(*comparison) : ComparisonToText(*comparison);
  if (args.out.empty()) {
    std::cout << output;
    return kExitOk;
  }
  if (Status s = WriteFileAtomically(args.out, output); !s.ok()) {
    std::cerr << "ieval compare: " << s.ToString() << "\n";
    return ExitCodeFor(s);
  }
  return kExitOk;
}

}  // namespace

void AddCompareCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Two score files (ieval score --json) or run reports (report.json) "
      "side by side: per metric and type, A, B, the F1 difference B - A with "
      "its paired bootstrap interval, p-values (paired bootstrap, "
      "approximate randomization, Holm-adjusted) and a verdict (better / "
      "worse / no significant difference).");
  cmd->add_option("A", args->a, "The baseline: score file or report.json")
      ->required();
  cmd->add_option("B", args->b, "The candidate: score file or report.json")
      ->required();
  cmd->add_flag("--json", args->json, "One JSON object instead of tables");
  cmd->add_option("--a-variant", args->options.a_variant,
                  "The variant of A to compare (run reports; default: the "
                  "only one, or every variant both files share)");
  cmd->add_option("--b-variant", args->options.b_variant,
                  "The variant of B (default: --a-variant's name)");
  cmd->add_option("--resamples", args->options.bootstrap.resamples,
                  "Bootstrap resamples and randomization trials (default "
                  "1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", args->seed, "Seed of the statistics (default 5489)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--confidence", args->options.bootstrap.confidence,
                  "Coverage of the intervals (default 0.95)")
      ->check(FiniteNumber())
      ->check(CLI::Range(0.5, 0.999999));
  cmd->add_option("--alpha", args->options.alpha,
                  "Significance level after Holm-Bonferroni (default 0.05)")
      ->check(FiniteNumber())
      ->check(CLI::Range(1e-9, 0.5));
  cmd->add_option("--out", args->out,
                  "Write to FILE (atomically) instead of "
                  "stdout");
  cmd->callback([args, &context] { context.exit_code = RunCompare(*args); });
}

}  // namespace ieval
