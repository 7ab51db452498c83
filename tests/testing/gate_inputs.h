// Synthetic gate inputs for the tests: `ieval score --json` objects and
// report.json files built from per-document counts (every corpus number is
// the sum of the documents', as the scorer writes them), and Google
// Benchmark JSON from given repetition times.
#ifndef IEVAL_TESTS_TESTING_GATE_INPUTS_H_
#define IEVAL_TESTS_TESTING_GATE_INPUTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ieval/gate/gate.h"
#include "ieval/score/counts.h"

namespace ieval::testing {

// One document's counts. Strict entity counts per type (the overall counts
// are their sum; the exact, partial and type modes repeat them), relation
// counts and error-category counts.
struct SynthDoc {
  std::string id;
  std::map<std::string, PrfCounts> types;
  PrfCounts relations;
  std::map<std::string, double> errors;  // "missed", "spurious"…
  // Each sentence's strict counts per type (the other modes repeat them);
  // written as the scores' "units" when any document has some.
  std::vector<std::map<std::string, PrfCounts>> sentences;
};

// `docs` cut into `per_doc` sentences each that add up to the document:
// every true positive, false positive and false negative of each type is
// dealt to the next sentence in turn. The same `per_doc` gives baseline
// and current the same sentences, as one gold does.
std::vector<SynthDoc> WithSentences(std::vector<SynthDoc> docs, int per_doc);

// `n` documents "d00", "d01"…; document i gets `counts(i)` as its PER
// counts, and LOC {2, 0, 0}; relations {1, 0, 0}; errors derived from the
// PER counts (missed = fn, spurious = fp).
std::vector<SynthDoc> MakeDocs(int n, PrfCounts (*counts)(int));
std::vector<SynthDoc> MakeDocs(const std::vector<PrfCounts>& per_doc);

// The score --json object of `docs`, scored with `min_overlap` (options
// must agree between compared files).
std::string ScoreJson(const std::vector<SynthDoc>& docs,
                      double min_overlap = 0.0);

// A report.json of ieval run with these variants (all "ok") plus
// `failed` variants with status "failed" and `skipped` ones "skipped".
std::string RunReportJson(
    const std::vector<std::pair<std::string, std::vector<SynthDoc>>>& variants,
    const std::vector<std::string>& failed = {},
    const std::vector<std::string>& skipped = {});

// Google Benchmark JSON: each benchmark's repetition times (ns), with the
// mean/median/stddev aggregate rows Google Benchmark adds.
std::string BenchmarkJson(
    const std::vector<std::pair<std::string, std::vector<double>>>& runs,
    const std::string& host = "ci-host");

// `n` times around `mean` with uniform relative noise of +-`noise`, from a
// seeded std::mt19937_64 (raw outputs, so every standard library agrees).
std::vector<double> Samples(int n, double mean, double noise, uint64_t seed);

// Parses `text` as a gate input; the test fails on error.
GateInputFile Input(const std::string& text, const std::string& path);

// Parses rules; the test fails on error.
GateRules Rules(const std::string& json);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_GATE_INPUTS_H_
