// ieval list [--config FILE]: every registered extractor with its options,
// then the variants of the variants file and whether each can run here,
// then the shipped files and where they were found.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "code_policy.h"
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

// The variants of `variants` (read from `path`) with their options and, for
// any that cannot run here, why. Creating one checks its requirements and
// runs nothing; those that execute code (code_policy.h) are only named.
void PrintVariants(const VariantSet& variants, const std::string& path) {
  std::cout << "\nvariants (" << path << ")\n";
  for (const VariantSpec& v : variants.variants()) {
    std::cout << v.name << "  (" << v.extractor << ")\n";
    if (!v.description.empty()) std::cout << "  " << v.description << "\n";
    for (const auto& [key, value] : v.options)
      std::cout << "    " << key << "=" << value << "\n";
    // Starting a program or loading a library runs its code (a library's
    // constructors run at dlopen): named, never started or loaded here.
    const std::vector<CodeToRun> code = CodeRunBy(variants, {v.name});
    for (const CodeToRun& c : code) {
      std::cout << "  executes: "
                << (c.variant == v.name ? "" : "(member " + c.variant + ") ")
                << Describe(c) << "\n";
    }
    if (!code.empty()) {
      std::cout << "  (not started or loaded by ieval list)\n";
      continue;
    }
    auto created = variants.Create(v.name);
    if (!created.ok())
      std::cout << "  unavailable: " << created.status().message() << "\n";
  }
}

// Each shipped file with its path, and "(missing)" when it is not there.
void PrintShippedFiles(const ShippedFiles& shipped) {
  std::cout << "\nshipped files";
  if (!shipped.found()) {
    std::cout << ": none\n  " << shipped.NotFoundMessage() << "\n";
  } else {
    std::cout << " (" << shipped.origin << ": " << shipped.root << ")\n";
    const std::pair<const char*, std::string> files[] = {
        {"run config", shipped.RunConfig()},
        {"variants", shipped.Variants()},
        {"gold", shipped.Gold()},
        {"tagger model", shipped.TaggerModel()}};
    for (const auto& [what, path] : files) {
      std::error_code ec;
      std::cout << "  " << what << ": " << path
                << (std::filesystem::exists(path, ec) ? "" : " (missing)")
                << "\n";
    }
  }
  std::cout << "  plug-ins: "
            << (shipped.plugin_dir.empty()
                    ? std::string("none found")
                    : shipped.plugin_dir + " (" + shipped.plugin_origin + ")")
            << "\n";
}

int RunList(const ExtractorRegistry& registry, const std::string& config,
            const ShippedFiles& shipped) {
  PrintExtractors(registry);
  const int status = [&] {
    auto path = shipped.Or(config, &ShippedFiles::Variants);
    if (!path.ok()) return kExitOk;  // said below, with the shipped files
    auto variants = VariantSet::Load(*path, registry);
    if (!variants.ok()) {
      std::cerr << "ieval list: " << variants.status().ToString() << "\n";
      return config.empty() ? kExitOk : ExitCodeFor(variants.status());
    }
    PrintVariants(*variants, *path);
    return kExitOk;
  }();
  PrintShippedFiles(shipped);
  return status;
}

}  // namespace

void AddListCommand(CLI::App& app, CommandContext& context) {
  auto config = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "list",
      "List the registered extractors with their options, then the variants "
      "of the variants file (and why any cannot run here), then the shipped "
      "files and where they were found.");
  cmd->add_option("--config", *config,
                  "The variants file (default: the shipped "
                  "extractors/variants.json, listed at the end)");
  cmd->callback([config, &context] {
    context.exit_code = RunList(context.registry(), *config, context.shipped);
  });
}

}  // namespace ieval
