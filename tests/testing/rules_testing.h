// A rules extractor shared by the rules tests (built once per binary).
#ifndef IEVAL_TESTS_TESTING_RULES_TESTING_H_
#define IEVAL_TESTS_TESTING_RULES_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "ieval/extractors/rules/rules.h"

namespace ieval::testing {

inline const RulesExtractor& SharedRules() {
  static const RulesExtractor* rules = [] {
    auto created = RulesExtractor::Create(RulesOptions{});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? std::move(created).value().release() : nullptr;
  }();
  return *rules;
}

// The rules' mentions of `text`.
inline std::vector<Mention> Rules(const std::string& text) {
  auto out = SharedRules().Extract(Document{"d", text});
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? out->mentions : std::vector<Mention>{};
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_RULES_TESTING_H_
