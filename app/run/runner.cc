#include "ieval/run/runner.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/core/thread_pool.h"
#include "ieval/results/run_statistics.h"
#include "ieval/run/resources.h"
#include "ieval/run/timing.h"
#include "ieval/score/grounding_summary.h"
#include "ieval/score/units.h"
#include "ieval/text/segmenter.h"

namespace ieval {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Extracts every document on the pool's threads. On a failure, stops handing
// out documents and returns the failure of the earliest failing document
// (so the message does not depend on thread timing).
Status ExtractVariant(const Extractor& extractor, const std::string& label,
                      const std::vector<AnnotatedDocument>& gold,
                      const RunnerOptions& options, ThreadPool& pool,
                      RunProgress progress, std::vector<Annotations>& out,
                      Throughput& t) {
  const size_t n = gold.size();
  out.assign(n, Annotations{});
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mu;  // guards the fields below and the progress callback
  size_t failed_at = n;
  Status failure;
  int64_t done = 0;
  int64_t bytes = 0;
  double cpu = 0;
  std::vector<double> latency(n, 0.0);
  const Clock::time_point start = Clock::now();
  auto work = [&](int) {
    const double cpu_start = ThreadCpuSeconds();
    while (!stop.load()) {
      if (options.interrupt != nullptr && options.interrupt->load()) break;
      const size_t i = next++;
      if (i >= n) break;
      const int64_t started = SteadyNowNs();
      auto result = ExtractChecked(extractor, gold[i].document, label);
      latency[i] = SecondsSince(started);
      std::lock_guard<std::mutex> lock(mu);
      if (!result.ok()) {
        stop = true;
        if (i < failed_at) {
          failed_at = i;
          failure = result.status();
        }
        continue;
      }
      out[i] = std::move(*result);
      ++done;
      bytes += static_cast<int64_t>(gold[i].document.text.size());
      if (options.progress) {
        progress.done = done;
        progress.seconds = Since(start);
        options.progress(progress);
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    cpu += ThreadCpuSeconds() - cpu_start;
  };
  pool.Run(work);
  t.wall_seconds = Since(start);
  t.cpu_seconds += cpu;
  t.documents = done;
  t.bytes = bytes;
  if (n > 0) t.first_document_seconds = latency[0];
  t.latency = PercentilesOf(std::move(latency));
  return failure;
}

// Per document, its sentence starts (ieval/text's SentenceStarts); one
// segmenter serves them all. Without ICU's iterators, one sentence per
// document.
std::vector<std::vector<int64_t>> AllSentenceStarts(
    const std::vector<AnnotatedDocument>& documents) {
  std::vector<std::vector<int64_t>> out(documents.size(), {0});
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return out;
  for (size_t i = 0; i < documents.size(); ++i)
    out[i] = SentenceStarts(**segmenter, documents[i].document.text);
  return out;
}

bool Has(const std::vector<std::string>& list, const char* name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// Which finer units a run counts: sentences for the statistics' unit, and
// those report.json keeps (StatisticsSettings::unit_counts).
struct UnitsToCount {
  bool sentence_scores = false;  // VariantResult::sentence_scores
  bool sentences = false;        // VariantResult::units.sentences
  bool mentions = false;
};

UnitsToCount Counted(const StatisticsSettings& st, size_t documents) {
  UnitsToCount u;
  u.sentence_scores = st.unit == "sentence";
  if (st.unit_counts) {
    u.sentences = Has(*st.unit_counts, "sentence");
    u.mentions = Has(*st.unit_counts, "mention");
  } else {
    u.sentences =
        u.sentence_scores || static_cast<int64_t>(documents) < kFewDocuments;
  }
  return u;
}

// The passes after the scored one (RunnerOptions::bench_repetitions), on
// the same extractor: their times replace the scored pass's as the
// repetitions.
Status TimeRepetitions(const Extractor& extractor, const std::string& label,
                       const std::vector<AnnotatedDocument>& gold,
                       const RunnerOptions& options, ThreadPool& pool,
                       Throughput& t) {
  std::vector<Document> docs;
  for (const AnnotatedDocument& d : gold) docs.push_back(d.document);
  std::vector<double> latencies;
  t.repetition_wall_seconds.clear();
  t.repetition_cpu_seconds.clear();
  for (int r = 0; r < options.bench_repetitions; ++r) {
    if (options.interrupt != nullptr && options.interrupt->load()) break;
    auto pass = TimePass(extractor, docs, label, pool);
    if (!pass.ok()) return pass.status();
    t.repetition_wall_seconds.push_back(pass->wall_seconds);
    t.repetition_cpu_seconds.push_back(pass->cpu_seconds);
    latencies.insert(latencies.end(), pass->latency_seconds.begin(),
                     pass->latency_seconds.end());
  }
  t.after_warmup = true;
  t.latency = PercentilesOf(std::move(latencies));
  return Status::Ok();
}

// Scores every document (and its sentences and mention pieces, when
// counted) on the pool's threads; the scores are added in gold order (the
// examples kept are the first ones) while the other threads go on scoring.
void ScoreVariant(const std::vector<AnnotatedDocument>& gold,
                  const std::vector<std::vector<int64_t>>& sentences,
                  const UnitsToCount& count, const RunnerOptions& options,
                  ThreadPool& pool, VariantResult& v) {
  const size_t n = gold.size();
  // Pointers, not values: 5,000 default DocumentScores (1.5 KB each) cost
  // more to construct and page in than the scoring of a few documents.
  std::vector<std::unique_ptr<DocumentScores>> scored(n);
  std::vector<std::vector<DocumentScores>> by_sentence(n);
  std::vector<std::vector<UnitCounts>> by_mention(n);
  v.scores = CorpusScores(options.score.max_examples);
  v.sentence_scores.clear();
  v.units = CorpusUnits{};
  if (count.sentences) v.units.sentences.emplace();
  if (count.mentions) v.units.mentions.emplace();
  std::vector<GroundingSummary> grounding(n);
  v.grounding = GroundingSummary();
  v.grounding.options = options.ground;
  ParallelForOrdered(
      pool, n,
      [&](size_t i) {
        const AnnotatedDocument& g = gold[i];
        const GroundedPredictions grounded = GroundPending(
            g.document.text, v.predictions[i], options.ground, true);
        scored[i] = std::make_unique<DocumentScores>(ScoreDocument(
            g.document, g.annotations, v.predictions[i], options.score));
        AddToSummary(g.document, g.annotations, v.predictions[i], grounded,
                     *scored[i], options.score, OffsetIndex(g.document.text),
                     &grounding[i]);
        if (!sentences.empty())
          by_sentence[i] =
              ScorePieces(g.document, g.annotations, v.predictions[i],
                          sentences[i], options.score);
        if (count.mentions) {
          const std::vector<int64_t> starts = MentionStarts(g.annotations);
          by_mention[i] =
              PieceUnits(g.document.doc_id, starts,
                         ScorePieces(g.document, g.annotations,
                                     v.predictions[i], starts, options.score));
        }
      },
      [&](size_t i) {
        v.grounding += grounding[i];
        v.scores.Add(std::move(*scored[i]));
        scored[i].reset();
        if (count.sentences)
          for (UnitCounts& u : PieceUnits(gold[i].document.doc_id, sentences[i],
                                          by_sentence[i]))
            v.units.sentences->push_back(std::move(u));
        if (count.sentence_scores)
          for (DocumentScores& d : by_sentence[i])
            v.sentence_scores.push_back(std::move(d));
        by_sentence[i].clear();
        if (count.mentions)
          for (UnitCounts& u : by_mention[i])
            v.units.mentions->push_back(std::move(u));
        by_mention[i].clear();
      });
}

// Sets IEVAL_REPEAT and IEVAL_REPEATS for the extractors created while it
// lives, and puts back what was there before. Set between variants, while
// the pool's threads wait, so no thread reads the environment meanwhile;
// an external extractor's program inherits it when it is spawned.
class RepeatEnvironment {
 public:
  explicit RepeatEnvironment(int repeats) {
    for (const char* name : {kRepeatEnv, kRepeatsEnv}) {
      const char* value = getenv(name);
      saved_.push_back(value == nullptr ? std::nullopt
                                        : std::optional<std::string>(value));
    }
    setenv(kRepeatsEnv, std::to_string(repeats).c_str(), 1);
    Set(0);
  }
  ~RepeatEnvironment() {
    const char* names[] = {kRepeatEnv, kRepeatsEnv};
    for (size_t i = 0; i < saved_.size(); ++i) {
      if (saved_[i])
        setenv(names[i], saved_[i]->c_str(), 1);
      else
        unsetenv(names[i]);
    }
  }
  RepeatEnvironment(const RepeatEnvironment&) = delete;
  RepeatEnvironment& operator=(const RepeatEnvironment&) = delete;
  void Set(int repeat) {
    setenv(kRepeatEnv, std::to_string(repeat).c_str(), 1);
  }

 private:
  std::vector<std::optional<std::string>> saved_;
};

// Extractor::Finish after the last document, its failure naming the
// variant as a document's does.
Status Finished(Extractor& extractor, const std::string& label) {
  Status s = extractor.Finish();
  if (s.ok()) return s;
  return Status::ExtractorFailed(
      "extractor '" + label + "' failed: " + s.message(), s.where());
}

// Repeat `r` (>= 1) of a variant: a fresh extractor over every document,
// scored into `out` (without examples: only the counts are kept).
Status RunRepeat(const VariantToRun& spec, int r,
                 const std::vector<AnnotatedDocument>& gold,
                 const RunnerOptions& options, ThreadPool& pool,
                 RunProgress progress, RepeatEnvironment& env,
                 CorpusScores& out, std::string* offset) {
  env.Set(r);
  const std::string label = spec.name + " (repeat " + std::to_string(r) + ")";
  Result<std::unique_ptr<Extractor>> created =
      options.create_repeat ? options.create_repeat(spec, r, offset)
      : spec.create         ? spec.create()
                            : Status::Internal("variant without a factory");
  if (!created.ok())
    return Status::ExtractorFailed(label + ": " + created.status().message(),
                                   created.status().where());
  std::vector<Annotations> predictions;
  Throughput ignored;
  progress.variant = label;
  Status s = ExtractVariant(**created, label, gold, options, pool, progress,
                            predictions, ignored);
  if (s.ok()) s = Finished(**created, label);
  created->reset();  // ends external processes
  if (!s.ok()) return s;
  const size_t n = gold.size();
  std::vector<std::unique_ptr<DocumentScores>> scored(n);
  out = CorpusScores(0);
  ParallelForOrdered(
      pool, n,
      [&](size_t i) {
        GroundPending(gold[i].document.text, predictions[i], options.ground,
                      false);
        scored[i] = std::make_unique<DocumentScores>(
            ScoreDocument(gold[i].document, gold[i].annotations, predictions[i],
                          options.score));
      },
      [&](size_t i) {
        out.Add(std::move(*scored[i]));
        scored[i].reset();
      });
  return Status::Ok();
}

}  // namespace

Result<RunResult> RunVariants(std::vector<AnnotatedDocument> gold,
                              const std::vector<VariantToRun>& variants,
                              const RunnerOptions& options, ThreadPool& pool,
                              bool* interrupted) {
  *interrupted = false;
  RunResult run;
  run.gold = std::move(gold);
  run.score_options = options.score;
  run.statistics = options.statistics;
  run.jobs = pool.threads();
  run.repeats = std::max(1, options.repeats);
  RepeatEnvironment env(run.repeats);
  const UnitsToCount count = Counted(options.statistics, run.gold.size());
  const std::vector<std::vector<int64_t>> sentences =
      count.sentence_scores || count.sentences
          ? AllSentenceStarts(run.gold)
          : std::vector<std::vector<int64_t>>{};
  auto stopped = [&] {
    return options.interrupt != nullptr && options.interrupt->load();
  };
  std::vector<std::string_view> texts;
  for (const AnnotatedDocument& d : run.gold) texts.push_back(d.document.text);
  auto tokens = CountTokens(texts, pool);
  if (!tokens.ok()) return tokens.status();
  int64_t total_tokens = 0;
  for (int64_t n : *tokens) total_tokens += n;
  for (size_t k = 0; k < variants.size(); ++k) {
    if (stopped()) break;
    const VariantToRun& spec = variants[k];
    VariantResult v;
    v.name = spec.name;
    v.extractor = spec.extractor;
    v.description = spec.description;
    v.options = spec.options;
    Throughput& t = v.throughput;
    env.Set(0);
    const double children_cpu = AllChildrenCpuSeconds();
    Clock::time_point setup = Clock::now();
    Result<std::unique_ptr<Extractor>> created =
        spec.create ? spec.create()
                    : Status::Internal("variant without a factory");
    t.setup_seconds = Since(setup);
    if (!created.ok()) {
      const bool missing =
          created.status().code() == Status::Code::kUnavailable;
      v.status = missing ? VariantStatus::kSkipped : VariantStatus::kFailed;
      v.error = created.status().ToString();
      if (missing)
        run.notes.push_back("Variant " + v.name +
                            " was skipped: " + created.status().message());
      run.variants.push_back(std::move(v));
      continue;
    }
    std::unique_ptr<Extractor> extractor = std::move(*created);
    v.extractor_version = extractor->Version();
    RunProgress progress;
    progress.variant = v.name;
    progress.variant_index = static_cast<int>(k);
    progress.variants = static_cast<int>(variants.size());
    progress.total = static_cast<int64_t>(run.gold.size());
    Status extracted = ExtractVariant(*extractor, v.name, run.gold, options,
                                      pool, progress, v.predictions, t);
    v.extractor_stats = extractor->Stats();
    t.cpu_seconds += AllChildrenCpuSeconds() - children_cpu;
    t.tokens = extracted.ok() ? total_tokens : 0;
    t.repetition_wall_seconds = {t.wall_seconds};
    t.repetition_cpu_seconds = {t.cpu_seconds};
    if (extracted.ok() && options.bench_repetitions > 1)
      extracted =
          TimeRepetitions(*extractor, v.name, run.gold, options, pool, t);
    const int64_t live_children_kb = ReadLiveChildren().peak_rss_kb;
    if (extracted.ok()) extracted = Finished(*extractor, v.name);
    extractor.reset();  // ends external processes
    t.peak_rss_kb = PeakRssKb();
    t.children_peak_rss_kb = std::max(live_children_kb, ChildrenPeakRssKb());
    if (stopped()) break;
    if (!extracted.ok()) {
      v.status = VariantStatus::kFailed;
      v.error = extracted.ToString();
      v.predictions.clear();
      run.variants.push_back(std::move(v));
      continue;
    }
    const Clock::time_point scoring = Clock::now();
    ScoreVariant(run.gold, sentences, count, options, pool, v);
    t.score_seconds = Since(scoring);
    for (int r = 1; r < run.repeats && !stopped(); ++r) {
      Status repeated =
          RunRepeat(spec, r, run.gold, options, pool, progress, env,
                    v.repeat_scores.emplace_back(), &v.repeat_seed_option);
      if (repeated.ok()) continue;
      v.status = VariantStatus::kFailed;
      v.error = repeated.ToString();
      v.predictions.clear();
      v.repeat_scores.clear();
      v.scores = CorpusScores(options.score.max_examples);
      v.units = CorpusUnits{};
      v.sentence_scores.clear();
      break;
    }
    if (stopped()) break;
    run.variants.push_back(std::move(v));
  }
  if (stopped()) {
    *interrupted = true;
    return run;
  }
  if (Status s = ComputeRunStatistics(run, pool); !s.ok()) return s;
  return run;
}

}  // namespace ieval
