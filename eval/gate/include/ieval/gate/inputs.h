// What `ieval gate` compares, read from its input files. Three kinds are
// recognised by their content, not their name:
//  - report.json of `ieval run` ("format": "ieval-run"): several variants;
//  - `ieval score --json` (span scores): one variant, named "score";
//  - Google Benchmark JSON (--benchmark_format=json or _out): benchmarks
//    with their repetitions.
// A run report also gives each variant's timed passes
// ("throughput.repetitions": `ieval run --bench-repetitions N`) as a
// benchmark named "run/VARIANT", judged by the speed rules as a Google
// Benchmark's repetitions are.
// Scores are flattened into dotted paths ("entities.strict.overall.f1") so
// rules can name any number without this code knowing every field, and each
// document's counts into columns ("entities.strict.tp" per document) for
// the paired tests. Plain data; the JSON stays inside inputs.cc.
#ifndef IEVAL_GATE_INPUTS_H_
#define IEVAL_GATE_INPUTS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

enum class GateInputKind { kRunReport, kScores, kBenchmarks };
// "report.json of ieval run", "ieval score --json", "Google Benchmark JSON".
const char* GateInputKindName(GateInputKind kind);

// Every document's numbers, column by column: the numeric leaves of each
// entry of "documents" ("gold_mentions", "entities.strict.tp",
// "entities.strict.per_type.LOC.fn", "values.DATE.correct", "errors.missed"
// …). A column absent from a document holds 0 there: documents only list
// the types they contain, and an absent type has zero counts.
struct DocumentColumns {
  std::vector<std::string> doc_ids;  // in file order
  std::map<std::string, std::vector<double>> columns;
  // nullptr when no document has the column.
  const std::vector<double>* Find(const std::string& key) const;
};

// One variant's scores.
struct VariantScores {
  std::string name;
  std::string status = "ok";  // "ok", "failed" or "skipped" (run reports)
  std::string error;          // why it failed or was skipped
  // Numeric leaves of the scores object, except "documents", "options" and
  // the error examples and confusion matrix.
  std::map<std::string, double> metrics;
  std::map<std::string, double> error_counts;  // "errors.counts"
  DocumentColumns documents;
  // The finer units' counts ("units" of the scores: `ieval score --json
  // --unit-counts`, report.json), by unit: "sentences", "mentions". Only
  // the units the file counted; each unit is named "DOC_ID#START" and its
  // columns are named as the documents' ("entities.strict.tp"…).
  std::map<std::string, DocumentColumns> units;
  // A variant of `ieval run --repeats K` (K > 1): every repeat's
  // per-document counts ("repeats"."documents" of report.json), repeat 0
  // first, columns named as the documents' (entity, relation and value
  // counts only). Empty without repeats.
  std::vector<DocumentColumns> repeats;
};

struct AccuracyInput {
  std::string path;
  GateInputKind kind = GateInputKind::kScores;
  // The scoring options (min_overlap, types, map…) as compact JSON: two
  // files scored with different options are not comparable.
  std::string options;
  // The gold's documents, in order (run reports: "gold.doc_ids"; score
  // files: the documents scored).
  std::vector<std::string> doc_ids;
  std::vector<VariantScores> variants;
  const VariantScores* Find(const std::string& name) const;
};

// One benchmark's repetitions, times in nanoseconds.
struct BenchmarkSamples {
  std::string name;  // run_name: the name without the aggregate suffix
  std::vector<double> real_time_ns;
  std::vector<double> cpu_time_ns;
  int aggregates = 0;  // aggregate rows seen (mean, median, stddev, cv…)
  // error_message of a run that reported an error; for a report's variant,
  // why the variant failed.
  std::string error;
  // A report.json variant's timed passes rather than a Google Benchmark.
  bool from_run_report = false;
  std::string skipped;  // why a report's variant was skipped (not measured)
  const std::vector<double>& Samples(const std::string& measure) const {
    return measure == "cpu_time" ? cpu_time_ns : real_time_ns;
  }
};

struct BenchmarkInput {
  std::vector<std::string> paths;
  std::vector<BenchmarkSamples> benchmarks;  // in file order
  // Context fields worth comparing: host_name, num_cpus, mhz_per_cpu,
  // library_build_type, executable.
  std::map<std::string, std::string> context;
  const BenchmarkSamples* Find(const std::string& name) const;
};

// One file, parsed.
struct GateInputFile {
  GateInputKind kind = GateInputKind::kScores;
  std::optional<AccuracyInput> accuracy;
  std::optional<BenchmarkInput> benchmarks;
  // Run reports: each variant's timed passes, "run/VARIANT" (in variant
  // order); unset when no variant has "throughput.repetitions".
  std::optional<BenchmarkInput> run_speed;
};

// Parses `text`; `path` names it in messages. kInvalidInput for invalid
// JSON, a file of none of the three kinds (saying what each looks like),
// token-sequence (CoNLL) scores, which have no per-document counts, or a
// run report of a newer format version.
Result<GateInputFile> ParseGateInput(std::string_view text,
                                     const std::string& path);

// Reads and parses; kIoError when the file cannot be read.
Result<GateInputFile> LoadGateInput(const std::string& path);

// Appends the benchmarks of `more` to `into` (several benchmark binaries
// per side); kInvalidInput when a name appears twice.
Status MergeBenchmarks(BenchmarkInput& into, BenchmarkInput more);

}  // namespace ieval

#endif  // IEVAL_GATE_INPUTS_H_
