// Same inputs and seed, same report.json: two runs, and --jobs 1 against
// --jobs 2, agree on every field but those listed in kAllowedToDiffer
// (timings, the machine, the jobs asked for), key order included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
using nlohmann::ordered_json;

// JSON paths ([*] for any element) whose values may differ between runs.
const std::set<std::string> kAllowedToDiffer = {
    "$.started_at",
    "$.total_seconds",
    "$.config.jobs",
    "$.machine",  // the machine it ran on, its load, its allocator
    "$.variants[*].throughput.wall_seconds",
    "$.variants[*].throughput.cpu_seconds",
    "$.variants[*].throughput.setup_seconds",
    "$.variants[*].throughput.score_seconds",
    "$.variants[*].throughput.first_document_seconds",
    "$.variants[*].throughput.documents_per_second",
    "$.variants[*].throughput.tokens_per_second",
    "$.variants[*].throughput.megabytes_per_second",
    "$.variants[*].throughput.latency_ms",
    "$.variants[*].throughput.peak_rss_mb",
    "$.variants[*].throughput.children_peak_rss_mb",
    "$.variants[*].throughput.repetitions.wall_seconds",
    "$.variants[*].throughput.repetitions.cpu_seconds",
    "$.variants[*].throughput.repetitions.documents_per_second",
    "$.variants[*].throughput.repetitions.tokens_per_second",
    "$.variants[*].throughput.repetitions.megabytes_per_second",
};

// `j` with every allowed field's value replaced by "(varies)".
void Blank(ordered_json& j, const std::string& path) {
  if (kAllowedToDiffer.count(path)) {
    j = "(varies)";
    return;
  }
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) Blank(value, path + "." + key);
  } else if (j.is_array()) {
    for (auto& item : j) Blank(item, path + "[*]");
  }
}

std::string RunAndBlank(const std::string& config, const std::string& out,
                        const std::string& jobs) {
  auto r = testing::RunIeval(
      {"run", "--config", config, "--out", out, "--jobs", jobs, "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ordered_json report =
      ordered_json::parse(testing::ReadText(out + "/report.json"));
  Blank(report, "$");
  return report.dump(1);
}

TEST(Determinism, SameInputsAndSeedGiveTheSameReport) {
  const std::string dir = testing::MakeTempDir("determinism");
  const std::string fake = std::string(IEVAL_SOURCE_DIR) +
                           "/tests/extractors/external/testdata/"
                           "fake_extractor.py";
  testing::WriteText(
      dir + "/variants.json",
      ordered_json{
          {"variants",
           {{{"name", "rules"}, {"extractor", "rules"}},
            {{"name", "gazetteer"}, {"extractor", "gazetteer"}},
            {{"name", "external"},
             {"extractor", "external"},
             {"options",
              {{"command", {"python3", fake, "good"}}, {"processes", 2}}}}}}}
          .dump());
  testing::WriteText(
      dir + "/run.json",
      ordered_json{{"gold", std::string(IEVAL_SOURCE_DIR) + "/gold/docs"},
                   {"variants_file", "variants.json"},
                   {"statistics", {{"resamples", 300}, {"seed", 11}}}}
          .dump());
  const std::string config = dir + "/run.json";
  const std::string first = RunAndBlank(config, dir + "/a", "1");
  EXPECT_EQ(RunAndBlank(config, dir + "/b", "1"), first)
      << "two runs, --jobs 1";
  EXPECT_EQ(RunAndBlank(config, dir + "/c", "2"), first)
      << "--jobs 1 vs --jobs 2";
  // The comparison is not empty: the scores are in it.
  EXPECT_NE(first.find("\"f1\""), std::string::npos);
  EXPECT_NE(first.find("\"tp\""), std::string::npos);
}

}  // namespace
}  // namespace ieval
