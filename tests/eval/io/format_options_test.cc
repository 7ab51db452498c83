// Format names round-trip, and repairs are reported once per kind with a
// count and the first place they happened.
#include "ieval/io/format_options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ieval {
namespace {

TEST(FormatOptions, EveryNameParsesBackToItsFormat) {
  for (const std::string& name : AnnotationFormatNames()) {
    const auto format = ParseAnnotationFormat(name);
    ASSERT_TRUE(format.has_value()) << name;
    EXPECT_EQ(AnnotationFormatName(*format), name);
  }
}

TEST(FormatOptions, UnknownNameIsRejected) {
  EXPECT_FALSE(ParseAnnotationFormat("Brat").has_value());
  EXPECT_FALSE(ParseAnnotationFormat("").has_value());
}

TEST(FormatOptions, RepairsMergeByKindAndKeepTheFirstPlace) {
  std::vector<FormatRepair> repairs;
  NoteRepair(&repairs, "CRLF counted as one character", "a.ann:3");
  NoteRepair(&repairs, "offsets converted from UTF-16", "x.json: task 1");
  NoteRepair(&repairs, "CRLF counted as one character", "b.ann:9");
  ASSERT_EQ(repairs.size(), 2u);
  EXPECT_EQ(repairs[0].count, 2);
  EXPECT_EQ(repairs[0].example, "a.ann:3");
  EXPECT_EQ(repairs[1].count, 1);
}

}  // namespace
}  // namespace ieval
