// ieval list: every registered extractor with its options.
#include <CLI/CLI.hpp>
#include <iostream>

#include "eval/cli/commands.h"
#include "extractors/registry.h"

namespace ieval {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

int RunList(const ExtractorRegistry& registry) {
  if (registry.all().empty()) {
    std::cout << "no extractors registered\n";
    return 0;
  }
  for (const ExtractorInfo& info : registry.all()) {
    std::cout << info.name << "\n  " << info.description << "\n";
    const Capabilities& caps = info.capabilities;
    std::cout << "  emits: "
              << (caps.entity_types.empty() ? "any type"
                                            : Join(caps.entity_types))
              << (caps.entity_ids ? "; entity ids" : "")
              << (caps.values ? "; values" : "")
              << (caps.relations ? "; relations" : "") << "\n";
    for (const OptionSpec& o : info.options) {
      std::cout << "  --option " << o.name << "=<" << o.type << ">"
                << "  (default: "
                << (o.default_value.empty() ? "\"\"" : o.default_value)
                << ")\n      " << o.help << "\n";
    }
  }
  return 0;
}

}  // namespace

void AddListCommand(CLI::App& app, CommandContext& context) {
  CLI::App* cmd = app.add_subcommand(
      "list", "List the registered extractors with their options.");
  cmd->callback([&context] { context.exit_code = RunList(*context.registry); });
}

}  // namespace ieval
