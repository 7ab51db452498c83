#include "testing/stats_fixtures.h"

#include <fstream>
#include <random>
#include <stdexcept>

namespace ieval::testing {

nlohmann::json LoadFixtureCases(const std::string& name) {
  const std::string path =
      std::string(IEVAL_SOURCE_DIR) + "/tests/eval/stats/fixtures/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return nlohmann::json::parse(in).at("cases");
}

std::vector<PrfCounts> CountsFromJson(const nlohmann::json& rows) {
  std::vector<PrfCounts> out;
  for (const auto& r : rows) {
    out.push_back(
        {r.at(0).get<double>(), r.at(1).get<double>(), r.at(2).get<double>()});
  }
  return out;
}

std::vector<PrfCounts> SyntheticCorpus(const Synthetic& s, int documents,
                                       uint64_t seed) {
  // Deliberately naive (modulo and comparisons, not the library's
  // samplers), so the tests do not check the samplers with themselves.
  std::mt19937_64 rng(seed);
  auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::vector<PrfCounts> out;
  for (int d = 0; d < documents; ++d) {
    PrfCounts c;
    const int gold = 1 + static_cast<int>(rng() % 10);
    for (int g = 0; g < gold; ++g) (uniform() < s.recall ? c.tp : c.fn) += 1;
    const int candidates = static_cast<int>(rng() % 5);
    for (int k = 0; k < candidates; ++k) c.fp += uniform() < s.spurious;
    out.push_back(c);
  }
  return out;
}

PairedCorpus SyntheticPair(const Synthetic& a, const Synthetic& b,
                           int documents, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  PairedCorpus out;
  for (int d = 0; d < documents; ++d) {
    PrfCounts ca, cb;
    const int gold = 1 + static_cast<int>(rng() % 10);
    for (int g = 0; g < gold; ++g) {
      (uniform() < a.recall ? ca.tp : ca.fn) += 1;
      (uniform() < b.recall ? cb.tp : cb.fn) += 1;
    }
    const int candidates = static_cast<int>(rng() % 5);
    for (int k = 0; k < candidates; ++k) {
      ca.fp += uniform() < a.spurious;
      cb.fp += uniform() < b.spurious;
    }
    out.a.push_back(ca);
    out.b.push_back(cb);
  }
  return out;
}

double TrueF1(const Synthetic& s) {
  // Expected counts per document: gold 5.5, candidates 2.
  return F1(PrfCounts{5.5 * s.recall, 2.0 * s.spurious, 5.5 * (1 - s.recall)});
}

}  // namespace ieval::testing
