// ieval: the command-line front end. Thin by design: it declares the
// sub-commands and maps their results to exit codes; the work is in the
// libraries of eval/ and extractors/.
#include <CLI/CLI.hpp>
#include <iostream>

#include "eval/cli/commands.h"
#include "eval/cli/exit_codes.h"
#include "eval/cli/version.h"
#include "extractors/registry.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ieval: runs information-extraction back ends over hand-labelled gold\n"
      "and reports precision/recall/F1 under every standard matching scheme,\n"
      "with confidence intervals, significance tests and throughput.\n"
      "Exit codes: 0 done, 1 regression (gate), 2 bad usage or input,\n"
      "3 an extractor failed."};
  app.set_version_flag("--version", ieval::VersionString());
  app.require_subcommand(1);

  ieval::ExtractorRegistry registry;
  ieval::RegisterBuiltinExtractors(registry);
  ieval::CommandContext context;
  context.registry = &registry;

  ieval::AddValidateCommand(app, context);
  ieval::AddListCommand(app, context);
  ieval::AddScoreCommand(app, context);
  ieval::AddConllevalCommand(app, context);
  ieval::AddExtractCommand(app, context);
  ieval::AddTrainTaggerCommand(app, context);
  ieval::AddCrossvalCommand(app, context);
  ieval::AddRunCommand(app, context);
  ieval::AddCompareCommand(app, context);
  ieval::AddGateCommand(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    app.exit(e, std::cout, std::cerr);
    return ieval::kExitBadInput;
  }
  return context.exit_code;
}
