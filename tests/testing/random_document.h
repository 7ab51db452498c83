// Random documents for property tests: flat (or nested) gold over a short
// text, and predictions that copy, shift, nest, overlap and mistype it.
#ifndef IEVAL_TESTS_TESTING_RANDOM_DOCUMENT_H_
#define IEVAL_TESTS_TESTING_RANDOM_DOCUMENT_H_

#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ieval/core/types.h"
#include "testing/mentions.h"

namespace ieval::testing {

struct RandomDocument {
  std::vector<Mention> gold;
  std::vector<Mention> pred;
};

// `length` code points of letters (one in five "é", so offsets in other
// units differ from code points) and no white space, so any span of it is
// valid gold.
inline std::string MakeRandomText(std::mt19937& rng, int length) {
  std::string text;
  for (int i = 0; i < length; ++i)
    text += rng() % 5 == 0
                ? std::string("\xC3\xA9")
                : std::string(1, static_cast<char>('a' + rng() % 20));
  return text;
}

// `unique_spans`: no span twice on either side (cluster tests).
// `nested_gold`: gold spans nest and overlap (and may share a span with
// another type), as LitBank's and ACE's do; else gold is flat.
inline RandomDocument MakeRandomDocument(std::mt19937& rng, int length,
                                         bool unique_spans = false,
                                         bool nested_gold = false) {
  const std::vector<std::string> types = {"A", "B", "C"};
  auto pick = [&](int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(rng);
  };
  RandomDocument d;
  if (nested_gold) {
    std::set<std::pair<int64_t, int64_t>> gold_spans;
    const int n_gold = pick(length / 2);
    for (int i = 0; i < n_gold; ++i) {
      const int start = pick(length - 1);
      const int end = std::min(length, start + 1 + pick(10));
      if (unique_spans && !gold_spans.insert({start, end}).second) continue;
      Mention m = MakeMention("G" + std::to_string(d.gold.size()), start, end,
                              types[static_cast<size_t>(pick(3))]);
      if (pick(5) > 0) m.entity = "e" + std::to_string(pick(4));
      d.gold.push_back(m);
    }
  }
  for (int pos = pick(3); !nested_gold && pos < length;) {
    const int len = 1 + pick(5);
    if (pos + len > length) break;
    Mention m = MakeMention("G" + std::to_string(d.gold.size()), pos, pos + len,
                            types[static_cast<size_t>(pick(3))]);
    if (pick(5) > 0) m.entity = "e" + std::to_string(pick(4));
    d.gold.push_back(m);
    pos += len + pick(4);
  }
  const int n_pred = pick(static_cast<int>(d.gold.size()) + 4);
  std::set<std::pair<int64_t, int64_t>> spans;
  for (int i = 0; i < n_pred; ++i) {
    Mention m;
    if (!d.gold.empty() && pick(2) == 0) {
      m = d.gold[static_cast<size_t>(pick(static_cast<int>(d.gold.size())))];
      if (pick(3) == 0) m.start = std::max<int64_t>(0, m.start - pick(3));
      if (pick(3) == 0) m.end = std::max<int64_t>(m.start + 1, m.end - pick(3));
      if (pick(3) == 0) m.end += pick(4);
      if (pick(4) == 0) m.type = types[static_cast<size_t>(pick(3))];
    } else {
      const int start = pick(length);
      m = MakeMention("", start, start + 1 + pick(8),
                      types[static_cast<size_t>(pick(3))]);
    }
    m.id = "P" + std::to_string(i);
    m.entity.reset();
    if (pick(5) > 0) m.entity = "r" + std::to_string(pick(4));
    if (unique_spans && !spans.insert({m.start, m.end}).second) continue;
    d.pred.push_back(m);
  }
  return d;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_RANDOM_DOCUMENT_H_
