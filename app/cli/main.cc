// ieval: the command-line front end. Thin by design: it declares the
// sub-commands and maps their results to exit codes; the work is in the
// libraries of eval/ and extractors/.
//
// Start-up is part of every run (`ieval conlleval` on a 1M-token file is a
// few times its start-up), so main declares only what the command line
// needs: the sub-command its first argument names, and the extractor
// registry only when a command asks for it (bench/README.md).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

#include "commands.h"
#include "exit_codes.h"
#include "ieval/extractors/builtin.h"
#include "ieval/extractors/registry.h"
#include "version.h"

#ifdef IEVAL_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

struct Command {
  std::string_view name;  // as its Add…Command declares it
  void (*add)(CLI::App&, ieval::CommandContext&);
};

constexpr Command kCommands[] = {
    {"validate", ieval::AddValidateCommand},
    {"list", ieval::AddListCommand},
    {"score", ieval::AddScoreCommand},
    {"conlleval", ieval::AddConllevalCommand},
    {"extract", ieval::AddExtractCommand},
    {"train-tagger", ieval::AddTrainTaggerCommand},
    {"crossval", ieval::AddCrossvalCommand},
    {"run", ieval::AddRunCommand},
    {"compare", ieval::AddCompareCommand},
    {"gate", ieval::AddGateCommand},
    {"bench", ieval::AddBenchCommand},
    {"convert", ieval::AddConvertCommand},
    {"merge", ieval::AddMergeCommand},
    {"plugin-host", ieval::AddPluginHostCommand},
};

// CLI11 takes the first argument that names a sub-command as the
// sub-command, and then reads every later argument as one of its options
// or an error ("not expected"): when the first argument names one, the
// others are never used, and declaring them (about a millisecond) is
// skipped. `ieval --version` alone needs none. Anything else (--help, no
// or an unknown sub-command) declares all, for the help and the errors.
void AddCommands(CLI::App& app, ieval::CommandContext& context, int argc,
                 char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--version") return;
  if (argc >= 2) {
    for (const Command& command : kCommands) {
      if (argv[1] == command.name) {
        command.add(app, context);
        return;
      }
    }
  }
  for (const Command& command : kCommands) command.add(app, context);
}

// Faulting memory in 4 KiB at a time is a large share of `ieval run`'s
// time on a VM, where each page fault is a trip through the hypervisor.
// So mimalloc takes 2 MiB pages (transparent huge pages, where the kernel
// allows them, else it falls back to small ones) and commits a thread's
// first segment at once: far fewer faults, for more memory held
// (bench/README.md, "Whole process: --jobs").
// MIMALLOC_LARGE_OS_PAGES=0 or MIMALLOC_EAGER_COMMIT_DELAY=1 in the
// environment still say otherwise.
void TuneMalloc() {
#ifdef IEVAL_USE_MIMALLOC
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr)
    mi_option_enable(mi_option_large_os_pages);
  if (std::getenv("MIMALLOC_EAGER_COMMIT_DELAY") == nullptr)
    mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  TuneMalloc();
  CLI::App app{
      "ieval: runs information-extraction back ends over hand-labelled gold\n"
      "and reports precision/recall/F1 under every standard matching scheme,\n"
      "with confidence intervals, significance tests and throughput.\n"
      "Exit codes: 0 done, 1 regression (gate), 2 bad usage or input,\n"
      "3 an extractor failed."};
  app.set_version_flag("--version", ieval::VersionString());
  app.require_subcommand(1);

  std::unique_ptr<ieval::ExtractorRegistry> registry;
  ieval::CommandContext context;
  context.shipped = ieval::FindShippedFiles();
  context.registry = [&registry,
                      &context]() -> const ieval::ExtractorRegistry& {
    if (registry == nullptr) {
      registry = std::make_unique<ieval::ExtractorRegistry>();
      ieval::BuiltinPaths paths;
      if (context.shipped.found())
        paths.tagger_model = context.shipped.TaggerModel();
      paths.plugin_dir = context.shipped.plugin_dir;
      ieval::RegisterBuiltinExtractors(*registry, paths);
    }
    return *registry;
  };
  AddCommands(app, context, argc, argv);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    app.exit(e, std::cout, std::cerr);
    return ieval::kExitBadInput;
  }
  return context.exit_code;
}
