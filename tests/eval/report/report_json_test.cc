// report.json: the schema other tools read (the gate reads per-document
// counts per variant), failed variants, statistics.
#include "ieval/report/report_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/small_run.h"

namespace ieval {
namespace {

using nlohmann::json;

json SmallReport() { return json::parse(RunReportToJson(testing::SmallRun())); }

const json& Variant(const json& report, const std::string& name) {
  for (const json& v : report["variants"])
    if (v["name"] == name) return v;
  throw std::runtime_error("no variant " + name);
}

TEST(ReportJson, NamesItsFormatAndVersion) {
  const json r = SmallReport();
  EXPECT_EQ(r["format"], "ieval-run");
  EXPECT_EQ(r["format_version"], 1);
  EXPECT_EQ(r["ieval_version"], "ieval test");
}

TEST(ReportJson, CarriesPerDocumentCountsOfEveryScoredVariant) {
  const json r = SmallReport();
  const json& docs = Variant(r, "lossy")["scores"]["documents"];
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0]["doc_id"], "a");
  // Élysée missed: 3 of 4 strict, no false positive.
  EXPECT_EQ(docs[0]["entities"]["strict"]["tp"], 3);
  EXPECT_EQ(docs[0]["entities"]["strict"]["fn"], 1);
  EXPECT_EQ(docs[0]["entities"]["strict"]["fp"], 0);
  // « Berlin (boundary) and Rome as PER (type): 1 of 3 strict.
  EXPECT_EQ(docs[1]["entities"]["strict"]["tp"], 1);
  EXPECT_EQ(docs[1]["entities"]["strict"]["fp"], 2);
  EXPECT_EQ(docs[2]["entities"]["strict"]["fp"], 1);
}

TEST(ReportJson, KeepsTheFinerUnitsEachOnALineOfItsOwn) {
  RunResult run = testing::SmallRun();
  UnitCounts unit{"a", 12, {}};
  unit.entities[0].overall = {2, 0, 1};
  unit.entities[0].per_type["PER"] = {2, 0, 1};
  run.variants[0].units.sentences = std::vector<UnitCounts>{unit};
  run.variants[0].units.mentions = std::vector<UnitCounts>{};
  const std::string text = RunReportToJson(run);
  EXPECT_NE(text.find("\n      {\"doc_id\":\"a\",\"start\":12,\"entities\":{"
                      "\"strict\":{\"tp\":2,\"fn\":1,\"per_type\":{\"PER\":"
                      "{\"tp\":2,\"fn\":1}}}}}\n"),
            std::string::npos)
      << text.substr(text.find("\"units\""), 300);
  const json r = json::parse(text);
  const json& units = r["variants"][0]["scores"]["units"];
  EXPECT_EQ(units["sentences"].size(), 1u);
  EXPECT_EQ(units["mentions"], json::array());
  // The other variants counted none, so they have no "units".
  EXPECT_FALSE(r["variants"][1]["scores"].contains("units"));
}

TEST(ReportJson, FailedVariantKeepsItsErrorAndHasNoScores) {
  const json r = SmallReport();
  const json& v = Variant(r, "broken");
  EXPECT_EQ(v["status"], "failed");
  EXPECT_NE(v["error"].get<std::string>().find("status 7"), std::string::npos);
  EXPECT_FALSE(v.contains("scores"));
  EXPECT_EQ(Variant(r, "perfect")["status"], "ok");
}

TEST(ReportJson, BestVariantIsTheHighestPrimaryF1) {
  const json r = SmallReport();
  EXPECT_EQ(r["best_variant"]["name"], "perfect");
  EXPECT_EQ(r["best_variant"]["metric"], "entities.strict");
  EXPECT_DOUBLE_EQ(r["best_variant"]["f1"].get<double>(), 1.0);
}

TEST(ReportJson, IntervalsBracketTheEstimate) {
  const json r = SmallReport();
  const json& i = Variant(r, "lossy")["intervals"]["entities.strict"];
  EXPECT_EQ(i["unit"], "document");
  EXPECT_EQ(i["units"], 3);
  EXPECT_EQ(i["distinct_resamples"], 10);  // C(5, 3)
  const double f1 = i["f1"]["estimate"];
  EXPECT_DOUBLE_EQ(
      f1, Variant(r, "lossy")["scores"]["entities"]["strict"]["overall"]["f1"]
              .get<double>());
  EXPECT_LE(i["f1"]["lower"].get<double>(), f1);
  EXPECT_GE(i["f1"]["upper"].get<double>(), f1);
  EXPECT_LT(i["f1"]["lower"].get<double>(), i["f1"]["upper"].get<double>());
}

TEST(ReportJson, ComparesEveryPairOfScoredVariants) {
  const json r = SmallReport();
  const json& pairs = r["comparisons"]["pairs"];
  ASSERT_EQ(pairs.size(), 1u);  // the failed variant is left out
  EXPECT_EQ(pairs[0]["a"], "perfect");
  EXPECT_EQ(pairs[0]["b"], "lossy");
  EXPECT_LT(pairs[0]["difference"]["estimate"].get<double>(), 0);
  EXPECT_GE(pairs[0]["p_holm"].get<double>(),
            pairs[0]["p_bootstrap"].get<double>());
}

TEST(ReportJson, SaysThatFewDocumentsGiveWideIntervals) {
  const json r = SmallReport();
  ASSERT_FALSE(r["notes"].empty());
  EXPECT_NE(r["notes"][0].get<std::string>().find("Only 3 documents"),
            std::string::npos);
}

TEST(ReportJson, IsDeterministic) {
  EXPECT_EQ(RunReportToJson(testing::SmallRun()),
            RunReportToJson(testing::SmallRun()));
}

TEST(ReportJson, PredictionsPathIsASafeFileName) {
  EXPECT_EQ(PredictionsPath("rules"), "predictions/rules.jsonl");
  EXPECT_EQ(PredictionsPath("../x y"), "predictions/_.._x_y.jsonl");
}

}  // namespace
}  // namespace ieval
