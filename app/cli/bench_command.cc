// ieval bench (--variant NAME… | --all | --extractor NAME [--option K=V]…)
//             [--config FILE] [--gold PATH [--gold-format F] | --docs DIR]
//             [--repetitions N]
//             [--min-time S] [--max-time S] [--warmup N] [--jobs N]
//             [--sizes 1,10,100] [--json FILE] [--no-exec] [--quiet]
// The speed of extractor variants as Google Benchmarks (app/bench): the
// table on stdout, Google Benchmark's lines on stderr as each finishes,
// the JSON (for `ieval gate` and compare.py) to --json, atomically. Exit 2
// on bad usage or input (nothing run, nothing written), 3 when an
// extractor failed (the JSON is written, its benchmarks marked failed).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "code_policy.h"
#include "commands.h"
#include "exit_codes.h"
#include "finite_number.h"
#include "format_args.h"
#include "ieval/bench/bench_runner.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/run.h"
#include "ieval/extractors/variants.h"
#include "ieval/io/atomic_file.h"
#include "llm_flags.h"
#include "version.h"

namespace ieval {
namespace {

struct BenchArgs {
  std::vector<std::string> variants;
  bool all = false;
  std::string extractor;
  std::vector<std::string> options;
  std::string config;
  std::string gold;
  FormatArgs formats;  // --gold-format and what the formats need
  std::string docs;
  std::string json;
  std::vector<int> sizes;
  bool quiet = false;
  bool no_exec = false;
  LlmCacheFlags llm_cache;
  BenchOptions bench;
};

int Fail(const Status& status) {
  std::cerr << "ieval bench: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

Result<OptionValues> ParseOptions(const std::vector<std::string>& given) {
  OptionValues options;
  for (const std::string& kv : given) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      return Status::Usage("--option takes KEY=VALUE, not '" + kv + "'");
    options[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return options;
}

std::string Known(const VariantSet& set) {
  std::string known;
  for (const VariantSpec& v : set.variants())
    known += (known.empty() ? "" : ", ") + v.name;
  return known;
}

// The variants to measure, created from `set` (which must outlive them):
// --extractor with its options, or the named variants (their options
// overridden by --option), or --all.
Result<std::vector<VariantToRun>> Select(const BenchArgs& args,
                                         const OptionValues& options,
                                         const ExtractorRegistry& registry,
                                         std::optional<VariantSet>& set,
                                         const std::string& path) {
  std::vector<VariantToRun> to_run;
  const VariantSet* lookup = set ? &*set : nullptr;
  if (!args.extractor.empty()) {
    const std::string name = args.extractor;
    to_run.push_back(
        {name, name, "", options, [&registry, lookup, name, options] {
           return registry.Create(name, options, lookup);
         }});
    return to_run;
  }
  std::vector<std::string> names = args.variants;
  if (args.all)
    for (const VariantSpec& v : set->variants()) names.push_back(v.name);
  for (const std::string& name : names)
    if (set->Find(name) == nullptr)
      return Status::Usage("unknown variant \"" + name + "\" (" + path +
                           " has: " + Known(*set) + ")");
  if (!options.empty()) {
    std::vector<VariantSpec> specs = set->variants();
    for (VariantSpec& spec : specs)
      if (std::find(names.begin(), names.end(), spec.name) != names.end())
        for (const auto& [k, v] : options) spec.options[k] = v;
    auto changed =
        VariantSet::FromSpecs(std::move(specs), registry, set->source());
    if (!changed.ok()) return changed.status();
    set = std::move(*changed);
    lookup = &*set;
  }
  for (const std::string& name : names) {
    const VariantSpec* spec = set->Find(name);
    to_run.push_back({spec->name, spec->extractor, spec->description,
                      spec->options,
                      [lookup, name] { return lookup->Create(name); }});
  }
  return to_run;
}

int RunBench(const BenchArgs& args, const ExtractorRegistry& registry,
             const ShippedFiles& shipped) {
  auto options = ParseOptions(args.options);
  if (!options.ok()) return Fail(options.status());
  // The variants file: for variants, and for extractors made of them.
  const ExtractorInfo* info =
      args.extractor.empty() ? nullptr : registry.Find(args.extractor);
  std::optional<VariantSet> set;
  std::string variants_path;
  if (args.extractor.empty() || (info != nullptr && info->create_composite)) {
    auto path = shipped.Or(args.config, &ShippedFiles::Variants);
    if (!path.ok()) return Fail(path.status());
    variants_path = *path;
    auto loaded = VariantSet::Load(variants_path, registry);
    if (!loaded.ok()) return Fail(loaded.status());
    if (args.llm_cache.any()) {
      loaded = ApplyLlmCacheFlags(*loaded, args.llm_cache, registry);
      if (!loaded.ok()) return Fail(loaded.status());
    }
    set = std::move(*loaded);
  }
  if (args.extractor == "llm") {
    auto flags = LlmCacheOptions(args.llm_cache);
    if (!flags.ok()) return Fail(flags.status());
    for (const auto& [k, v] : *flags) (*options)[k] = v;
  }
  auto to_run = Select(args, *options, registry, set, variants_path);
  if (!to_run.ok()) return Fail(to_run.status());
  // Measuring a variant runs it: the code it executes is named first, or
  // refused under --no-exec, as `ieval run` does.
  std::vector<CodeToRun> code;
  if (info != nullptr) {
    code = CodeRunBy(*info, *options, set ? &*set : nullptr);
  } else if (args.extractor.empty()) {
    std::vector<std::string> names;
    for (const VariantToRun& v : *to_run) names.push_back(v.name);
    code = CodeRunBy(*set, names);
  }
  if (Status s =
          RefuseOrNameCode(code, args.no_exec, args.quiet, "ieval bench");
      !s.ok())
    return Fail(s);
  if (set && !args.quiet) {
    std::vector<std::string> names;
    for (const VariantToRun& v : *to_run) names.push_back(v.name);
    NameEndpoints(*set, names, registry, "ieval bench");
  }

  std::string corpus = args.docs;
  Result<std::vector<Document>> docs = Status::Internal("unset");
  if (!args.docs.empty()) {
    docs = ReadTextDocuments(args.docs);
  } else {
    auto gold = shipped.Or(args.gold, &ShippedFiles::Gold);
    if (!gold.ok()) return Fail(gold.status());
    corpus = *gold;
    docs = ReadGoldTexts("ieval bench", *gold, args.formats);
  }
  if (!docs.ok()) return Fail(docs.status());

  BenchOptions bench = args.bench;
  bench.sizes = args.sizes;
  bench.skip_unavailable = args.all;
  bench.progress = !args.quiet;
  bench.context = {{"ieval_version", VersionString()},
                   {"ieval_corpus", corpus}};
  if (!variants_path.empty())
    bench.context.emplace_back("ieval_variants_file", variants_path);
  auto outcome = RunBenchmarks(*docs, *to_run, bench);
  if (!outcome.ok()) return Fail(outcome.status());
  std::ostream& table = args.json == "-" ? std::cerr : std::cout;
  table << outcome->table << std::flush;
  if (args.json == "-") {
    std::cout << outcome->json << std::flush;
  } else if (!args.json.empty()) {
    if (Status s = WriteFileAtomically(args.json, outcome->json); !s.ok())
      return Fail(s);
    if (!args.quiet) std::cerr << "ieval bench: wrote " << args.json << "\n";
  }
  if (!outcome->failures.empty()) {
    std::cerr << "ieval bench: " << outcome->failures.size()
              << " variant(s) failed (their benchmarks are marked failed in "
                 "the JSON); exit 3\n";
    return kExitExtractorFailed;
  }
  return kExitOk;
}

}  // namespace

void AddBenchCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Measure the speed of extractor variants as Google Benchmarks: "
      "start-up apart, a warm-up, then repetitions of documents timed one "
      "by one (documents/s, tokens/s, MB/s, latency percentiles, CPU, "
      "memory, the ratio to ICU word segmentation of the same text). "
      "stdout: the table; --json: Google Benchmark JSON for `ieval gate` "
      "(gate external extractors on real_time). Exit 2 on bad usage or "
      "input, 3 when an extractor fails.");
  auto* variant = cmd->add_option("--variant", args->variants,
                                  "Variants of the variants file (--config) "
                                  "to measure (repeatable or comma-separated)")
                      ->delimiter(',');
  auto* all = cmd->add_flag("--all", args->all,
                            "Every variant of the variants file (those that "
                            "cannot run here are skipped with a note)");
  auto* extractor = cmd->add_option(
      "--extractor", args->extractor,
      "A registered extractor with --option values instead of a variant "
      "(see `ieval list`), e.g. --extractor external --option "
      "command='python3 my_ner.py'");
  variant->excludes(all)->excludes(extractor);
  all->excludes(extractor);
  cmd->add_option("--option", args->options,
                  "KEY=VALUE for --extractor, or overriding the options of "
                  "each --variant (repeatable)");
  cmd->add_option("--config", args->config,
                  "The variants file (default: the shipped "
                  "extractors/variants.json; `ieval list` shows where)");
  auto* gold = cmd->add_option(
      "--gold", args->gold,
      "An annotation corpus in any format (--gold-format) whose texts are "
      "used (default: the shipped gold/docs)");
  auto* docs = cmd->add_option(
      "--docs", args->docs,
      "A folder of UTF-8 .txt files instead (doc_id = file name)");
  gold->excludes(docs);
  AddFormatOptions(cmd, &args->formats, "--gold-format", "");
  cmd->add_option("--repetitions", args->bench.repetitions,
                  "Repetitions of each benchmark (default 9, what `ieval "
                  "gate` needs)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--min-time", args->bench.min_time,
                  "Seconds each repetition runs at least (default 0.05)")
      ->check(FiniteNumber())
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-time", args->bench.max_time,
                  "Seconds a variant's warm-up and repetitions may take "
                  "(default 5); a slower variant gets fewer repetitions and "
                  "a shorter warm-up, and the table says so")
      ->check(FiniteNumber())
      ->check(CLI::PositiveNumber);
  cmd->add_option("--warmup", args->bench.warmup,
                  "Untimed passes over the documents before timing (default "
                  "1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--jobs", args->bench.jobs,
                  "Documents extracted at once; an iteration is that many "
                  "(default 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--sizes", args->sizes,
                  "A scaling curve: documents made 1x, 10x, 100x… as long "
                  "by concatenating the corpus's texts, with the fitted "
                  "complexity (e.g. --sizes 1,10,100)")
      ->delimiter(',')
      ->check(CLI::PositiveNumber);
  cmd->add_option("--json", args->json,
                  "Write Google Benchmark JSON there (atomically); - for "
                  "stdout (the table then goes to stderr)");
  AddNoExecFlag(cmd, args->no_exec);
  AddLlmCacheFlags(cmd, args->llm_cache);
  cmd->add_flag("--quiet,-q", args->quiet,
                "No Google Benchmark lines on stderr (errors still)");
  cmd->callback([args, &context] {
    if (args->variants.empty() && !args->all && args->extractor.empty()) {
      context.exit_code = Fail(Status::Usage(
          "say what to measure: --variant NAME (repeatable), --all, or "
          "--extractor NAME [--option K=V]… (`ieval list` shows them)"));
      return;
    }
    if (!args->options.empty() && args->all) {
      context.exit_code = Fail(Status::Usage(
          "--option applies to --extractor or to the named --variant, not "
          "to --all"));
      return;
    }
    context.exit_code = RunBench(*args, context.registry(), context.shipped);
  });
}

}  // namespace ieval
