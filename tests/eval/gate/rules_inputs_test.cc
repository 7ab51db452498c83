// Rules files and input files: what is accepted, what is an error and what
// the error says.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ieval/gate/inputs.h"
#include "ieval/gate/rules.h"
#include "testing/gate_inputs.h"

namespace ieval::testing {
namespace {

std::string RulesError(const std::string& json) {
  auto rules = ParseGateRules(json, "r.json");
  return rules.ok() ? "" : rules.status().ToString();
}

TEST(GateRules, DefaultRulesParse) {
  auto rules = ParseGateRules(DefaultGateRulesText(), "(default)");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->accuracy.size(), 4u);
  EXPECT_EQ(rules->speed.size(), 1u);
  EXPECT_EQ(rules->speed[0].min_repetitions, 9);
  EXPECT_EQ(rules->statistics.test, GateTest::kRandomization);
}

TEST(GateRules, DefaultRulesAreTheShippedFile) {
  std::ifstream in(std::string(IEVAL_SOURCE_DIR) +
                   "/eval/gate/default_rules.json");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), DefaultGateRulesText());
}

TEST(GateRules, UnknownKeyIsAnErrorNamingIt) {
  const std::string error = RulesError(R"({"format": "ieval-gate-rules",
    "format_version": 1, "accuracy": [{"metric": "entities.strict.f1",
    "max_dorp": 0.01}]})");
  EXPECT_NE(error.find("r.json: $.accuracy[0]: unknown key \"max_dorp\""),
            std::string::npos)
      << error;
}

TEST(GateRules, RuleThatChecksNothingIsAnError) {
  EXPECT_NE(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1"}]})")
                .find("checks nothing"),
            std::string::npos);
}

TEST(GateRules, SignificanceNeedsADropTolerance) {
  EXPECT_NE(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.f1", "min": 0.5,
                  "require_significance": true}]})")
                .find("applies to a drop"),
            std::string::npos);
}

TEST(GateRules, DefaultRulesLeaveAnUnderpoweredTestToTheTolerance) {
  auto rules = ParseGateRules(DefaultGateRulesText(), "(default)");
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ(rules->statistics.when_underpowered, WhenUnderpowered::kTolerance);
  EXPECT_EQ(rules->statistics.unit, GateUnit::kDocuments);
}

TEST(GateRules, WhenUnderpoweredIsToleranceOrPass) {
  const std::string error = RulesError(R"({"format": "ieval-gate-rules",
    "format_version": 1, "accuracy": [{"metric": "entities.strict.f1",
    "max_drop": 0.01, "require_significance": true,
    "when_underpowered": "skip"}]})");
  EXPECT_NE(
      error.find("$.accuracy[0].when_underpowered: expected \"tolerance\""),
      std::string::npos)
      << error;
}

TEST(GateRules, WhenUnderpoweredNeedsRequireSignificance) {
  const std::string error = RulesError(R"({"format": "ieval-gate-rules",
    "format_version": 1, "accuracy": [{"metric": "entities.strict.f1",
    "max_drop": 0.01, "when_underpowered": "pass"}]})");
  EXPECT_NE(error.find("add \"require_significance\": true"), std::string::npos)
      << error;
}

TEST(GateRules, UnitIsDocumentsSentencesOrMentions) {
  auto rules = ParseGateRules(R"({"format": "ieval-gate-rules",
    "format_version": 1, "statistics": {"unit": "sentence"},
    "accuracy": [{"metric": "entities.strict.f1", "max_drop": 0.01,
                  "require_significance": true, "unit": "mentions"}]})",
                              "r.json");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->statistics.unit, GateUnit::kSentences);
  EXPECT_EQ(rules->accuracy[0].unit, GateUnit::kMentions);
  EXPECT_NE(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "statistics": {"unit": "tokens"}, "speed": [{}]})")
                .find("$.statistics.unit: expected \"documents\""),
            std::string::npos);
}

TEST(GateRules, MetricMustBeHigherIsBetter) {
  EXPECT_NE(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "accuracy": [{"metric": "entities.strict.overall.fp", "min": 0}]})")
                .find("higher is better"),
            std::string::npos);
}

TEST(GateRules, SlowdownBelowOnePercentIsRejected) {
  EXPECT_NE(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "speed": [{"max_slowdown": 0.005}]})")
                .find("speed[0].max_slowdown"),
            std::string::npos);
}

TEST(GateRules, WrongFormatIsAnError) {
  EXPECT_NE(RulesError(R"({"accuracy": []})").find("format"),
            std::string::npos);
  EXPECT_EQ(RulesError("{"),
            "r.json:1: invalid JSON at column 2: syntax error while parsing "
            "object key - unexpected end of input; expected string literal");
}

TEST(GateRules, WrongTypesNameThePathAndWhatWasExpected) {
  EXPECT_EQ(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "statistics": {"resamples": 99.5}, "speed": [{}]})"),
            "r.json: $.statistics.resamples: expected an integer in [1, "
            "10000000], not 99.5");
  EXPECT_EQ(RulesError(R"({"format": 7, "format_version": 1})"),
            "r.json: $.format: expected \"ieval-gate-rules\", not 7");
  EXPECT_EQ(RulesError(R"({"format": "ieval-gate-rules", "format_version": 1,
    "speed": [{"benchmarks": ["BM_*", 3]}]})"),
            "r.json: $.speed[0].benchmarks[1]: expected a non-empty string "
            "or array of non-empty strings, not 3");
}

TEST(GateRules, GlobMatching) {
  EXPECT_TRUE(GlobMatch("*", "anything"));
  EXPECT_TRUE(GlobMatch("BM_*", "BM_Score/8"));
  EXPECT_TRUE(GlobMatch("rules?", "rules2"));
  EXPECT_TRUE(GlobMatch("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(GlobMatch("a*b*c", "aXXbYY"));
  EXPECT_FALSE(GlobMatch("rules", "rules2"));
  EXPECT_TRUE(GlobMatch("", ""));
}

TEST(GateInputs, RecognisesEachKind) {
  const auto docs = MakeDocs(3, [](int) { return PrfCounts{1, 0, 0}; });
  EXPECT_EQ(Input(ScoreJson(docs), "s").kind, GateInputKind::kScores);
  EXPECT_EQ(Input(RunReportJson({{"a", docs}}), "r").kind,
            GateInputKind::kRunReport);
  EXPECT_EQ(Input(BenchmarkJson({{"BM_X", {1, 2}}}), "b").kind,
            GateInputKind::kBenchmarks);
}

TEST(GateInputs, ScoreFileIsOneVariantWithPerDocumentColumns) {
  const auto docs = MakeDocs(3, [](int i) {
    return PrfCounts{static_cast<double>(i), 1, 2};
  });
  const GateInputFile f = Input(ScoreJson(docs), "s");
  ASSERT_TRUE(f.accuracy.has_value());
  ASSERT_EQ(f.accuracy->variants.size(), 1u);
  const VariantScores& v = f.accuracy->variants[0];
  EXPECT_EQ(v.name, "score");
  EXPECT_EQ(f.accuracy->doc_ids,
            (std::vector<std::string>{"d00", "d01", "d02"}));
  ASSERT_NE(v.documents.Find("entities.strict.per_type.PER.tp"), nullptr);
  EXPECT_EQ(*v.documents.Find("entities.strict.per_type.PER.tp"),
            (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(v.metrics.count("entities.strict.overall.f1"), 1u);
  EXPECT_EQ(v.error_counts.at("missed"), 6);
}

TEST(GateInputs, BenchmarkRepetitionsAreGroupedAndInNanoseconds) {
  const GateInputFile f =
      Input(BenchmarkJson({{"BM_X/8", {1000, 2000, 3000}}}), "b");
  ASSERT_TRUE(f.benchmarks.has_value());
  ASSERT_EQ(f.benchmarks->benchmarks.size(), 1u);
  const BenchmarkSamples& s = f.benchmarks->benchmarks[0];
  EXPECT_EQ(s.name, "BM_X/8");
  EXPECT_EQ(s.real_time_ns, (std::vector<double>{1000, 2000, 3000}));
  EXPECT_EQ(s.aggregates, 3);  // mean, median, stddev: not samples
}

// Real output of bench/stats_bench --benchmark_repetitions=9
// --benchmark_format=json (Google Benchmark 1.7.1), two runs.
TEST(GateInputs, ReadsRealGoogleBenchmarkOutput) {
  auto f = LoadGateInput(std::string(IEVAL_SOURCE_DIR) +
                         "/tests/eval/gate/fixtures/stats_bench_a.json");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_TRUE(f->benchmarks.has_value());
  const BenchmarkInput& in = *f->benchmarks;
  ASSERT_EQ(in.benchmarks.size(), 2u);
  EXPECT_EQ(in.benchmarks[0].name, "BM_MannWhitneyU/9");
  EXPECT_EQ(in.benchmarks[1].name, "BM_MannWhitneyU/100");
  for (const BenchmarkSamples& b : in.benchmarks) {
    EXPECT_EQ(b.real_time_ns.size(), 9u);
    EXPECT_EQ(b.cpu_time_ns.size(), 9u);
    EXPECT_EQ(b.aggregates, 4);  // mean, median, stddev, cv
  }
  EXPECT_EQ(in.context.at("host_name"), "vm");
}

TEST(GateInputs, TokenSequenceScoresAreRejected) {
  auto f = ParseGateInput(R"({"mode": "conlleval", "tokens": 10,
                              "phrases": {}})",
                          "seq.json");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("token-sequence"), std::string::npos);
}

TEST(GateInputs, UnknownJsonIsAnErrorThatSaysWhatIsExpected) {
  auto f = ParseGateInput(R"({"hello": 1})", "x.json");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().ToString().find("x.json: not a gate input"),
            std::string::npos)
      << f.status().ToString();
}

TEST(GateInputs, NewerRunReportFormatIsRejected) {
  auto f = ParseGateInput(
      R"({"format": "ieval-run", "format_version": 9, "variants": []})", "r");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("format_version 9"), std::string::npos);
}

TEST(GateInputs, FinerUnitsAreReadIntoColumnsPerUnit) {
  const auto docs = WithSentences(MakeDocs(2,
                                           [](int) {
                                             return PrfCounts{3, 1, 2};
                                           }),
                                  2);
  const GateInputFile f = Input(ScoreJson(docs), "s.json");
  const VariantScores& v = f.accuracy->variants.at(0);
  ASSERT_EQ(v.units.count("sentences"), 1u);
  const DocumentColumns& s = v.units.at("sentences");
  EXPECT_EQ(s.doc_ids,
            (std::vector<std::string>{"d00#0", "d00#10", "d01#0", "d01#10"}));
  double tp = 0;
  for (double x : *s.Find("entities.strict.per_type.PER.tp")) tp += x;
  EXPECT_EQ(tp, 6);
}

TEST(GateInputs, MalformedUnitIsAnErrorNamingTheFileAndTheUnit) {
  auto parsed = ParseGateInput(R"({"entities": {}, "documents": [],
    "units": {"sentences": [{"start": 0}]}})",
                               "s.json");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().ToString().find("s.json"), std::string::npos);
  EXPECT_NE(parsed.status().message().find(
                "units.sentences[0]: needs a string \"doc_id\""),
            std::string::npos)
      << parsed.status().message();
}

std::string InputError(const std::string& json) {
  auto f = ParseGateInput(json, "in.json");
  return f.ok() ? "" : f.status().ToString();
}

// `text` with its first `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from,
                     const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(GateInputs, CountsThatIevalCannotHaveWrittenAreErrors) {
  const std::string scores = ScoreJson(MakeDocs(2, [](int) {
    return PrfCounts{3, 1, 2};
  }));
  EXPECT_EQ(InputError(Replaced(scores, "\"tp\": 3.0", "\"tp\": -3")),
            "in.json: $.documents[0].entities.strict.per_type.PER.tp: "
            "expected a count (an integer ≥ 0), not -3");
  EXPECT_EQ(InputError(Replaced(scores, "\"tp\": 3.0", "\"tp\": \"3\"")),
            "in.json: $.documents[0].entities.strict.per_type.PER.tp: "
            "expected a count (an integer ≥ 0), not the string \"3\"");
  EXPECT_EQ(InputError(Replaced(scores, "\"tp\": 3.0", "\"tp\": 2.5")),
            "in.json: $.documents[0].entities.strict.per_type.PER.tp: "
            "expected a count (an integer ≥ 0), not 2.5");
  EXPECT_EQ(InputError(Replaced(scores, "\"support\": 14", "\"support\": 1")),
            "in.json: $.entities.strict.overall.tp: is 10.0, more than the "
            "support (1.0)");
}

TEST(GateInputs, WrongTypesInARunReportAreErrorsNotCrashes) {
  const std::string report = RunReportJson({{"a", MakeDocs(2, [](int) {
                                               return PrfCounts{1, 0, 0};
                                             })}});
  EXPECT_EQ(InputError(Replaced(report, "\"format_version\": 1",
                                "\"format_version\": \"1\"")),
            "in.json: $.format_version: expected an integer, not the string "
            "\"1\"");
  EXPECT_EQ(InputError(Replaced(report, "\"status\": \"ok\"", "\"status\": 1")),
            "in.json: $.variants[0].status: expected \"ok\", \"failed\" or "
            "\"skipped\", not 1");
}

TEST(GateInputs, WrongTypesInBenchmarkJsonAreErrorsNotCrashes) {
  const std::string bench = BenchmarkJson({{"BM_X", {1, 2}}});
  EXPECT_EQ(InputError(Replaced(bench, "\"run_type\": \"iteration\"",
                                "\"error_occurred\": \"yes\", "
                                "\"run_type\": \"iteration\"")),
            "in.json: $.benchmarks[0].error_occurred: expected true or false, "
            "not the string \"yes\"");
  EXPECT_EQ(
      InputError(Replaced(bench, "\"time_unit\": \"us\"", "\"time_unit\": 3")),
      "in.json: $.benchmarks[0].time_unit: expected \"ns\", \"us\", \"ms\" or "
      "\"s\", not 3");
  EXPECT_EQ(InputError(Replaced(bench, "\"iterations\": 1000",
                                "\"iterations\": 1e3080")),
            "in.json:15: invalid JSON at column 18: number overflow: a "
            "6-character number beyond the range of a double");
}

}  // namespace
}  // namespace ieval::testing
