// Helpers for the extractor tests: code-point offsets of a substring (so
// expectations are written as text, not as hand-counted numbers) and
// mention look-up by surface text.
#ifndef IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_
#define IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_

#include <cstdint>
#include <string>
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

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_EXTRACTOR_TESTING_H_
