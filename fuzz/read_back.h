// The files `ieval gate` and `ieval compare` read back — score files
// (`score --json`), run reports (report.json), Google Benchmark JSON — taken
// through every command that reads them, with few resamples so an input
// costs milliseconds. Shared by the score_file, report_json and
// benchmark_json targets, which differ in their seed corpora.
#ifndef IEVAL_FUZZ_READ_BACK_H_
#define IEVAL_FUZZ_READ_BACK_H_

#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ieval/gate/gate.h"
#include "ieval/gate/inputs.h"
#include "ieval/gate/render.h"
#include "ieval/gate/rules.h"
#include "ieval/report/compare.h"

namespace ieval::fuzz {

inline void ReadBack(std::string_view text, const std::string& name) {
  static const GateRules rules = [] {
    GateRules r = *ParseGateRules(DefaultGateRulesText(), "default");
    r.statistics.resamples = 20;
    return r;
  }();
  auto input = ParseGateInput(text, name);
  if (input.ok()) {
    // A file against itself: every check runs (and nothing regresses).
    auto report = RunGate({*input}, {*input}, rules);
    if (report.ok()) {
      (void)RenderGateMarkdown(*report);
      (void)RenderGateJUnit(*report);
    }
  }
  const std::string path = WriteScratch(text, name);
  CompareOptions options;
  options.bootstrap.resamples = 20;
  auto comparison = CompareFiles(path, path, options);
  if (comparison.ok()) {
    (void)ComparisonToText(*comparison);
    (void)ComparisonToJson(*comparison);
  }
}

}  // namespace ieval::fuzz

#endif  // IEVAL_FUZZ_READ_BACK_H_
