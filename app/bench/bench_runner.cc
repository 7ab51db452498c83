#include "ieval/bench/bench_runner.h"

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>

#include "bench_case.h"
#include "bench_corpus.h"
#include "bench_reporter.h"
#include "bench_table.h"
#include "ieval/core/text_format.h"
#include "ieval/run/resources.h"
#include "ieval/run/timing.h"

namespace ieval {
namespace {

using bench_internal::BenchCase;
using bench_internal::BenchCorpus;
using bench_internal::BenchReporter;
using bench_internal::FamilyInfo;

Status CheckOptions(const std::vector<Document>& documents,
                    const BenchOptions& o) {
  if (documents.empty()) return Status::Usage("no documents to benchmark");
  if (o.repetitions < 1) return Status::Usage("--repetitions must be >= 1");
  if (!(o.min_time > 0)) return Status::Usage("--min-time must be > 0");
  if (!(o.max_time > 0)) return Status::Usage("--max-time must be > 0");
  if (o.warmup < 0) return Status::Usage("--warmup must be >= 0");
  if (o.jobs < 1) return Status::Usage("--jobs must be >= 1");
  for (size_t i = 0; i < o.sizes.size(); ++i)
    if (o.sizes[i] < 1 || (i > 0 && o.sizes[i] <= o.sizes[i - 1]))
      return Status::Usage(
          "--sizes takes increasing length factors >= 1, such as 1,10,100");
  return Status::Ok();
}

// Google Benchmark's flags, set through Initialize as its command line
// would. Repetitions and min_time go here rather than on each benchmark,
// where they would become part of its name ("…/repeats:9"), so files run
// with other settings still compare. Every flag whose environment default
// (BENCHMARK_OUT, BENCHMARK_REPORT_AGGREGATES_ONLY…) would change what is
// run or reported is set explicitly. The strings outlive the runs: Google
// Benchmark keeps argv[0] as the JSON's "executable".
class LibraryFlags {
 public:
  explicit LibraryFlags(std::string executable)
      : executable_(std::move(executable)) {}
  void Set(int repetitions, double min_time) {
    char time[32];
    std::snprintf(time, sizeof time, "%.6f", min_time);
    args_ = {executable_,
             "--benchmark_repetitions=" + std::to_string(repetitions),
             std::string("--benchmark_min_time=") + time,
             "--benchmark_min_warmup_time=0",
             "--benchmark_filter=.",
             "--benchmark_out=",
             "--benchmark_format=console",
             "--benchmark_list_tests=false",
             "--benchmark_enable_random_interleaving=false",
             "--benchmark_report_aggregates_only=false",
             "--benchmark_display_aggregates_only=false",
             "--benchmark_counters_tabular=false"};
    argv_.clear();
    for (std::string& a : args_) argv_.push_back(a.data());
    int argc = static_cast<int>(argv_.size());
    argv_.push_back(nullptr);
    benchmark::Initialize(&argc, argv_.data());
  }

 private:
  std::string executable_;
  std::deque<std::string> args_;  // stable addresses
  std::vector<char*> argv_;
};

// Registers `family` over its cases (one per size) and runs it.
void RunFamily(const FamilyInfo& family, std::vector<BenchCase>& cases,
               BenchReporter& reporter, int number) {
  const std::vector<int> factors = family.factors;
  auto* b = benchmark::RegisterBenchmark(
      family.name.c_str(), [&cases, factors](benchmark::State& state) {
        size_t i = 0;
        if (!factors.empty())
          i = static_cast<size_t>(
              std::find(factors.begin(), factors.end(), state.range(0)) -
              factors.begin());
        bench_internal::RunCase(state, cases[i]);
      });
  b->UseRealTime()->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
  if (!factors.empty()) {
    b->ArgName("length");
    for (int f : factors) b->Arg(f);
    if (factors.size() > 1) b->Complexity(benchmark::oAuto);
  }
  reporter.BeginFamily(number);
  benchmark::RunSpecifiedBenchmarks(&reporter, ".");
  benchmark::ClearRegisteredBenchmarks();
}

// Repetitions that fit the budget: each costs at least min_time at every
// size, or one iteration when that is longer (`per_document` seconds at
// the first size, in proportion to the length at the others), after the
// warm-ups of the other sizes (`documents` each pass, within their budget).
int PlannedRepetitions(const BenchOptions& o, double per_document,
                       size_t documents, double warmup_spent,
                       const std::vector<int>& factors) {
  const double first = factors.empty() ? 1 : factors.front();
  double per_repetition = 0, warmups = 0;
  for (size_t i = 0; i < std::max<size_t>(factors.size(), 1); ++i) {
    const double scale = factors.empty() ? 1 : factors[i] / first;
    per_repetition += std::max(o.min_time, per_document * scale);
    if (i > 0)
      warmups += std::min(o.max_time / 4, per_document * scale * o.warmup *
                                              static_cast<double>(documents));
  }
  const double left = o.max_time - warmup_spent - warmups;
  const double fit = std::floor(left / per_repetition);
  return static_cast<int>(
      std::clamp(fit, 1.0, static_cast<double>(o.repetitions)));
}

Result<std::unique_ptr<Extractor>> Create(const VariantToRun& v) {
  if (!v.create) return Status::Internal("variant without a factory");
  return v.create();
}

// Why a variant got fewer repetitions or a shorter warm-up than asked.
std::string BudgetNote(const std::string& family, const BenchOptions& o,
                       int planned, const bench_internal::WarmUpDone& warm,
                       double startup) {
  std::string note = family + ": " + std::to_string(planned) + " of " +
                     std::to_string(o.repetitions) + " repetitions";
  if (warm.documents < warm.due)
    note += ", warm-up of " + std::to_string(warm.documents) + " of " +
            std::to_string(warm.due) + " documents";
  note += " within --max-time " + Fixed(o.max_time, 1) +
          " s: its start-up took " + Duration(startup * 1e9);
  if (warm.documents > 0)
    note += ", a document " + Duration(warm.seconds_per_document * 1e9);
  return note + " (raise --max-time for more)";
}

// "extract/llm (llm, the last pass over each document): requests 5, …".
std::string UsageNote(const std::string& variant, const ExtractorStats& stats) {
  std::string note = "extract/" + variant + " (" + stats.kind +
                     ", the last pass over each document):";
  const char* sep = " ";
  for (const auto& [name, value] : stats.totals) {
    note += sep + name + " " +
            (std::floor(value) == value ? Fixed(value, 0) : Fixed(value, 4));
    sep = ", ";
  }
  return note;
}

std::string Heading(const BenchCorpus& corpus, const BenchOptions& o) {
  const double bytes = static_cast<double>(corpus.total_bytes);
  return "ieval bench: " + std::to_string(corpus.documents.size()) +
         " documents (" +
         (bytes < 1e4 ? Fixed(bytes, 0) + " bytes, "
                      : Fixed(bytes / 1e3, 1) + " KB, ") +
         std::to_string(corpus.total_tokens) + " tokens), " +
         std::to_string(o.repetitions) +
         " repetitions of >= " + Fixed(o.min_time, 2) + " s, " +
         std::to_string(o.warmup) + " warm-up pass(es), " +
         std::to_string(o.jobs) +
         " job(s); medians over the repetitions, times of one document";
}

// One RunBenchmarks: the corpora at every size, Google Benchmark's flags
// and the reporter they all share, and what the table will say.
class Session {
 public:
  Session(const BenchOptions& options, std::vector<BenchCorpus> corpora)
      : options_(options),
        corpora_(std::move(corpora)),
        pool_(options.jobs),
        flags_(options.executable),
        reporter_(options.progress ? &std::cerr : nullptr,
                  options.progress && isatty(STDERR_FILENO)) {
    for (const BenchCorpus& c : corpora_)
      complexity_n_.push_back(c.MeanBytes());
  }

  void Note(std::string note) { notes_.push_back(std::move(note)); }

  void RunBaseline() {
    families_.push_back(
        {"baseline/icu_words", options_.sizes, complexity_n_, -1});
    std::vector<BenchCase> cases = Cases(nullptr, "ICU words");
    ResetPeakRss();
    flags_.Set(options_.repetitions, options_.min_time);
    RunFamily(families_.back(), cases, reporter_,
              static_cast<int>(families_.size() - 1));
  }

  // Start-up (creating the extractor, then its first document), warm-up,
  // the repetitions that fit --max-time, then the extractor is ended.
  void RunVariant(const VariantToRun& spec) {
    const std::string family = "extract/" + spec.name;
    ResetPeakRss();
    const int64_t start = SteadyNowNs();
    auto made = Create(spec);
    std::unique_ptr<Extractor> extractor =
        made.ok() ? std::move(*made) : nullptr;
    Status failed = made.status();
    if (failed.ok())
      failed = ExtractChecked(*extractor, corpora_[0].documents[0], spec.name)
                   .status();
    const double startup = SecondsSince(start);
    children_seen_ = children_seen_ || ReadLiveChildren().processes > 0;

    std::vector<BenchCase> cases = Cases(extractor.get(), spec.name);
    // The warm-up's budget counts the first document; a variant whose
    // start-up alone took the whole --max-time is measured right after it.
    cases[0].warmup_budget = std::max(0.0, options_.max_time / 4 - startup);
    if (startup >= options_.max_time) cases[0].warmup_passes = 0;
    bench_internal::WarmUpDone warm;
    double warmup_spent = 0;
    if (failed.ok()) {
      const int64_t warm_start = SteadyNowNs();
      auto done = bench_internal::WarmUp(cases[0]);
      warmup_spent = SecondsSince(warm_start);
      if (done.ok()) warm = *done;
      failed = done.status();
    }
    for (BenchCase& c : cases) {
      c.startup_seconds = startup;
      if (!failed.ok()) c.failure = failed;
    }
    const size_t documents = corpora_[0].documents.size();
    const double per_document =
        warm.documents > 0 ? warm.seconds_per_document : startup;
    const int planned = PlannedRepetitions(options_, per_document, documents,
                                           warmup_spent, options_.sizes);
    warm.due = static_cast<size_t>(options_.warmup) * documents;
    if (failed.ok() &&
        (planned < options_.repetitions || warm.documents < warm.due))
      Note(BudgetNote(family, options_, planned, warm, startup));

    families_.push_back({family, options_.sizes, complexity_n_, startup});
    flags_.Set(planned, options_.min_time);
    RunFamily(families_.back(), cases, reporter_,
              static_cast<int>(families_.size() - 1));
    bool ran = true;
    for (const BenchCase& c : cases)
      if (!c.failure.ok()) {
        failures_.push_back(c.failure);
        ran = false;
        break;
      }
    if (extractor == nullptr) return;
    // Ended as `ieval run` ends it: a back end that judges its whole pass
    // (the llm one's max_failure_rate) fails the variant here.
    if (Status s = extractor->Finish(); !s.ok() && ran)
      failures_.push_back(Status::ExtractorFailed(
          "extractor '" + spec.name + "' failed: " + s.message(), s.where()));
    ExtractorStats stats = extractor->Stats();
    if (!stats.empty()) usage_.emplace_back(spec.name, std::move(stats));
  }

  BenchOutcome Finish() {
    for (const Status& f : failures_) Note("Failed: " + f.ToString());
    if (children_seen_)
      Note(
          "Some extractors run in child processes, whose time ieval's "
          "cpu_time does not include: gate them on real_time, as the "
          "default rules of ieval gate do (\"measure\": \"auto\"; in a "
          "rules file of your own, \"real_time\").");
    std::vector<std::pair<std::string, std::string>> context = options_.context;
    const BenchCorpus& corpus = corpora_.front();
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::string>>{
             {"documents", std::to_string(corpus.documents.size())},
             {"bytes", std::to_string(corpus.total_bytes)},
             {"tokens", std::to_string(corpus.total_tokens)},
             {"repetitions", std::to_string(options_.repetitions)},
             {"min_time", Fixed(options_.min_time, 3)},
             {"max_time", Fixed(options_.max_time, 3)},
             {"warmup", std::to_string(options_.warmup)},
             {"jobs", std::to_string(options_.jobs)}})
      context.emplace_back("ieval_" + key, value);
    for (const auto& [variant, stats] : usage_) Note(UsageNote(variant, stats));
    BenchOutcome outcome;
    outcome.json = reporter_.FinishJson(context, usage_);
    outcome.table = bench_internal::RenderTable(
        Heading(corpus, options_), reporter_.records(), families_, notes_);
    outcome.failures = std::move(failures_);
    return outcome;
  }

 private:
  std::vector<BenchCase> Cases(const Extractor* extractor,
                               const std::string& label) {
    std::vector<BenchCase> cases(corpora_.size());
    for (size_t i = 0; i < corpora_.size(); ++i) {
      cases[i].extractor = extractor;
      cases[i].label = label;
      cases[i].corpus = &corpora_[i];
      cases[i].pool = &pool_;
      cases[i].batch = static_cast<size_t>(options_.jobs);
      cases[i].warmup_passes = options_.warmup;
      cases[i].warmup_budget = options_.max_time / 4;
    }
    return cases;
  }

  const BenchOptions& options_;
  std::vector<BenchCorpus> corpora_;
  std::vector<int64_t> complexity_n_;
  ThreadPool pool_;
  LibraryFlags flags_;
  BenchReporter reporter_;
  std::vector<FamilyInfo> families_;
  std::vector<std::string> notes_;
  std::vector<Status> failures_;
  // Each variant's own counters (ExtractorStats), in the order run.
  std::vector<std::pair<std::string, ExtractorStats>> usage_;
  bool children_seen_ = false;
};

}  // namespace

Result<BenchOutcome> RunBenchmarks(const std::vector<Document>& documents,
                                   const std::vector<VariantToRun>& variants,
                                   const BenchOptions& options) {
  if (Status s = CheckOptions(documents, options); !s.ok()) return s;
  std::vector<BenchCorpus> corpora;
  {
    ThreadPool pool(options.jobs);
    for (int f : options.sizes.empty() ? std::vector<int>{1} : options.sizes) {
      auto corpus = bench_internal::MakeBenchCorpus(documents, f, pool);
      if (!corpus.ok()) return corpus.status();
      corpora.push_back(std::move(*corpus));
    }
  }
  // Every extractor is created once first, so that a bad variant stops the
  // run before anything is measured; then again right before its benchmark
  // (timed as its start-up), and ended after it, so that a variant's
  // processes and memory are its own.
  std::vector<const VariantToRun*> to_run;
  std::vector<std::string> skipped;
  for (const VariantToRun& v : variants) {
    auto made = Create(v);
    if (made.ok()) {
      to_run.push_back(&v);
    } else if (options.skip_unavailable &&
               made.status().code() == Status::Code::kUnavailable) {
      skipped.push_back("Skipped " + made.status().message());
    } else {
      return made.status();
    }
  }
  Session session(options, std::move(corpora));
  for (std::string& note : skipped) session.Note(std::move(note));
  session.RunBaseline();
  for (const VariantToRun* v : to_run) session.RunVariant(*v);
  return session.Finish();
}

}  // namespace ieval
