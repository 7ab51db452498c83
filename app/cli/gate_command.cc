// ieval gate --baseline FILE… --current FILE… [--rules FILE] [--junit FILE]
//            [--markdown FILE] [--quiet]
// ieval gate --update-baseline --baseline FILE… --current FILE…
// ieval gate --print-default-rules
// The work is in eval/gate/; this file maps it to files and exit codes.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/gate/gate.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/render.h"
#include "ieval/gate/rules.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

struct GateArgs {
  std::vector<std::string> baseline;
  std::vector<std::string> current;
  std::string rules;
  std::string junit;
  std::string markdown;
  bool quiet = false;
  bool update_baseline = false;
  bool print_default_rules = false;
};

int Fail(const Status& status) {
  std::cerr << "ieval gate: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

// Copies each current file over its baseline, atomically, after checking
// that every one is a gate input (a broken file must not become a baseline,
// nor leave the baselines before it replaced).
int UpdateBaselines(const GateArgs& args) {
  if (args.baseline.size() != args.current.size())
    return Fail(Status::Usage(
        "--update-baseline pairs files: give as many --baseline as --current "
        "files, in the same order"));
  std::vector<std::string> texts, whats;
  for (size_t i = 0; i < args.current.size(); ++i) {
    auto text = ReadJsonFileText(args.current[i]);
    if (!text.ok()) return Fail(text.status());
    auto parsed = ParseGateInput(*text, args.current[i]);
    if (!parsed.ok()) return Fail(parsed.status());
    // A score file whose counts are in a --per-document file: copying the
    // JSON alone would make a baseline that names another run's counts.
    if (auto doc = JsonDocument::Parse(*text, args.current[i]); doc.ok())
      if (auto link = doc->root().Find("per_document");
          link && link->is_string())
        return Fail(Status::Usage(
            args.current[i] + " keeps its per-document counts in " +
            *link->String() +
            " (ieval score --per-document): --update-baseline copies one "
            "file; copy both into the baseline's folder yourself"));
    std::string what = GateInputKindName(parsed->kind);
    if (parsed->accuracy) {
      const AccuracyInput& a = *parsed->accuracy;
      what += ", " + std::to_string(a.doc_ids.size()) + " documents, " +
              std::to_string(a.variants.size()) + " variant" +
              (a.variants.size() == 1 ? "" : "s");
      for (const VariantScores& v : a.variants)
        if (v.status != "ok")
          std::cerr << "ieval gate: note: variant \"" << v.name << "\" is "
                    << v.status << " in " << args.current[i]
                    << "; the baseline records it so\n";
    }
    if (parsed->benchmarks)
      what += ", " + std::to_string(parsed->benchmarks->benchmarks.size()) +
              " benchmarks";
    texts.push_back(std::move(*text));
    whats.push_back(std::move(what));
  }
  for (size_t i = 0; i < args.current.size(); ++i) {
    Status s = WriteFileAtomically(args.baseline[i], texts[i]);
    if (!s.ok()) return Fail(s);
    std::cout << "updated " << args.baseline[i] << " from " << args.current[i]
              << " (" << whats[i] << ")\n";
  }
  return kExitOk;
}

int RunGateCommand(const GateArgs& args) {
  if (args.print_default_rules) {
    std::cout << DefaultGateRulesText();
    return kExitOk;
  }
  if (args.baseline.empty() || args.current.empty())
    return Fail(Status::Usage(
        "give --baseline FILE… and --current FILE… (see ieval gate --help)"));
  if (args.update_baseline) return UpdateBaselines(args);
  std::string rules_text(DefaultGateRulesText());
  std::string rules_path = "(default rules)";
  if (!args.rules.empty()) {
    auto text = ReadJsonFileText(args.rules);
    if (!text.ok()) return Fail(text.status());
    rules_text = std::move(*text);
    rules_path = args.rules;
  }
  auto rules = ParseGateRules(rules_text, rules_path);
  if (!rules.ok()) return Fail(rules.status());
  auto report = RunGateOnFiles(args.baseline, args.current, *rules);
  if (!report.ok()) return Fail(report.status());
  const std::string markdown = RenderGateMarkdown(*report);
  if (!args.markdown.empty()) {
    Status s = WriteFileAtomically(args.markdown, markdown);
    if (!s.ok()) return Fail(s);
  }
  if (!args.junit.empty()) {
    Status s = WriteFileAtomically(args.junit, RenderGateJUnit(*report));
    if (!s.ok()) return Fail(s);
  }
  if (!args.quiet) std::cout << markdown;
  return report->Regression() ? kExitRegression : kExitOk;
}

}  // namespace

void AddGateCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<GateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "gate",
      "Fail on a regression: compare current results with a baseline under "
      "rules (floors, allowed drops, significance; allowed slowdowns). "
      "Inputs: report.json of ieval run or ieval score --json (accuracy), "
      "Google Benchmark JSON with repetitions and report.json's timed passes "
      "of ieval run --bench-repetitions N (speed). Exit 0 pass, 1 "
      "regression, 2 bad input or results that are not comparable.");
  cmd->add_option("--baseline", args->baseline,
                  "Baseline file(s): at most one accuracy file and any number "
                  "of Google Benchmark files");
  cmd->add_option("--current", args->current,
                  "Current file(s), of the same kinds as the baseline");
  cmd->add_option("--rules", args->rules,
                  "Rules file (JSON, format in README.md \"Regression "
                  "gate\"); default: the built-in rules "
                  "(--print-default-rules)");
  cmd->add_option("--junit", args->junit,
                  "Also write JUnit XML here, one test case per check");
  cmd->add_option("--markdown", args->markdown,
                  "Also write the Markdown verdict here (for a pull-request "
                  "comment)");
  cmd->add_flag("--quiet", args->quiet,
                "Do not print the Markdown verdict on standard output");
  cmd->add_flag("--update-baseline", args->update_baseline,
                "Write each --current file over the --baseline file at the "
                "same position (atomically, after checking it parses) "
                "instead of gating; say why in the commit message");
  cmd->add_flag("--print-default-rules", args->print_default_rules,
                "Print the built-in rules and exit");
  cmd->callback(
      [args, &context] { context.exit_code = RunGateCommand(*args); });
}

}  // namespace ieval
