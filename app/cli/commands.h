// Every `ieval` sub-command is one file of app/cli/ with one Add…Command
// function that declares its options on the CLI11 app and sets
// `context.exit_code` when it runs. main.cc lists them, a line each, and
// declares the one the command line names (or all, for --help).
#ifndef IEVAL_APP_CLI_COMMANDS_H_
#define IEVAL_APP_CLI_COMMANDS_H_

#include <functional>

#include "shipped_files.h"

namespace CLI {
class App;
}

namespace ieval {

class ExtractorRegistry;

struct CommandContext {
  int exit_code = 0;
  // The extractors, registered on the first call (main.cc): a command that
  // runs none (conlleval, score) does not pay for registering them.
  std::function<const ExtractorRegistry&()> registry;
  // The files ieval ships (default config, variants, gold, model,
  // plug-ins), found once from the executable (shipped_files.h).
  ShippedFiles shipped;
};

void AddValidateCommand(CLI::App& app, CommandContext& context);
void AddListCommand(CLI::App& app, CommandContext& context);
void AddScoreCommand(CLI::App& app, CommandContext& context);
void AddConllevalCommand(CLI::App& app, CommandContext& context);
void AddExtractCommand(CLI::App& app, CommandContext& context);
void AddTrainTaggerCommand(CLI::App& app, CommandContext& context);
void AddCrossvalCommand(CLI::App& app, CommandContext& context);
void AddRunCommand(CLI::App& app, CommandContext& context);
void AddCompareCommand(CLI::App& app, CommandContext& context);
void AddGateCommand(CLI::App& app, CommandContext& context);
void AddBenchCommand(CLI::App& app, CommandContext& context);
void AddConvertCommand(CLI::App& app, CommandContext& context);
void AddPluginHostCommand(CLI::App& app, CommandContext& context);
void AddMergeCommand(CLI::App& app, CommandContext& context);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_COMMANDS_H_
