// StringTable: ids in order of first appearance, found again after the
// table grows, the bytes of every string kept exactly (UTF-8 with accents,
// « » and no-break spaces; the empty string).
#include "ieval/core/string_table.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

namespace ieval {
namespace {

TEST(StringTable, NumbersStringsInOrderOfFirstAppearance) {
  StringTable table;
  EXPECT_EQ(table.Intern("PER"), std::make_pair(0u, true));
  EXPECT_EQ(table.Intern("LOC"), std::make_pair(1u, true));
  EXPECT_EQ(table.Intern("PER"), std::make_pair(0u, false));
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.Name(1), "LOC");
}

TEST(StringTable, FindsWhatWasInternedAndNothingElse) {
  StringTable table;
  EXPECT_EQ(table.Find("x"), StringTable::kNotFound);  // empty table
  table.Intern("x");
  EXPECT_EQ(table.Find("x"), 0u);
  EXPECT_TRUE(table.Contains("x"));
  EXPECT_FALSE(table.Contains("y"));
  EXPECT_FALSE(table.Contains("x "));
}

TEST(StringTable, KeepsTheBytesOfEveryString) {
  StringTable table;
  const std::string texts[] = {"",   "Élysée", "«\u00a0Kim\u00a0»",
                               "T1", "t1",     "Pyongyang\u202f"};
  for (const std::string& t : texts) table.Intern(t);
  ASSERT_EQ(table.size(), 6u);
  for (uint32_t i = 0; i < 6; ++i) {
    EXPECT_EQ(table.Name(i), texts[i]);
    EXPECT_EQ(table.Find(texts[i]), i);
  }
}

TEST(StringTable, IdsSurviveGrowingAgainstAMapOracle) {
  StringTable table(3);  // far too small: grows many times
  std::unordered_map<std::string, uint32_t> oracle;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 50000; ++i) {
      const std::string s = "doc-" + std::to_string(i * 7919 % 100003);
      const auto [id, fresh] = table.Intern(s);
      const auto [it, inserted] =
          oracle.emplace(s, static_cast<uint32_t>(oracle.size()));
      EXPECT_EQ(fresh, inserted);
      EXPECT_EQ(id, it->second);
    }
  }
  EXPECT_EQ(table.size(), oracle.size());
  for (const auto& [s, id] : oracle) EXPECT_EQ(table.Name(id), s);
}

}  // namespace
}  // namespace ieval
