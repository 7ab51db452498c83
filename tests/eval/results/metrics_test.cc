// The one metric-path language: short and long forms name the same
// metric, for the run's statistics, `ieval compare` and the gate alike.
#include "ieval/results/metrics.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

TEST(ParseMetric, ShortAndLongFormsNameTheSameCounts) {
  for (const char* name : {"entities.strict", "entities.strict.overall"}) {
    auto m = ParseMetric(name);
    ASSERT_TRUE(m.ok()) << name;
    EXPECT_EQ(m->Name(), "entities.strict");
    EXPECT_EQ(m->CountsPath(), "entities.strict.overall");
  }
  for (const char* name : {"relations.boundaries.member_of",
                           "relations.boundaries.per_type.member_of"}) {
    auto m = ParseMetric(name);
    ASSERT_TRUE(m.ok()) << name;
    EXPECT_EQ(m->family, MetricRef::Family::kRelations);
    EXPECT_EQ(m->type, "member_of");
    EXPECT_EQ(m->CountsPath(), "relations.boundaries.per_type.member_of");
  }
}

TEST(ParseMetric, UnknownFamiliesAndModesAreUsageErrors) {
  for (const char* name : {"entities", "entities.fuzzy", "relations.type",
                           "clusters.conll_f1", "entities.strict.", ""}) {
    auto m = ParseMetric(name);
    ASSERT_FALSE(m.ok()) << name;
    EXPECT_EQ(m.status().code(), Status::Code::kUsage);
  }
}

TEST(LongMetricPath, InsertsOverallOrPerType) {
  EXPECT_EQ(LongMetricPath("entities.strict.f1"), "entities.strict.overall.f1");
  EXPECT_EQ(LongMetricPath("relations.*.f1"), "relations.*.overall.f1");
  EXPECT_EQ(LongMetricPath("entities.strict.PER.f1"),
            "entities.strict.per_type.PER.f1");
  EXPECT_EQ(LongMetricPath("entities.partial.per_type.PER.f1"), "");
  EXPECT_EQ(LongMetricPath("entities.strict.overall.f1"), "");
  EXPECT_EQ(LongMetricPath("clusters.conll_f1"), "");
}

TEST(CountsPathOf, IsWhereAStatisticIsReadFrom) {
  EXPECT_EQ(CountsPathOf("entities.strict.overall.f1"), "entities.strict");
  EXPECT_EQ(CountsPathOf("entities.strict.per_type.PER.f1"),
            "entities.strict.per_type.PER");
  EXPECT_EQ(CountsPathOf("values.DATE.accuracy"), "values.DATE");
}

}  // namespace
}  // namespace ieval
