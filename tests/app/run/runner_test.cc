// The runner with fake extractors: scores, failures kept apart, skipped
// variants, throughput, interruption, sentence and mention units.
#include "ieval/run/runner.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "testing/small_run.h"

namespace ieval {
namespace {

// Answers the gold of each document, minus its first mention when `drop`;
// fails on document `fail_on` (by doc_id); throws on `throw_on`.
class FakeExtractor : public Extractor {
 public:
  FakeExtractor(bool drop, std::string fail_on, std::string throw_on)
      : drop_(drop), fail_on_(fail_on), throw_on_(throw_on) {}
  std::string Name() const override { return "fake"; }
  std::string Version() const override { return "fake 2"; }
  Result<Annotations> Extract(const Document& doc) const override {
    if (doc.doc_id == fail_on_)
      return Status::ExtractorFailed("fake: model missing",
                                     Where{"", 0, doc.doc_id, ""});
    if (doc.doc_id == throw_on_) throw std::runtime_error("bad index");
    // "a-7" (ManyDocumentRun's copies) answers as "a".
    const std::string id = doc.doc_id.substr(0, doc.doc_id.find('-'));
    for (const AnnotatedDocument& g : gold_)
      if (g.document.doc_id == id) {
        Annotations a = g.annotations;
        if (drop_ && !a.mentions.empty()) {
          a.mentions.erase(a.mentions.begin());
          a.relations.clear();
        }
        return a;
      }
    return Annotations{};
  }

 private:
  // A test fake may read the gold; shipped extractors never do.
  std::vector<AnnotatedDocument> gold_ = testing::SmallGold();
  bool drop_;
  std::string fail_on_;
  std::string throw_on_;
};

VariantToRun Fake(const std::string& name, bool drop = false,
                  const std::string& fail_on = "",
                  const std::string& throw_on = "") {
  return {name,
          "fake",
          "a fake",
          {{"drop", drop ? "true" : "false"}},
          [=]() -> Result<std::unique_ptr<Extractor>> {
            return std::unique_ptr<Extractor>(
                new FakeExtractor(drop, fail_on, throw_on));
          }};
}

VariantToRun Unavailable(const std::string& name) {
  return {name, "fake", "", {}, []() -> Result<std::unique_ptr<Extractor>> {
            return Status::Unavailable("needs the program 'nothing'");
          }};
}

RunResult RunAll(const std::vector<VariantToRun>& variants,
                 RunnerOptions options = {}, int jobs = 1) {
  options.statistics.bootstrap.resamples = 100;
  bool interrupted = true;
  ThreadPool pool(jobs);
  auto run =
      RunVariants(testing::SmallGold(), variants, options, pool, &interrupted);
  EXPECT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_FALSE(interrupted);
  return run.ok() ? std::move(*run) : RunResult{};
}

TEST(Runner, ScoresEveryVariantOverEveryDocument) {
  const RunResult run = RunAll({Fake("perfect"), Fake("lossy", true)});
  ASSERT_EQ(run.variants.size(), 2u);
  const VariantResult& perfect = run.variants[0];
  EXPECT_EQ(perfect.status, VariantStatus::kOk);
  EXPECT_EQ(perfect.extractor_version, "fake 2");
  EXPECT_EQ(F1(perfect.scores.total().entities.mode(SpanMode::kStrict).overall),
            1.0);
  EXPECT_EQ(perfect.scores.documents().size(), 3u);
  const PrfCounts lossy =
      run.variants[1].scores.total().entities.mode(SpanMode::kStrict).overall;
  EXPECT_EQ(lossy.tp, 6);  // 9 gold mentions, one dropped per document
  EXPECT_EQ(lossy.fn, 3);
  EXPECT_EQ(run.comparisons.size(), 1u);
  EXPECT_FALSE(run.variants[1].intervals.empty());
}

TEST(Runner, MeasuresThroughput) {
  const RunResult run = RunAll({Fake("perfect")});
  const Throughput& t = run.variants[0].throughput;
  EXPECT_EQ(t.documents, 3);
  int64_t bytes = 0;
  for (const auto& d : testing::SmallGold()) bytes += d.document.text.size();
  EXPECT_EQ(t.bytes, bytes);
  EXPECT_GT(t.wall_seconds, 0);
  EXPECT_GE(t.cpu_seconds, 0);
  EXPECT_GT(t.peak_rss_kb, 0);
  EXPECT_GT(t.DocumentsPerSecond(), 0);
  EXPECT_GT(t.tokens, 9);  // ICU words and punctuation of three sentences
  EXPECT_GT(t.TokensPerSecond(), 0);
  EXPECT_GT(t.first_document_seconds, 0);
  EXPECT_GE(t.latency.max, t.latency.p99);
  EXPECT_GE(t.latency.p95, t.latency.p50);
  EXPECT_GT(t.latency.p50, 0);
}

TEST(Runner, OneRepetitionIsTheScoredPass) {
  const Throughput t = RunAll({Fake("perfect")}).variants[0].throughput;
  EXPECT_EQ(t.repetition_wall_seconds, std::vector<double>{t.wall_seconds});
  EXPECT_EQ(t.repetition_cpu_seconds, std::vector<double>{t.cpu_seconds});
  EXPECT_FALSE(t.after_warmup);
}

TEST(Runner, BenchRepetitionsArePassesAfterTheScoredOne) {
  RunnerOptions options;
  options.bench_repetitions = 3;
  const VariantResult v = RunAll({Fake("perfect")}, options).variants[0];
  EXPECT_EQ(v.status, VariantStatus::kOk);
  EXPECT_EQ(v.throughput.repetition_wall_seconds.size(), 3u);
  EXPECT_EQ(v.throughput.repetition_cpu_seconds.size(), 3u);
  EXPECT_TRUE(v.throughput.after_warmup);
  EXPECT_EQ(v.throughput.documents, 3);  // the scored pass's count
  EXPECT_EQ(v.scores.documents().size(), 3u);
}

TEST(Runner, FailingVariantIsKeptApartWithItsErrorAndTheOthersScored) {
  const RunResult run =
      RunAll({Fake("first"), Fake("broken", false, "b"), Fake("last", true)});
  ASSERT_EQ(run.variants.size(), 3u);
  EXPECT_EQ(run.variants[0].status, VariantStatus::kOk);
  EXPECT_EQ(run.variants[1].status, VariantStatus::kFailed);
  EXPECT_EQ(run.variants[1].error,
            "b: extractor 'broken' failed: fake: model missing")
      << run.variants[1].error;
  EXPECT_TRUE(run.variants[1].predictions.empty());
  EXPECT_EQ(run.variants[2].status, VariantStatus::kOk);
  ASSERT_EQ(run.comparisons.size(), 1u);  // first vs last only
  EXPECT_EQ(run.comparisons[0].b, "last");
}

TEST(Runner, ThrowingExtractorFailsItsVariantOnly) {
  const RunResult run = RunAll({Fake("throws", false, "", "c"), Fake("ok")});
  EXPECT_EQ(run.variants[0].status, VariantStatus::kFailed);
  EXPECT_NE(run.variants[0].error.find("threw bad index"), std::string::npos);
  EXPECT_EQ(run.variants[1].status, VariantStatus::kOk);
}

TEST(Runner, FailureMessageNamesTheFirstFailingDocumentWithManyJobs) {
  const RunResult run = RunAll({Fake("broken", false, "a")}, {}, 3);
  EXPECT_EQ(run.variants[0].error.rfind("a: extractor 'broken' failed", 0), 0u)
      << run.variants[0].error;
}

TEST(Runner, UnavailableVariantIsSkippedWithANote) {
  const RunResult run = RunAll({Unavailable("node_thing"), Fake("ok")});
  EXPECT_EQ(run.variants[0].status, VariantStatus::kSkipped);
  EXPECT_NE(run.variants[0].error.find("needs the program"), std::string::npos);
  bool noted = false;
  for (const auto& n : run.notes) noted = noted || n.find("node_thing") == 8;
  EXPECT_TRUE(noted);
}

TEST(Runner, ResultsDoNotDependOnTheNumberOfJobs) {
  const RunResult a = RunAll({Fake("lossy", true)});
  const RunResult b = RunAll({Fake("lossy", true)}, {}, 2);
  EXPECT_EQ(a.variants[0].scores.total(), b.variants[0].scores.total());
  EXPECT_EQ(a.variants[0].predictions, b.variants[0].predictions);
}

TEST(Runner, ScoresAndExamplesDoNotDependOnTheNumberOfJobs) {
  // 300 documents: the error examples kept (the first 20 of each kind) are
  // those of the first documents in gold order, however many threads score.
  const std::vector<AnnotatedDocument> gold =
      testing::ManyDocumentRun(100).gold;
  RunnerOptions one;
  one.statistics.bootstrap.resamples = 50;
  one.statistics.unit = "sentence";
  bool interrupted = false;
  ThreadPool serial(1);
  auto a = RunVariants(gold, {Fake("lossy", true)}, one, serial, &interrupted);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  for (int jobs : {2, 4}) {
    ThreadPool pool(jobs);
    auto b = RunVariants(gold, {Fake("lossy", true)}, one, pool, &interrupted);
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    const VariantResult& va = a->variants[0];
    const VariantResult& vb = b->variants[0];
    EXPECT_EQ(va.scores.total(), vb.scores.total()) << jobs << " jobs";
    EXPECT_EQ(va.scores.documents(), vb.scores.documents());
    EXPECT_EQ(va.sentence_scores, vb.sentence_scores);
    EXPECT_EQ(va.predictions, vb.predictions);
  }
  const auto& missed =
      a->variants[0]
          .scores.total()
          .entities.errors.examples[static_cast<size_t>(ErrorKind::kMissed)];
  ASSERT_FALSE(missed.empty());
  EXPECT_EQ(missed[0].doc_id, "a-0");
}

TEST(Runner, InterruptionStopsBeforeTheNextDocument) {
  std::atomic<bool> stop{true};
  RunnerOptions options;
  options.interrupt = &stop;
  bool interrupted = false;
  ThreadPool pool(1);
  auto run = RunVariants(testing::SmallGold(), {Fake("perfect")}, options, pool,
                         &interrupted);
  EXPECT_TRUE(interrupted);
}

TEST(Runner, ReportsProgressForEveryDocument) {
  RunnerOptions options;
  std::vector<int64_t> done;
  options.progress = [&](const RunProgress& p) {
    EXPECT_EQ(p.variant, "perfect");
    EXPECT_EQ(p.total, 3);
    done.push_back(p.done);
  };
  RunAll({Fake("perfect")}, options);
  EXPECT_EQ(done, (std::vector<int64_t>{1, 2, 3}));
}

TEST(Runner, SentenceUnitResamplesSentences) {
  RunnerOptions options;
  options.statistics.unit = "sentence";
  const RunResult run = RunAll({Fake("lossy", true)}, options);
  const VariantResult& v = run.variants[0];
  ASSERT_FALSE(v.sentence_scores.empty());
  PrfCounts sum;
  for (const DocumentScores& s : v.sentence_scores)
    sum += s.entities.mode(SpanMode::kStrict).overall;
  // Strict counts of the sentences add up to the corpus counts.
  EXPECT_EQ(sum, v.scores.total().entities.mode(SpanMode::kStrict).overall);
  EXPECT_EQ(v.intervals[0].unit, "sentence");
  EXPECT_EQ(v.intervals[0].interval.units,
            static_cast<int64_t>(v.sentence_scores.size()));
  // Relations are still resampled by document.
  EXPECT_EQ(v.intervals[2].metric, "relations.strict");
  EXPECT_EQ(v.intervals[2].unit, "document");
}

TEST(Runner, SmallGoldKeepsSentenceCountsForTheGate) {
  const RunResult run = RunAll({Fake("lossy", true)});
  const VariantResult& v = run.variants[0];
  ASSERT_TRUE(v.units.sentences.has_value());  // 3 documents < kFewDocuments
  EXPECT_FALSE(v.units.mentions.has_value());
  EXPECT_TRUE(v.sentence_scores.empty());  // the statistics resample documents
  PrfCounts sum;
  for (const UnitCounts& u : *v.units.sentences) sum += u.entities[0].overall;
  EXPECT_EQ(sum, v.scores.total().entities.mode(SpanMode::kStrict).overall);
}

TEST(Runner, UnitCountsSayWhichUnitsAreKept) {
  RunnerOptions options;
  options.statistics.unit_counts = std::vector<std::string>{"mention"};
  const RunResult run = RunAll({Fake("lossy", true)}, options);
  const VariantResult& v = run.variants[0];
  EXPECT_FALSE(v.units.sentences.has_value());
  ASSERT_TRUE(v.units.mentions.has_value());
  // A piece per distinct gold mention start, and one before the first.
  size_t gold_starts = 0;
  for (const AnnotatedDocument& g : run.gold)
    gold_starts += MentionStarts(g.annotations).size();
  EXPECT_EQ(v.units.mentions->size(), gold_starts);
}

TEST(Runner, UnknownMetricIsAUsageError) {
  RunnerOptions options;
  options.statistics.metrics = {"entities.fuzzy"};
  bool interrupted = false;
  ThreadPool pool(1);
  auto run = RunVariants(testing::SmallGold(), {Fake("a")}, options, pool,
                         &interrupted);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval

namespace ieval {
namespace {

// Repeats: each is a fresh extractor created with IEVAL_REPEAT set to its
// index, whose scores are kept; repeat 0 stays the scored run.
TEST(Runner, RepeatsCreateAFreshExtractorPerRepeatWithItsIndex) {
  std::vector<std::string> seen;  // IEVAL_REPEAT when each was created
  VariantToRun v = Fake("perfect");
  const auto create = v.create;
  v.create = [&seen, create] {
    seen.push_back(getenv(kRepeatEnv));
    return create();
  };
  std::vector<int> asked;
  RunnerOptions options;
  options.repeats = 3;
  options.create_repeat = [&](const VariantToRun& variant, int repeat,
                              std::string* offset) {
    asked.push_back(repeat);
    *offset = "seed";
    seen.push_back(getenv(kRepeatEnv));
    EXPECT_EQ(std::string(getenv(kRepeatsEnv)), "3");
    // Repeat 2 loses mentions: its scores are its own.
    return repeat == 2 ? Fake("lossy", true).create() : variant.create();
  };
  const RunResult run = RunAll({v}, options);
  ASSERT_EQ(run.variants.size(), 1u);
  const VariantResult& r = run.variants[0];
  EXPECT_EQ(run.repeats, 3);
  EXPECT_EQ(r.Repeats(), 3);
  EXPECT_EQ(asked, (std::vector<int>{1, 2}));
  // Repeat 0 by `create`; repeat 1 by the factory, which calls `create`;
  // repeat 2 by the factory alone.
  EXPECT_EQ(seen, (std::vector<std::string>{"0", "1", "1", "2"}));
  EXPECT_EQ(r.repeat_seed_option, "seed");
  ASSERT_EQ(r.repeat_scores.size(), 2u);
  auto strict = [](const CorpusScores& s) {
    return s.total().entities.mode(SpanMode::kStrict).overall;
  };
  EXPECT_EQ(strict(r.scores).tp, 9);  // repeat 0
  EXPECT_EQ(strict(r.repeat_scores[0]).tp, 9);
  EXPECT_EQ(strict(r.repeat_scores[1]).tp, 6);
  EXPECT_EQ(r.repeat_scores[1].documents().size(), 3u);
  EXPECT_EQ(getenv(kRepeatEnv), nullptr);  // put back as it was
}

TEST(Runner, AFailedRepeatFailsTheVariant) {
  RunnerOptions options;
  options.repeats = 2;
  options.create_repeat = [](const VariantToRun&, int, std::string*) {
    return Fake("broken", false, "b").create();
  };
  const RunResult run = RunAll({Fake("perfect")}, options);
  ASSERT_EQ(run.variants.size(), 1u);
  EXPECT_EQ(run.variants[0].status, VariantStatus::kFailed);
  EXPECT_NE(run.variants[0].error.find("perfect (repeat 1)"), std::string::npos)
      << run.variants[0].error;
  EXPECT_TRUE(run.variants[0].repeat_scores.empty());
}

}  // namespace
}  // namespace ieval
