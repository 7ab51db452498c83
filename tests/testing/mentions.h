// Hand-made annotations for tests: a mention from its id, span and type,
// so a test's documents read as what they are.
#ifndef IEVAL_TESTS_TESTING_MENTIONS_H_
#define IEVAL_TESTS_TESTING_MENTIONS_H_

#include <cstdint>
#include <string>

#include "ieval/core/types.h"

namespace ieval::testing {

inline Mention MakeMention(const std::string& id, int64_t start, int64_t end,
                           const std::string& type) {
  Mention m;
  m.id = id;
  m.start = start;
  m.end = end;
  m.type = type;
  return m;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_MENTIONS_H_
