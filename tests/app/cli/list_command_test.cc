// `ieval list` through the real binary shows the three shipped rule-based
// back ends with their options.
#include <gtest/gtest.h>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

TEST(ListCli, ShowsGazetteerRulesAndRelationsWithOptions) {
  const auto result = testing::RunIeval({"list"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const char* expected :
       {"gazetteer\n", "--option lists=<string>", "--option data_dir=<path>",
        "rules\n", "--option types=<string>", "relations\n",
        "--option upstream=<string>", "; relations"}) {
    EXPECT_NE(result.out.find(expected), std::string::npos) << expected;
  }
}

}  // namespace
}  // namespace ieval
