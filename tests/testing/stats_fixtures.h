// Helpers for the statistics tests: the numpy/scipy fixtures and synthetic
// corpora drawn from a known distribution.
#ifndef IEVAL_TESTS_TESTING_STATS_FIXTURES_H_
#define IEVAL_TESTS_TESTING_STATS_FIXTURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ieval/score/counts.h"

namespace ieval::testing {

// tests/eval/stats/fixtures/<name>, parsed; the "cases" array.
nlohmann::json LoadFixtureCases(const std::string& name);

// [[tp, fp, fn], ...] -> counts.
std::vector<PrfCounts> CountsFromJson(const nlohmann::json& rows);

// A synthetic extractor on a synthetic corpus, from plain Bernoulli draws:
// document i has 1..10 gold mentions (uniform), each found with probability
// `recall`; 0..4 spurious candidates (uniform), each predicted with
// probability `spurious`. The population's micro F1 (of expected counts) is
// TrueF1(recall, spurious).
struct Synthetic {
  double recall = 0.8;
  double spurious = 0.3;
};
std::vector<PrfCounts> SyntheticCorpus(const Synthetic& s, int documents,
                                       uint64_t seed);
double TrueF1(const Synthetic& s);

// Two extractors on the same synthetic documents (same gold mentions and
// spurious candidates per document), drawing independently.
struct PairedCorpus {
  std::vector<PrfCounts> a, b;
};
PairedCorpus SyntheticPair(const Synthetic& a, const Synthetic& b,
                           int documents, uint64_t seed);

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_STATS_FIXTURES_H_
