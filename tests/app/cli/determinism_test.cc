// Same inputs and seed, same report.json: two runs, and --jobs 1 against
// --jobs 2, agree on every field but those listed in
// reports/varying-fields.txt (timings, the machine, the jobs asked for), key
// order included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
using nlohmann::ordered_json;

// JSON paths ([*] for any element) whose values may differ between runs,
// from reports/varying-fields.txt (which scripts/same-report reads too).
std::set<std::string> VaryingFields() {
  std::set<std::string> paths;
  std::istringstream lines(testing::ReadText(std::string(IEVAL_SOURCE_DIR) +
                                             "/reports/varying-fields.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') paths.insert(line);
  }
  return paths;
}

const std::set<std::string>& AllowedToDiffer() {
  static const std::set<std::string> paths = VaryingFields();
  return paths;
}

// `j` with every allowed field's value replaced by "(varies)".
void Blank(ordered_json& j, const std::string& path) {
  if (AllowedToDiffer().count(path)) {
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
  // The list is read, and the comparison is not empty: the scores are in it.
  EXPECT_TRUE(AllowedToDiffer().count("$.total_seconds"));
  EXPECT_NE(first.find("\"f1\""), std::string::npos);
  EXPECT_NE(first.find("\"tp\""), std::string::npos);
}

}  // namespace
}  // namespace ieval
