// ieval list [--config FILE]: every registered extractor with its options,
// then the variants of the variants file and whether each can run here.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/variants.h"

namespace ieval {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

void PrintExtractors(const ExtractorRegistry& registry) {
  if (registry.all().empty()) std::cout << "no extractors registered\n";
  for (const ExtractorInfo& info : registry.all()) {
    std::cout << info.name << "\n  " << info.description << "\n";
    const Capabilities& caps = info.capabilities;
    std::cout << "  emits: "
              << (caps.entity_types.empty() ? "any type"
                                            : Join(caps.entity_types))
              << (caps.entity_ids ? "; entity ids" : "")
              << (caps.values ? "; values" : "")
              << (caps.relations ? "; relations" : "")
              << (caps.uses_upstream ? "; builds on upstream mentions" : "")
              << "\n";
    for (const OptionSpec& o : info.options) {
      std::cout << "  --option " << o.name << "=<" << o.type << ">"
                << "  (default: "
                << (o.default_value.empty() ? "\"\"" : o.default_value)
                << ")\n      " << o.help << "\n";
    }
    if (info.open_options)
      std::cout << "  --option KEY=VALUE  any other option is passed on\n";
  }
}

int RunList(const ExtractorRegistry& registry, const std::string& config) {
  PrintExtractors(registry);
  const std::string path = config.empty() ? DefaultVariantsPath() : config;
  auto variants = VariantSet::Load(path, registry);
  if (!variants.ok()) {
    std::cerr << "ieval list: " << variants.status().ToString() << "\n";
    return config.empty() ? kExitOk : ExitCodeFor(variants.status());
  }
  std::cout << "\nvariants (" << path << ")\n";
  for (const VariantSpec& v : variants->variants()) {
    std::cout << v.name << "  (" << v.extractor << ")\n";
    if (!v.description.empty()) std::cout << "  " << v.description << "\n";
    for (const auto& [key, value] : v.options)
      std::cout << "    " << key << "=" << value << "\n";
    // Creating checks requirements (programs, files, libraries) only; it
    // runs nothing.
    auto created = variants->Create(v.name);
    if (!created.ok())
      std::cout << "  unavailable: " << created.status().message() << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddListCommand(CLI::App& app, CommandContext& context) {
  auto config = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "list",
      "List the registered extractors with their options, then the variants "
      "of the variants file (and why any cannot run here).");
  cmd->add_option("--config", *config,
                  "The variants file (default: extractors/variants.json of "
                  "the source tree)");
  cmd->callback([config, &context] {
    context.exit_code = RunList(context.registry(), *config);
  });
}

}  // namespace ieval
