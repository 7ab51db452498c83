// Every `ieval` sub-command is one file of eval/cli/ with one Add…Command
// function that declares its options on the CLI11 app and sets
// `context.exit_code` when it runs. main.cc calls them all, a line each.
#ifndef IEVAL_EVAL_CLI_COMMANDS_H_
#define IEVAL_EVAL_CLI_COMMANDS_H_

namespace CLI {
class App;
}

namespace ieval {

class ExtractorRegistry;

struct CommandContext {
  int exit_code = 0;
  const ExtractorRegistry* registry = nullptr;
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

}  // namespace ieval

#endif  // IEVAL_EVAL_CLI_COMMANDS_H_
