// ieval run [--config FILE] [--gold PATH [--format F]] [--out DIR]
//           [--variants a,b] [--map pred=gold,…] [--jobs N]
//           [--unit document|sentence]
//           [--unit-counts sentence,mention|none] [--resamples N] [--seed N]
//           [--bench-repetitions N] [--repeats K] [--quiet]
// The main job: every variant of the run config over the gold, scored,
// tested and reported (app/run, eval/report). stdout gets the summary table
// only; progress and the paths written go to stderr. Exit 3 when a variant
// failed (after every report is written), 128 + N on signal N (SIGINT, SIGTERM,
// SIGHUP), the message saying whether --out holds the previous reports or
// the new ones.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "code_policy.h"
#include "commands.h"
#include "exit_codes.h"
#include "format_args.h"
#include "ground_args.h"
#include "ieval/core/interrupt.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/variants.h"
#include "ieval/io/atomic_folder.h"
#include "ieval/pipeline/gold_loader.h"
#include "ieval/report/report_files.h"
#include "ieval/report/report_json.h"
#include "ieval/run/resources.h"
#include "ieval/run/run_config.h"
#include "ieval/run/runner.h"
#include "ieval/run/seeded_repeats.h"
#include "llm_flags.h"
#include "progress_line.h"
#include "score_checks.h"
#include "version.h"

namespace ieval {
namespace {

struct RunArgs {
  std::string config;
  std::string gold;
  std::string out = "reports/latest";
  std::vector<std::string> variants;
  std::string map;  // --map: added to the config's scoring.map
  int jobs = 0;     // 0: the config's
  std::string unit;
  std::vector<std::string> unit_counts;  // empty: the config's
  int resamples = 0;
  int64_t seed = -1;
  int bench_repetitions = 1;
  int repeats = 0;  // 0: the config's
  bool quiet = false;
  FormatArgs formats;  // --format of the gold and what the formats need
  GroundArgs ground;   // over the config's scoring.ground_*
  bool no_exec = false;
  LlmCacheFlags llm_cache;
  bool isolate = false;
  bool allow_nested = false;
};

// A path as reports show it: relative to the working directory when it is
// below it, so a committed report names no machine's folders.
std::string Shown(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  const std::filesystem::path p =
      std::filesystem::absolute(path, ec).lexically_normal();
  const std::filesystem::path rel = p.lexically_relative(cwd);
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

// The folder a config's relative paths must stay in: the shipped files'
// folder for a config inside it (reports/run.json reaches ../gold), else
// the config's own (run_config.h).
std::string BoundaryOf(const std::string& config, const ShippedFiles& shipped) {
  if (!shipped.found()) return "";
  std::error_code ec;
  namespace fs = std::filesystem;
  const fs::path root = fs::weakly_canonical(shipped.root, ec);
  const fs::path rel =
      fs::weakly_canonical(config, ec).lexically_relative(root);
  if (ec || rel.empty() || *rel.begin() == "..") return "";
  return root.string();
}

// The options of an `external` extractor that serves the plug-in variant
// `spec` from a child process (`ieval plugin-host`), for --isolate.
OptionValues IsolatedPlugin(const VariantSpec& spec) {
  std::error_code ec;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", ec);
  nlohmann::json argv = {ec ? "ieval" : self, "plugin-host"};
  for (const auto& [key, value] : spec.options) {
    argv.push_back("--option");
    argv.push_back(key + "=" + value);
  }
  const auto path = spec.options.find("path");
  return {{"command", argv.dump()},
          {"version", "plug-in " +
                          (path == spec.options.end() ? "" : path->second) +
                          " (isolated)"}};
}

int Fail(const Status& status) {
  std::cerr << "ieval run: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

// 128 + the signal, as shells report it; the message says what --out holds.
int StoppedBySignal(const std::string& out, bool had_previous, bool committed) {
  const int signal = InterruptSignal() > 0 ? InterruptSignal() : SIGINT;
  std::cerr << "\nieval run: stopped by " << sigabbrev_np(signal) << "; ";
  if (committed) {
    std::cerr << "the new reports were written to " << out << " in full\n";
  } else if (had_previous) {
    std::cerr << "no report was written: " << out
              << " holds the previous reports, unchanged\n";
  } else {
    std::cerr << "no report was written (" << out << " was not created)\n";
  }
  return 128 + signal;
}

// Two variants whose predictions would go to one file (names that differ
// only in characters a file name cannot hold, or one name given twice).
Status CheckPredictionNames(const std::vector<VariantToRun>& to_run) {
  std::map<std::string, std::string> by_file;
  for (const VariantToRun& v : to_run) {
    const std::string file = PredictionsPath(v.name);
    auto [it, fresh] = by_file.emplace(file, v.name);
    if (fresh) continue;
    if (it->second == v.name)
      return Status::Usage("variant \"" + v.name +
                           "\" is asked for twice; give it once");
    return Status::Usage("variants \"" + it->second + "\" and \"" + v.name +
                         "\" would both write " + file +
                         "; rename one in the variants file");
  }
  return Status::Ok();
}

int RunMain(const RunArgs& args, const ExtractorRegistry& registry,
            const ShippedFiles& shipped) {
  const auto started = std::chrono::steady_clock::now();
  auto found_config = shipped.Or(args.config, &ShippedFiles::RunConfig);
  if (!found_config.ok()) return Fail(found_config.status());
  const std::string config_path = *found_config;
  auto config = LoadRunConfig(config_path, BoundaryOf(config_path, shipped));
  if (!config.ok()) return Fail(config.status());
  if (!args.gold.empty()) config->gold = args.gold;
  if (!args.variants.empty()) config->variants = args.variants;
  if (args.jobs > 0) config->jobs = args.jobs;
  if (!args.unit.empty()) config->statistics.unit = args.unit;
  if (!args.unit_counts.empty()) {
    std::vector<std::string>& counts = config->statistics.unit_counts.emplace();
    for (const std::string& u : args.unit_counts)
      if (u != "none") counts.push_back(u);
  }
  if (args.resamples > 0)
    config->statistics.bootstrap.resamples = args.resamples;
  if (args.seed >= 0)
    config->statistics.bootstrap.seed = static_cast<uint64_t>(args.seed);
  if (args.repeats > 0) config->repeats = args.repeats;
  auto map = ParseTypeMap(args.map);
  if (!map.ok()) return Fail(map.status());
  for (auto& [from, to] : *map) config->scoring.type_map[from] = to;

  std::vector<Status> problems;
  // One pool for every parallel step of the run.
  ThreadPool pool(config->jobs);
  auto read_options = ReadOptions(args.formats);
  if (!read_options.ok()) return Fail(read_options.status());
  auto opened = OpenSide("ieval run", config->gold, args.formats.gold_format,
                         "--format", *read_options);
  if (!opened.ok()) return Fail(opened.status());
  LoadGoldOptions load;
  load.allow_nested = args.allow_nested;
  load.read = *read_options;
  load.format = opened->format;
  auto gold = LoadGold(*opened->reader, config->gold, config->labels, &problems,
                       pool, load);
  for (const Status& p : problems) std::cerr << p.ToString() << "\n";
  if (!gold.ok()) return Fail(gold.status());
  const std::optional<LabelSet> labels = std::move(gold->labels);

  auto found_variants =
      shipped.Or(config->variants_file, &ShippedFiles::Variants);
  if (!found_variants.ok()) return Fail(found_variants.status());
  const std::string variants_path = *found_variants;
  auto set = VariantSet::Load(variants_path, registry);
  if (!set.ok()) return Fail(set.status());
  if (args.llm_cache.any()) {
    set = ApplyLlmCacheFlags(*set, args.llm_cache, registry);
    if (!set.ok()) return Fail(set.status());
  }
  if (args.isolate)
    set->SetPluginFactory([&registry](const VariantSpec& spec) {
      return registry.Create("external", IsolatedPlugin(spec));
    });
  std::vector<std::string> names = config->variants;
  if (names.empty())
    for (const VariantSpec& v : set->variants()) names.push_back(v.name);
  std::vector<VariantToRun> to_run;
  for (const std::string& name : names) {
    const VariantSpec* spec = set->Find(name);
    if (spec == nullptr) {
      std::string known;
      for (const VariantSpec& v : set->variants())
        known += (known.empty() ? "" : ", ") + v.name;
      return Fail(Status::Usage("unknown variant \"" + name + "\" (" +
                                variants_path + " has: " + known + ")"));
    }
    const VariantSet* lookup = &*set;
    to_run.push_back({spec->name, spec->extractor, spec->description,
                      spec->options,
                      [lookup, name] { return lookup->Create(name); }});
  }

  // A config can run programs and load libraries (code_policy.h): named
  // before anything runs, or refused.
  if (Status s = RefuseOrNameCode(CodeRunBy(*set, names), args.no_exec,
                                  args.quiet, "ieval run");
      !s.ok())
    return Fail(s);
  if (!args.quiet) NameEndpoints(*set, names, registry, "ieval run");
  if (Status s = CheckPredictionNames(to_run); !s.ok()) return Fail(s);
  // Before anything runs: an --out that cannot take the reports is refused
  // now, not after minutes of extraction.
  auto commit = FolderCommit::Begin(args.out, {"predictions"});
  if (!commit.ok()) return Fail(commit.status());
  const bool had_previous = (*commit)->had_previous();

  RunnerOptions options;
  options.score = config->scoring;
  options.ground = args.ground.ToOptions(config->grounding);
  options.score.symmetric_relations = gold->symmetric_relations;
  options.statistics = config->statistics;
  options.interrupt = InterruptFlag();
  options.bench_repetitions = args.bench_repetitions;
  options.repeats = config->repeats;
  // A variant with an integer seed draws with seed + r in repeat r.
  options.create_repeat = SeededRepeats(registry, *set);
  ProgressLine progress(!args.quiet && isatty(STDERR_FILENO));
  if (progress.enabled())
    options.progress = [&progress](const RunProgress& p) { progress.Show(p); };
  if (!args.quiet && !progress.enabled())
    std::cerr << "ieval run: " << to_run.size() << " variants over "
              << gold->documents.size() << " documents\n";

  CatchInterrupts();
  const std::string started_at = UtcNow();
  bool interrupted = false;
  auto run = RunVariants(std::move(gold->documents), to_run, options, pool,
                         &interrupted);
  progress.Finish();
  if (interrupted || Interrupted())
    return StoppedBySignal(args.out, had_previous, false);
  if (!run.ok()) return Fail(run.status());
  run->ieval_version = VersionString();
  run->started_at = started_at;
  run->config_path = Shown(config->path);
  run->gold_path = Shown(config->gold);
  run->variants_path = Shown(variants_path);
  run->machine = DescribeMachine();
  run->total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();

  // Every file goes into a fresh folder that then replaces --out in one
  // step (atomic_folder.h): a kill at any moment leaves all of the previous
  // reports or all of the new ones.
  WriteReportOptions write;
  write.viewer_documents = config->viewer_documents;
  write.interrupted = InterruptFlag();
  auto written = WriteRunReports(*run, (*commit)->staging(), pool, write);
  if (Interrupted()) return StoppedBySignal(args.out, had_previous, false);
  if (!written.ok()) return Fail(written.status());
  std::vector<std::string> relative;
  for (const std::string& p : written->paths)
    relative.push_back(std::filesystem::path(p)
                           .lexically_relative((*commit)->staging())
                           .string());
  const Status committed = (*commit)->Commit(relative);
  StopCatchingInterrupts();
  if (!committed.ok()) return Fail(committed);
  if (Interrupted()) return StoppedBySignal(args.out, had_previous, true);

  // Said once per variant, beside the table it explains: predictions of
  // types outside the label set (with the --map that would fix them), or
  // none at all.
  for (const VariantResult& v : run->variants)
    if (v.status == VariantStatus::kOk)
      for (const std::string& line : CheckVariantScores(
               v.name, v.scores, labels ? &*labels : nullptr, config->gold))
        std::cerr << "ieval run: warning: " << line << "\n";
  std::cout << written->summary_text << std::flush;
  bool failed = false;
  for (const VariantResult& v : run->variants)
    failed = failed || v.status == VariantStatus::kFailed;
  // The run holds about a million small allocations (5,000 documents);
  // freeing them one by one takes a measurable share of `ieval run`
  // (bench/README.md, "Whole process: --jobs") for memory the process gives
  // back as it exits a moment later. As compilers do (clang's
  // -disable-free), that is left to the exit. Reachable from here, so leak
  // checkers do not report it.
  static RunResult* left_to_exit = nullptr;
  delete left_to_exit;  // a second run in one process (tests)
  left_to_exit = new RunResult(std::move(*run));
  if (!args.quiet) {
    std::cerr << "ieval run: wrote " << written->paths.size() << " files to "
              << args.out << "; open " << args.out << "/report.html\n";
    if (failed)
      std::cerr << "ieval run: a variant failed (see the reports); exit 3\n";
  }
  return failed ? kExitExtractorFailed : kExitOk;
}

}  // namespace

void AddRunCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "The main job: run every variant of the run config over the gold, "
      "score it, compute intervals and paired tests, and write report.json, "
      "report.md, report.html and predictions/<variant>.jsonl to --out. "
      "stdout: the summary table. Exit 3 when a variant failed (the others' "
      "results are still written); 128 + N on signal N (SIGINT 130, SIGTERM "
      "143, SIGHUP 129), with --out holding all of the previous reports or "
      "all of the new ones, never a mix.");
  cmd->add_option("--config", args->config,
                  "Run config (JSON; default: the shipped reports/run.json, "
                  "`ieval list` shows where). Format: reports/README.md");
  cmd->add_option("--gold", args->gold,
                  "Gold corpus in any format (--format); overrides the "
                  "config's");
  AddFormatOptions(cmd, &args->formats, "--format", "");
  cmd->add_option("--map", args->map,
                  "Rename predicted types before scoring: a JSON file "
                  "{\"pred\": \"gold\"} or pred=gold[,pred=gold…], added to "
                  "the config's scoring.map");
  cmd->add_option("--out", args->out,
                  "Output folder (default: reports/latest), replaced as one "
                  "unit: the reports are written into a fresh folder beside "
                  "it that then takes its place; files in it that ieval run "
                  "did not write are kept");
  cmd->add_option("--variants", args->variants,
                  "Only these variants of the variants file (comma-"
                  "separated); overrides the config's list")
      ->delimiter(',');
  AddGroundOptions(cmd, &args->ground);
  cmd->add_option("--jobs", args->jobs,
                  "Documents extracted at once (default: the config's)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--unit", args->unit,
                  "What the bootstrap resamples: document (default) or "
                  "sentence (entity metrics; relations stay by document)")
      ->check(CLI::IsMember({"document", "sentence"}));
  cmd->add_option("--unit-counts", args->unit_counts,
                  "Finer units whose counts report.json keeps for ieval "
                  "gate: sentence, mention (comma-separated) or none "
                  "(default: the config's; without one, sentence for a gold "
                  "of fewer than 20 documents or with --unit sentence)")
      ->delimiter(',')
      ->check(CLI::IsMember({"sentence", "mention", "none"}));
  cmd->add_option("--resamples", args->resamples,
                  "Bootstrap resamples and randomization trials (default: "
                  "the config's, 1000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", args->seed,
                  "Seed of the statistics (default: the config's, 5489)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--bench-repetitions", args->bench_repetitions,
                  "Timed passes of each variant over the gold for its speed "
                  "(report.json throughput.repetitions; error bars in "
                  "report.html; ieval gate judges them, 9 for its U test). "
                  "Default 1: the scored pass alone; N > 1: N more passes "
                  "after it, which serves as their warm-up")
      ->check(CLI::PositiveNumber);
  cmd->add_option(
         "--repeats", args->repeats,
         "Extractions of each variant, for extractors that differ from run "
         "to run (sampling, LLMs): report.json keeps every repeat's "
         "per-document counts, the reports show the mean F1 and its spread, "
         "and ieval gate judges a change against the baseline's spread. "
         "Each repeat creates the extractor afresh with IEVAL_REPEAT set to "
         "its index (0 … K-1) and a variant's integer \"seed\" option "
         "offset by it (default: the config's \"repeats\", 1)")
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--ignore-unknown-keys", args->formats.ignore_unknown_keys,
                "Allow keys the annotation format does not define (default: an "
                "error naming the key, so a typo such as \"entites\" is not "
                "read as a document without mentions)");
  cmd->add_flag("--allow-nested", args->allow_nested,
                "Gold spans may nest and overlap (as \"nested\": true in "
                "labels.json); without it gold must be flat");
  cmd->add_flag("--quiet,-q", args->quiet,
                "No progress or messages on stderr (errors and warnings "
                "still)");
  AddNoExecFlag(cmd, args->no_exec);
  AddLlmCacheFlags(cmd, args->llm_cache);
  cmd->add_flag("--isolate", args->isolate,
                "Run each plug-in variant, members of ensembles included, "
                "in a child process (`ieval plugin-host`, spoken to as an "
                "`external` extractor), so that a plug-in that crashes fails "
                "its variant instead of ending the run");
  cmd->callback([args, &context] {
    context.exit_code = RunMain(*args, context.registry(), context.shipped);
  });
}

}  // namespace ieval
