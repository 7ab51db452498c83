// "Did you mean" for unknown keys (eval/io/include/ieval/io/closest_name.h).
#include "ieval/io/closest_name.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

TEST(EditDistance, CountsEditsAndSwapsWithoutCase) {
  EXPECT_EQ(EditDistance("entites", "entities"), 1u);
  EXPECT_EQ(EditDistance("tpye", "type"), 1u);  // a swap is one edit
  EXPECT_EQ(EditDistance("Type", "type"), 0u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(ClosestName, SuggestsOnlyCloseNames) {
  const std::initializer_list<std::string_view> keys = {
      "doc_id", "text", "offset_unit", "entities", "relations"};
  EXPECT_EQ(ClosestName("entites", keys), "entities");
  EXPECT_EQ(ClosestName("relation", keys), "relations");
  EXPECT_EQ(ClosestName("docid", keys), "doc_id");
  EXPECT_EQ(ClosestName("spans", keys), "");  // another format's key
  EXPECT_EQ(ClosestName("meta", keys), "");
  EXPECT_EQ(DidYouMean("Text", keys), " (did you mean \"text\"?)");
  EXPECT_EQ(DidYouMean("x", keys), "");
}

}  // namespace
}  // namespace ieval
