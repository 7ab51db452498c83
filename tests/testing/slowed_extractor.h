// The speed fixture of the speed-gate tests through the binary: the
// scripted external extractor (tests/extractors/external/testdata/
// fake_extractor.py, mode "slow") sleeping a set time per document,
// measured three times at once — a baseline at 60 ms a document, one 30 %
// slower (78 ms) and one 1 % slower (60.6 ms). The sleep dominates the
// extractor's time, and the three runs go at the same time, so a burst of
// load on a shared machine (which delays every wake-up by milliseconds)
// slows all three alike instead of one run only. Nothing is timed by the
// tests: they compare the runs with the gate's own rules.
#ifndef IEVAL_TESTS_TESTING_SLOWED_EXTRACTOR_H_
#define IEVAL_TESTS_TESTING_SLOWED_EXTRACTOR_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "testing/cli_runner.h"

namespace ieval::testing {

// A variant of a variants file: the external extractor running
// `python3 fake_extractor.py MODE ARGUMENT`.
nlohmann::json FakeExtractorVariant(const std::string& name,
                                    const std::string& mode,
                                    const std::string& argument,
                                    double timeout = 10);

// Where the three measurements were written.
struct SlowedRuns {
  std::string baseline;   // 60 ms a document
  std::string slower_30;  // 78 ms (+30 %)
  std::string slower_1;   // 60.6 ms (+1 %)
};

// Calls `measure(milliseconds, out)` for the three at the same time, each
// on its own thread; `measure` runs ieval with the fake sleeping that long
// (FakeExtractorVariant(…, "slow", milliseconds)) and writes to `out`:
// DIR/base, DIR/slow and DIR/same, each followed by `suffix` (".json" for
// a file). Expects each run to exit 0.
SlowedRuns MeasureSlowedExtractor(
    const std::string& dir, const std::string& suffix,
    const std::function<CommandResult(const std::string& milliseconds,
                                      const std::string& out)>& measure);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_SLOWED_EXTRACTOR_H_
