#include "testing/slowed_extractor.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace ieval::testing {

nlohmann::json FakeExtractorVariant(const std::string& name,
                                    const std::string& mode,
                                    const std::string& argument,
                                    double timeout) {
  const std::string script =
      IEVAL_SOURCE_DIR "/tests/extractors/external/testdata/fake_extractor.py";
  return {
      {"name", name},
      {"extractor", "external"},
      {"options",
       {{"command", nlohmann::json::array({"python3", script, mode, argument})},
        {"timeout", timeout}}}};
}

SlowedRuns MeasureSlowedExtractor(
    const std::string& dir, const std::string& suffix,
    const std::function<CommandResult(const std::string& milliseconds,
                                      const std::string& out)>& measure) {
  const SlowedRuns runs{dir + "/base" + suffix, dir + "/slow" + suffix,
                        dir + "/same" + suffix};
  const std::pair<const char*, std::string> plan[] = {
      {"60", runs.baseline}, {"78", runs.slower_30}, {"60.6", runs.slower_1}};
  std::vector<std::thread> threads;
  for (const auto& [ms, out] : plan)
    threads.emplace_back([&measure, ms = std::string(ms), out = out] {
      const CommandResult r = measure(ms, out);
      EXPECT_EQ(r.exit_code, 0) << ms << " ms: " << r.err;
    });
  for (std::thread& t : threads) t.join();
  return runs;
}

}  // namespace ieval::testing
