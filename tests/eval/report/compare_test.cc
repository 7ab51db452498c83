// ieval compare's library: verdicts on synthetic score files, pairing of
// run reports, errors.
#include "ieval/report/compare.h"

#include <gtest/gtest.h>

#include "ieval/report/report_json.h"
#include "ieval/report/score_report.h"
#include "testing/cli_runner.h"
#include "testing/small_run.h"

namespace ieval {
namespace {

// A score file of `n` documents whose strict PER counts are `c` each.
std::string ScoreFile(const std::string& dir, const std::string& name, int n,
                      PrfCounts c, int first_doc = 0) {
  CorpusScores corpus;
  for (int i = 0; i < n; ++i) {
    DocumentScores d;
    d.doc_id = "doc" + std::to_string(first_doc + i);
    TypedCounts& strict = d.entities.modes[0];
    strict.overall = c;
    strict.per_type["PER"] = c;
    corpus.Add(d);
  }
  const std::string path = dir + "/" + name + ".json";
  testing::WriteText(path, ScoresToJson(corpus, ScoreOptions{}));
  return path;
}

const CompareRow& Row(const Comparison& c, const std::string& metric) {
  for (const CompareRow& r : c.pairs.at(0).rows)
    if (r.metric == metric) return r;
  throw std::runtime_error("no row " + metric);
}

class CompareTest : public ::testing::Test {
 protected:
  // Compares a score file of `n` documents with strict PER counts `a` each
  // to one whose documents have `b`.
  Comparison CompareScores(int n, PrfCounts a, PrfCounts b) {
    auto c = CompareFiles(ScoreFile(dir_, "a", n, a),
                          ScoreFile(dir_, "b", n, b), options_);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(c).value() : Comparison{};
  }

  std::string dir_ = testing::MakeTempDir("compare");
  CompareOptions options_;
};

TEST_F(CompareTest, ClearlyHigherF1OnEveryDocumentIsBetter) {
  const Comparison c = CompareScores(30, {5, 5, 5}, {9, 1, 1});
  const CompareRow& r = Row(c, "entities.strict");
  EXPECT_DOUBLE_EQ(F1(r.a), 0.5);
  EXPECT_DOUBLE_EQ(F1(r.b), 0.9);
  EXPECT_NEAR(r.bootstrap.difference.estimate, 0.4, 1e-12);
  EXPECT_LT(r.p_holm, 0.05);
  EXPECT_EQ(r.verdict, "better");
  EXPECT_EQ(Row(c, "entities.strict.PER").verdict, "better");
}

TEST_F(CompareTest, ClearlyLowerF1IsWorse) {
  const Comparison c = CompareScores(30, {9, 1, 1}, {5, 5, 5});
  EXPECT_EQ(Row(c, "entities.strict").verdict, "worse");
}

TEST_F(CompareTest, SameScoresShowNoSignificantDifference) {
  const Comparison c = CompareScores(30, {7, 3, 2}, {7, 3, 2});
  const CompareRow& r = Row(c, "entities.strict");
  EXPECT_EQ(r.bootstrap.difference.estimate, 0);
  EXPECT_EQ(r.bootstrap.p_value, 1);
  EXPECT_EQ(r.verdict, "no significant difference");
}

TEST_F(CompareTest, SmallDifferenceOnFewDocumentsIsNotSignificant) {
  const Comparison c = CompareScores(3, {5, 5, 5}, {6, 4, 4});
  EXPECT_EQ(Row(c, "entities.strict").verdict, "no significant difference");
}

TEST_F(CompareTest, RowsOrderModesStrictExactPartialTypeThenRelations) {
  const Comparison c = CompareScores(3, {5, 5, 5}, {6, 4, 4});
  std::vector<std::string> overall;
  for (const CompareRow& r : c.pairs.at(0).rows)
    if (r.metric.find(".PER") == std::string::npos) overall.push_back(r.metric);
  EXPECT_EQ(overall,
            (std::vector<std::string>{
                "entities.strict", "entities.exact", "entities.partial",
                "entities.type", "relations.strict", "relations.boundaries"}));
  // Each mode's types follow its overall row.
  EXPECT_EQ(c.pairs.at(0).rows.at(1).metric, "entities.strict.PER");
}

TEST_F(CompareTest, DifferentDocumentsCannotBePaired) {
  const auto a = ScoreFile(dir_, "a", 3, {5, 5, 5});
  const auto b = ScoreFile(dir_, "b", 3, {5, 5, 5}, 1);
  auto c = CompareFiles(a, b, options_);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("only in " + a + ": doc0"),
            std::string::npos)
      << c.status().message();
  EXPECT_NE(c.status().message().find("doc3"), std::string::npos);
}

TEST_F(CompareTest, RunReportsPairVariantsByName) {
  const std::string run = dir_ + "/report.json";
  testing::WriteText(run, RunReportToJson(testing::SmallRun()));
  auto c = CompareFiles(run, run, options_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->pairs.size(), 2u);  // perfect and lossy; broken failed
  EXPECT_EQ(c->pairs[0].a_name, "perfect");
  EXPECT_EQ(c->pairs[0].b_name, "perfect");
  EXPECT_EQ(c->pairs[0].documents, 3);
}

TEST_F(CompareTest, NamedVariantsOfOneRunCompareWithEachOther) {
  const std::string run = dir_ + "/report.json";
  testing::WriteText(run, RunReportToJson(testing::SmallRun()));
  options_.a_variant = "perfect";
  options_.b_variant = "lossy";
  auto c = CompareFiles(run, run, options_);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->pairs.size(), 1u);
  EXPECT_LT(Row(*c, "entities.strict").bootstrap.difference.estimate, 0);
}

TEST_F(CompareTest, UnknownVariantListsTheKnownOnes) {
  const std::string run = dir_ + "/report.json";
  testing::WriteText(run, RunReportToJson(testing::SmallRun()));
  options_.a_variant = "nope";
  auto c = CompareFiles(run, run, options_);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("perfect, lossy"), std::string::npos);
}

TEST_F(CompareTest, FileOfAnotherKindIsBadInput) {
  testing::WriteText(dir_ + "/x.json", "{\"hello\": 1}");
  auto c = CompareFiles(dir_ + "/x.json", dir_ + "/x.json", options_);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidInput);
}

TEST_F(CompareTest, JsonOutputHasOneRowPerMetric) {
  const std::string json =
      ComparisonToJson(CompareScores(30, {5, 5, 5}, {5, 5, 5}));
  EXPECT_NE(json.find("\"metric\": \"entities.strict.PER\""),
            std::string::npos);
  EXPECT_NE(json.find("\"verdict\": \"no significant difference\""),
            std::string::npos);
}

// A score file read back is checked before any test runs on it: a
// negative count would give a verdict, not an error.
TEST_F(CompareTest, ACountIevalCannotHaveWrittenIsAnErrorNamingItsPath) {
  const std::string a = ScoreFile(dir_, "a", 3, {5, 5, 5});
  std::string text = testing::ReadText(ScoreFile(dir_, "b", 3, {5, 5, 5}));
  const size_t at = text.find("\"documents\"");
  ASSERT_NE(at, std::string::npos);
  const size_t tp = text.find("\"tp\": 5", at);
  ASSERT_NE(tp, std::string::npos);
  text.replace(tp, 7, "\"tp\": -5");
  const std::string b = dir_ + "/negative.json";
  testing::WriteText(b, text);
  auto c = CompareFiles(a, b, options_);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidInput);
  EXPECT_EQ(c.status().ToString(),
            b + ": $.documents[0].entities.strict.tp: expected a count (an "
                "integer ≥ 0), not -5");
}

TEST_F(CompareTest, ADocumentListedTwiceIsAnError) {
  const std::string a = ScoreFile(dir_, "a", 2, {5, 5, 5});
  std::string text = testing::ReadText(a);
  const size_t doc1 = text.find("\"doc1\"");
  ASSERT_NE(doc1, std::string::npos);
  text.replace(doc1, 6, "\"doc0\"");
  const std::string b = dir_ + "/twice.json";
  testing::WriteText(b, text);
  auto c = CompareFiles(a, b, options_);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("document \"doc0\" appears twice"),
            std::string::npos)
      << c.status().ToString();
}

}  // namespace
}  // namespace ieval
