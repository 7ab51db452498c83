// What one `ieval run` produced, as plain data: the effective settings, the
// machine, and per variant its status, throughput, scores (with every
// document's counts), predictions and statistics. app/run fills it in;
// report_json.h turns it into report.json, which is the single source of
// report.md, report.html and `ieval compare` / `ieval gate`.
#ifndef IEVAL_RESULTS_RUN_RESULT_H_
#define IEVAL_RESULTS_RUN_RESULT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/extractor_stats.h"
#include "ieval/core/types.h"
#include "ieval/score/counts.h"
#include "ieval/score/grounding_summary.h"
#include "ieval/score/scorer.h"
#include "ieval/score/units.h"
#include "ieval/stats/bootstrap.h"
#include "ieval/stats/paired.h"

namespace ieval {

// The statistics settings of a run (run.json "statistics").
struct StatisticsSettings {
  // "document" or "sentence": the unit bootstrap and paired tests resample.
  // With "sentence", entity metrics resample sentences (mentions belong to
  // the sentence their start falls in); relation metrics still resample
  // documents (a relation may cross sentences).
  std::string unit = "document";
  BootstrapOptions bootstrap;  // resamples, confidence, seed
  // Significance level of the paired comparisons, after Holm-Bonferroni.
  double alpha = 0.05;
  // Metrics given intervals, as "entities.strict", "entities.partial",
  // "relations.strict" (MODE.TYPE for one type). The first is the primary
  // metric: the best variant and the paired comparisons use it.
  std::vector<std::string> metrics = {"entities.strict", "entities.partial",
                                      "relations.strict"};
  // The finer units whose counts report.json keeps for `ieval gate`
  // ("sentence", "mention"; ieval/score/units.h). Unset: sentences when the
  // unit is "sentence" or the gold has fewer than kFewDocuments documents
  // (where document-level tests cannot decide, the gate reports the
  // sentence-level one beside them), nothing otherwise.
  std::optional<std::vector<std::string>> unit_counts;
};

// The environment variable holding the repeat index (0 … K-1) while
// `ieval run` creates and runs a variant's extractor, so an external
// extractor's program can draw differently in each repeat; 0 without
// --repeats. kRepeatsEnv holds K.
inline constexpr char kRepeatEnv[] = "IEVAL_REPEAT";
inline constexpr char kRepeatsEnv[] = "IEVAL_REPEATS";

// Below this many documents, report.json keeps per-sentence counts by
// default and the gate reports the sentence-level test beside the
// document-level one.
inline constexpr int64_t kFewDocuments = 20;

// Per-document extraction times in seconds: the quantiles of
// ieval/stats/summary.h over the documents of the timed passes.
struct LatencyPercentiles {
  double p50 = 0;
  double p95 = 0;
  double p99 = 0;
  double max = 0;
};

// Resources one variant used while extracting (scoring is timed apart).
// The first fields are the scored pass (the one whose predictions are
// scored); the repetitions are the passes its speed is judged by, the same
// measurement `ieval bench` repeats.
struct Throughput {
  int64_t documents = 0;
  int64_t bytes = 0;         // UTF-8 bytes of the texts extracted
  int64_t tokens = 0;        // their ICU words and punctuation (eval/text)
  double setup_seconds = 0;  // creating the extractor (plug-in loaded…)
  // The first document of the scored pass (an external program starts on
  // its first document, so this holds its start-up).
  double first_document_seconds = 0;
  double wall_seconds = 0;   // steady_clock, extraction only
  double cpu_seconds = 0;    // CPU of the worker threads + reaped children
  double score_seconds = 0;  // scoring the predictions
  int64_t peak_rss_kb = 0;   // getrusage ru_maxrss of the whole process
  int64_t children_peak_rss_kb = 0;  // largest child process, live or reaped
  // The timed passes over every document: the scored pass alone (the
  // default), or the N passes after it of `ieval run --bench-repetitions N`
  // (N > 1; the scored pass is then their warm-up, `after_warmup`). CPU is
  // the whole process's and its children's.
  std::vector<double> repetition_wall_seconds;
  std::vector<double> repetition_cpu_seconds;
  bool after_warmup = false;
  LatencyPercentiles latency;  // over the documents of those passes

  double DocumentsPerSecond() const {
    return wall_seconds > 0 ? static_cast<double>(documents) / wall_seconds : 0;
  }
  double MegabytesPerSecond() const {
    return wall_seconds > 0 ? static_cast<double>(bytes) / 1e6 / wall_seconds
                            : 0;
  }
  double TokensPerSecond() const {
    return wall_seconds > 0 ? static_cast<double>(tokens) / wall_seconds : 0;
  }
};

// A metric's bootstrap interval for one variant.
struct MetricInterval {
  std::string metric;  // "entities.strict"
  std::string unit;    // "document" or "sentence"
  ConfidenceInterval interval;
  // C(2N-1, N): how many different resamples N units allow.
  double distinct_resamples = 0;
};

// One pair of variants compared on the primary metric (B minus A).
struct PairComparison {
  std::string a;
  std::string b;
  std::string metric;
  std::string unit;
  PairedResult bootstrap;
  RandomizationResult randomization;
  // The larger of the bootstrap and randomization p-values (both tests
  // must agree: the shifted-null bootstrap is anti-conservative on a few
  // documents, randomization cannot go below about 2/2^N), adjusted by
  // Holm-Bonferroni over all pairs.
  double p_holm = 1;
  bool significant = false;  // p_holm <= alpha
};

enum class VariantStatus { kOk, kFailed, kSkipped };
// "ok", "failed", "skipped".
const char* VariantStatusName(VariantStatus status);

struct VariantResult {
  std::string name;
  std::string extractor;
  std::string extractor_version;
  std::string description;
  std::map<std::string, std::string> options;
  VariantStatus status = VariantStatus::kOk;
  // Why it failed (the extractor's error naming the document) or was
  // skipped (a missing requirement).
  std::string error;
  Throughput throughput;
  // kOk only: the scores, every document's counts included.
  CorpusScores scores;
  // kOk only: predictions in gold-document order (also written to
  // predictions/<name>.jsonl) and the bootstrap intervals.
  std::vector<Annotations> predictions;
  std::vector<MetricInterval> intervals;
  // With the "sentence" unit only: each gold sentence's counts, in order
  // (kept in memory for the statistics, not written).
  std::vector<DocumentScores> sentence_scores;
  // kOk only: how predictions given by their text were grounded, scored
  // by alignment, by string and under each policy; written to report.json
  // when any() (grounding_summary.h).
  GroundingSummary grounding;
  // kOk only: the entity counts of the units of statistics.unit_counts
  // (written to report.json as scores.units).
  CorpusUnits units;
  // kOk only, with `ieval run --repeats K` (K > 1): the scores of repeats
  // 1 … K-1, each a fresh extractor over every document (repeat 0 is
  // `scores`, whose predictions, intervals and comparisons the report
  // shows). Written to report.json as "repeats" (reports/README.md).
  std::vector<CorpusScores> repeat_scores;
  // The option offset by the repeat index ("seed"), empty when none was.
  std::string repeat_seed_option;
  // What the extractor counted of its own work over the scored pass
  // (Extractor::Stats: an LLM's requests, tokens, cost, malformed answers);
  // written to report.json under its `kind` ("llm"), empty for most.
  ExtractorStats extractor_stats;
  int Repeats() const { return 1 + static_cast<int>(repeat_scores.size()); }
};

struct MachineInfo {
  std::string os;   // uname: sysname release machine
  std::string cpu;  // /proc/cpuinfo model name
  int cores = 0;    // std::thread::hardware_concurrency
  int64_t memory_mb = 0;
  std::string compiler;
  std::string allocator;  // the malloc this process runs on (DescribeAllocator)
};

struct RunResult {
  std::string ieval_version;
  std::string started_at;  // UTC, ISO 8601
  double total_seconds = 0;
  std::string config_path;
  std::string gold_path;
  std::string variants_path;
  int jobs = 1;
  int repeats = 1;  // `ieval run --repeats K`: extractions of each variant
  ScoreOptions score_options;
  StatisticsSettings statistics;
  MachineInfo machine;
  // The gold, in order (texts are used by the HTML document viewer).
  std::vector<AnnotatedDocument> gold;
  std::vector<VariantResult> variants;
  std::vector<PairComparison> comparisons;
  // Plain-language caveats (few documents, skipped variants…), shown in
  // every report.
  std::vector<std::string> notes;
};

}  // namespace ieval

#endif  // IEVAL_RESULTS_RUN_RESULT_H_
