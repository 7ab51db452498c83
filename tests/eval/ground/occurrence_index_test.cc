#include "ieval/ground/occurrence_index.h"

#include <gtest/gtest.h>

#include <random>

namespace ieval {
namespace {

std::vector<int64_t> BruteForce(std::string_view text, std::string_view p) {
  std::vector<int64_t> found;
  if (p.empty()) return found;
  for (size_t at = text.find(p); at != std::string_view::npos;
       at = text.find(p, at + 1)) {
    found.push_back(static_cast<int64_t>(at));
  }
  return found;
}

TEST(OccurrenceIndexTest, FindsOverlappingNestedAndRepeatedPatterns) {
  const std::vector<std::string> patterns = {"he", "she", "his", "hers",
                                             "",   "she", "e"};
  const std::string text = "ushershe his";
  const auto found = OccurrenceIndex(patterns).FindAll(text);
  ASSERT_EQ(found.size(), patterns.size());
  for (size_t k = 0; k < patterns.size(); ++k) {
    EXPECT_EQ(found[k], BruteForce(text, patterns[k])) << patterns[k];
  }
  EXPECT_EQ(found[1], (std::vector<int64_t>{1, 5}));
}

TEST(OccurrenceIndexTest, AgreesWithFindOnRandomTexts) {
  std::mt19937_64 rng(7);
  auto random_string = [&](size_t len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) s.push_back("abc\xC3\xA9"[rng() % 5]);
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    const std::string text = random_string(300);
    std::vector<std::string> patterns;
    for (int k = 0; k < 20; ++k)
      patterns.push_back(random_string(1 + rng() % 6));
    const auto found = OccurrenceIndex(patterns).FindAll(text);
    for (size_t k = 0; k < patterns.size(); ++k) {
      ASSERT_EQ(found[k], BruteForce(text, patterns[k]))
          << "round " << round << " pattern " << patterns[k];
    }
  }
}

}  // namespace
}  // namespace ieval
