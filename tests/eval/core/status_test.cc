#include "ieval/core/status.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

TEST(Status, OkPrintsOk) { EXPECT_EQ(Status::Ok().ToString(), "OK"); }

TEST(Status, NamesFileLineDocumentAndAnnotation) {
  Status s = Status::InvalidInput("end 120 > text length 118",
                                  Where{"gold/003.json", 7, "003_64a0", "T7"});
  EXPECT_EQ(s.ToString(),
            "gold/003.json:7: 003_64a0: T7: end 120 > text length 118");
}

TEST(Status, LeavesOutWhatIsUnknown) {
  EXPECT_EQ(
      Status::IoError("cannot read", Where{"x.json", 0, "", ""}).ToString(),
      "x.json: cannot read");
}

TEST(Result, HoldsAValueOrAStatus) {
  Result<int> good = 3;
  Result<int> bad = Status::Usage("no");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kUsage);
}

}  // namespace
}  // namespace ieval
