// RunBenchmarks with fake extractors: every variant is checked before any
// is measured, each is created again for its own benchmark and ended
// after it, a failure is kept apart, slow variants get fewer repetitions.
#include "ieval/bench/bench_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

namespace ieval {
namespace {

using ::testing::HasSubstr;

struct Counts {
  std::atomic<int> created{0};
  std::atomic<int> alive{0};
  std::atomic<int> extracted{0};
};

// Finds nothing; fails on `fail_on`; sleeps `sleep_ms` a document.
class FakeExtractor : public Extractor {
 public:
  FakeExtractor(Counts* counts, std::string fail_on, int sleep_ms)
      : counts_(counts), fail_on_(std::move(fail_on)), sleep_ms_(sleep_ms) {
    ++counts_->created;
    ++counts_->alive;
  }
  ~FakeExtractor() override { --counts_->alive; }
  std::string Name() const override { return "fake"; }
  std::string Version() const override { return "1"; }
  Result<Annotations> Extract(const Document& doc) const override {
    ++counts_->extracted;
    if (sleep_ms_ > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms_));
    if (doc.doc_id == fail_on_)
      return Status::ExtractorFailed("fake: no model",
                                     Where{"", 0, doc.doc_id, ""});
    return Annotations{};
  }

 private:
  Counts* counts_;
  std::string fail_on_;
  int sleep_ms_;
};

VariantToRun Fake(const std::string& name, Counts* counts,
                  const std::string& fail_on = "", int sleep_ms = 0) {
  return {name, "fake", "", {}, [=]() -> Result<std::unique_ptr<Extractor>> {
            return std::unique_ptr<Extractor>(
                new FakeExtractor(counts, fail_on, sleep_ms));
          }};
}

VariantToRun Broken(const std::string& name, Status status) {
  return {name, "fake", "", {}, [=]() -> Result<std::unique_ptr<Extractor>> {
            return status;
          }};
}

std::vector<Document> Documents() {
  return {{"a", "Kim est à Paris."}, {"b", "L’OTAN et Kim."}};
}

BenchOptions Quick() {
  BenchOptions o;
  o.repetitions = 2;
  o.min_time = 0.001;
  o.progress = false;
  return o;
}

TEST(RunBenchmarks, ChecksEveryVariantBeforeMeasuringAny) {
  Counts counts;
  auto r = RunBenchmarks(
      Documents(),
      {Fake("first", &counts), Broken("bad", Status::Usage("bad option"))},
      Quick());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "bad option");
  EXPECT_EQ(counts.extracted, 0);
  EXPECT_EQ(counts.alive, 0);
}

TEST(RunBenchmarks, CreatesEachVariantAgainForItsBenchmarkAndEndsIt) {
  Counts counts;
  auto r = RunBenchmarks(Documents(), {Fake("fake", &counts)}, Quick());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(counts.created, 2);  // checked, then measured
  EXPECT_EQ(counts.alive, 0);
  EXPECT_GT(counts.extracted, 2);  // start-up, warm-up, iterations
  EXPECT_TRUE(r->failures.empty());
  const auto json = nlohmann::json::parse(r->json);
  int repetitions = 0;
  for (const auto& b : json["benchmarks"])
    repetitions += b["run_name"] == "extract/fake/process_time/real_time" &&
                   b["run_type"] == "iteration";
  EXPECT_EQ(repetitions, 2);
  EXPECT_THAT(r->table, HasSubstr("\nextract/fake  "));
}

TEST(RunBenchmarks, UnavailableVariantsAreSkippedWhenAsked) {
  Counts counts;
  BenchOptions options = Quick();
  options.skip_unavailable = true;
  auto r = RunBenchmarks(
      Documents(),
      {Broken("node_thing", Status::Unavailable("variant 'node_thing': "
                                                "needs node")),
       Fake("fake", &counts)},
      options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(r->table, HasSubstr("Skipped variant 'node_thing': needs node"));
  options.skip_unavailable = false;
  EXPECT_FALSE(RunBenchmarks(Documents(),
                             {Broken("x", Status::Unavailable("needs node"))},
                             options)
                   .ok());
}

TEST(RunBenchmarks, FailureIsKeptApartAndTheOthersRun) {
  Counts counts;
  auto r = RunBenchmarks(Documents(),
                         {Fake("broken", &counts, "b"), Fake("fine", &counts)},
                         Quick());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->failures.size(), 1u);
  EXPECT_EQ(r->failures[0].where().doc_id, "b");
  EXPECT_THAT(r->table, HasSubstr("\nextract/fine  "));
  EXPECT_THAT(r->table, HasSubstr("Failed: b: "));
}

TEST(RunBenchmarks, SlowVariantGetsTheRepetitionsThatFitMaxTime) {
  Counts counts;
  BenchOptions options = Quick();
  options.repetitions = 9;
  options.max_time = 0.1;  // 20 ms a document: about 4 repetitions fit
  auto r = RunBenchmarks(Documents(), {Fake("slow", &counts, "", 20)}, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(r->table, HasSubstr("extract/slow: "));
  EXPECT_THAT(r->table, HasSubstr(" of 9 repetitions"));
}

TEST(RunBenchmarks, BadOptionsAreUsageErrors) {
  Counts counts;
  BenchOptions options = Quick();
  options.sizes = {10, 1};
  auto r = RunBenchmarks(Documents(), {Fake("fake", &counts)}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUsage);
  EXPECT_FALSE(RunBenchmarks({}, {Fake("fake", &counts)}, Quick()).ok());
}

}  // namespace
}  // namespace ieval
