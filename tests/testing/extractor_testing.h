// Helpers for the extractor tests: code-point offsets of a substring (so
// expectations are written as text, not as hand-counted numbers), mention
// look-up by surface text or type, a field of every mention as a list to
// compare in one expectation, and the thread-safety check every extractor
// must pass.
#ifndef IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_
#define IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "ieval/core/types.h"

namespace ieval::testing {

// Code points in UTF-8 `s`.
inline int64_t Codepoints(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Code-point offset of the `nth` (0-based) occurrence of `needle`; -1 when
// absent.
inline int64_t CpOffset(const std::string& text, const std::string& needle,
                        int nth = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) {
    at = text.find(needle, at + 1);
  }
  return at == std::string::npos ? -1 : Codepoints(text.substr(0, at));
}

// The mentions whose text is `surface`, in order.
inline std::vector<Mention> WithText(const std::vector<Mention>& mentions,
                                     const std::string& surface) {
  std::vector<Mention> out;
  for (const Mention& m : mentions) {
    if (m.text && *m.text == surface) out.push_back(m);
  }
  return out;
}

// The mentions of `type`.
inline std::vector<Mention> OfType(const std::vector<Mention>& mentions,
                                   const std::string& type) {
  std::vector<Mention> out;
  for (const Mention& m : mentions) {
    if (m.type == type) out.push_back(m);
  }
  return out;
}

// The surface texts of `mentions`, in order ("" for a mention without one).
inline std::vector<std::string> Texts(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) out.push_back(m.text.value_or(""));
  return out;
}

// The entity ids of `mentions`, in order ("" for a mention without one).
inline std::vector<std::string> Entities(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) out.push_back(m.entity.value_or(""));
  return out;
}

// Calls `extract` from four threads at once, `rounds` times each, and
// expects every answer to equal the one of a call made alone before: an
// extractor's Extract is const and must be safe to share between threads.
// Returns that first answer, for the test's own checks.
template <typename Extract>
auto ExpectSameAnswerOnEveryThread(const Extract& extract, int rounds = 20) {
  const auto serial = extract();
  std::vector<int> differing(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < differing.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < rounds; ++i) differing[t] += !(extract() == serial);
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(differing, std::vector<int>(differing.size(), 0))
      << "answers unlike the serial one, per thread";
  return serial;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_
