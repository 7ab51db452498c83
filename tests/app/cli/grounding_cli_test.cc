// Predictions given by their text alone (what LLM extractors return),
// through the real binary: `ieval score` and `ieval run` ground them in the
// gold text, score them as the same predictions with offsets when every
// string is exact, put perturbed strings in the alignment they call for,
// and report grounding, by_alignment, strings and policy_sensitivity —
// only when some prediction was grounded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

using nlohmann::json;
using testing::RunIeval;

const std::string kSource = IEVAL_SOURCE_DIR;
const std::string kGold = kSource + "/gold/docs";
const std::string kExact = kSource + "/gold/strings/exact.jsonl";
const std::string kPerturbed = kSource + "/gold/strings/perturbed.jsonl";

json ScoreJson(const std::vector<std::string>& extra,
               const std::string& gold = kGold) {
  std::vector<std::string> args = {"score", "--gold", gold, "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const testing::CommandResult r = RunIeval(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? json::parse(r.out) : json::object();
}

TEST(GroundingCli, ExactStringsScoreAsTheOffsetsDo) {
  const json strings = ScoreJson({"--pred", kExact});
  const json offsets = ScoreJson({"--pred", kGold});
  ASSERT_TRUE(strings["entities"]["strict"].contains("overall"));
  for (const char* mode : {"strict", "exact", "partial", "type"})
    EXPECT_EQ(strings["entities"][mode]["overall"],
              offsets["entities"][mode]["overall"])
        << mode;
  EXPECT_EQ(strings["entities"]["strict"]["overall"]["f1"], 1.0);
  EXPECT_EQ(strings["relations"], offsets["relations"]);
  EXPECT_EQ(strings["values"], offsets["values"]);
  const json& g = strings["grounding"];
  EXPECT_EQ(g["predictions"], 180);
  EXPECT_EQ(g["exact"], 180);
  EXPECT_EQ(g["ungrounded"], 0);
  EXPECT_EQ(g["grounding_rate"], 1.0);
  EXPECT_EQ(g["policy"], "order");
  EXPECT_EQ(strings["by_alignment"]["exact"]["predictions"], 180);
  EXPECT_EQ(strings["by_alignment"]["exact"]["strict"]["precision"], 1.0);
  EXPECT_EQ(strings["strings"]["f1"], 1.0);
  EXPECT_EQ(strings["policy_sensitivity"]["order"]["f1"], 1.0);
  // Repeated strings all on their first occurrence lose most of them.
  EXPECT_LT(strings["policy_sensitivity"]["first"]["f1"], 0.9);
  EXPECT_GT(strings["policy_sensitivity"]["f1_spread"], 0.1);
}

TEST(GroundingCli, PredictionsWithOffsetsKeepTheirOutput) {
  const json offsets = ScoreJson({"--pred", kGold});
  for (const char* key :
       {"grounding", "by_alignment", "strings", "policy_sensitivity"})
    EXPECT_FALSE(offsets.contains(key)) << key;
  const testing::CommandResult r =
      RunIeval({"score", "--gold", kGold, "--pred", kGold});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("Grounding"), std::string::npos);
}

TEST(GroundingCli, PerturbedStringsLandInTheirAlignments) {
  const json s = ScoreJson({"--pred", kPerturbed});
  const json& g = s["grounding"];
  EXPECT_EQ(g["predictions"], 181);
  EXPECT_EQ(g["exact"], 177);
  EXPECT_EQ(g["normalised"], 2);  // KIM, the accents removed
  EXPECT_EQ(g["fuzzy"], 1);       // a word dropped
  EXPECT_EQ(g["ungrounded"], 1);  // Kim Jong Il, in no text
  // Grounded strings take the gold spans; the ungrounded one is a false
  // positive, never dropped.
  const json& strict = s["entities"]["strict"]["overall"];
  EXPECT_EQ(strict["tp"], 180);
  EXPECT_EQ(strict["fp"], 1);
  EXPECT_EQ(strict["fn"], 0);
  EXPECT_EQ(s["corpus"]["predicted_mentions"], 181);
  EXPECT_EQ(s["errors"]["counts"]["spurious"], 1);
  const json& by = s["by_alignment"];
  EXPECT_EQ(by["normalised"]["strict"]["precision"], 1.0);
  EXPECT_EQ(by["fuzzy"]["strict"]["precision"], 1.0);
  EXPECT_EQ(by["ungrounded"]["predictions"], 1);
  EXPECT_EQ(by["ungrounded"]["strict"]["precision"], 0.0);
  // The string score sees "Commission centrale" as another string.
  EXPECT_EQ(s["strings"]["tp"], 179);
  EXPECT_EQ(s["strings"]["fp"], 2);
  EXPECT_EQ(s["strings"]["fn"], 1);
}

TEST(GroundingCli, ThresholdAboveOneTurnsFuzzyOff) {
  const json s = ScoreJson({"--pred", kPerturbed, "--ground-threshold", "1.5"});
  EXPECT_EQ(s["grounding"]["fuzzy"], 0);
  EXPECT_EQ(s["grounding"]["ungrounded"], 2);
  EXPECT_EQ(s["grounding"]["threshold"], 1.5);
}

TEST(GroundingCli, PolicyFirstMovesTheScore) {
  const json s = ScoreJson({"--pred", kExact, "--ground-policy", "first"});
  EXPECT_EQ(s["grounding"]["policy"], "first");
  EXPECT_LT(s["entities"]["strict"]["overall"]["f1"], 0.9);
  EXPECT_EQ(s["entities"]["strict"]["overall"]["f1"],
            s["policy_sensitivity"]["first"]["f1"]);
}

TEST(GroundingCli, TablesShowTheGroundingSection) {
  const testing::CommandResult r =
      RunIeval({"score", "--gold", kGold, "--pred", kPerturbed});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Grounding (predictions given by their text"),
            std::string::npos);
  EXPECT_NE(r.out.find("ungrounded 1"), std::string::npos);
  EXPECT_NE(r.out.find("strict F1 by policy: order 0.9972"), std::string::npos);
}

// `ieval compare` reads score files of grounded predictions as any other.
TEST(GroundingCli, CompareReadsGroundedScoreFiles) {
  const std::string dir = testing::MakeTempDir("grounding_compare");
  for (const auto& [pred, out] : {std::pair{kPerturbed, "/strings.json"},
                                  std::pair{kGold, "/offsets.json"}}) {
    const testing::CommandResult r =
        RunIeval({"score", "--gold", kGold, "--pred", pred, "--json", "--out",
                  dir + out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const testing::CommandResult r =
      RunIeval({"compare", dir + "/strings.json", dir + "/offsets.json",
                "--json", "--resamples", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("entities.strict"), std::string::npos);
}

// An extractor's recorded alignment is kept: an ungrounded mention with
// no offsets is a false positive; a normalised one keeps its offsets
// though its text differs from the span.
TEST(GroundingCli, RecordedAlignmentsAreUsed) {
  const std::string dir = testing::MakeTempDir("grounding_recorded");
  testing::WriteText(dir + "/gold.jsonl",
                     R"({"doc_id": "d1", "text": "Kim Jong-un est à Moscou.", )"
                     R"("entities": [{"id": "T1", "start": 0, "end": 11, )"
                     R"("type": "PER", "text": "Kim Jong-un"}], )"
                     R"("relations": []})"
                     "\n");
  testing::WriteText(dir + "/pred.jsonl",
                     R"({"doc_id": "d1", "entities": [)"
                     R"({"start": 0, "end": 11, "type": "PER", )"
                     R"("text": "KIM JONG-UN", "alignment": "normalised"}, )"
                     R"({"type": "LOC", "text": "Séoul", )"
                     R"("alignment": "ungrounded"}]})"
                     "\n");
  const json s =
      ScoreJson({"--pred", dir + "/pred.jsonl"}, dir + "/gold.jsonl");
  EXPECT_EQ(s["grounding"]["normalised"], 1);
  EXPECT_EQ(s["grounding"]["ungrounded"], 1);
  EXPECT_EQ(s["entities"]["strict"]["overall"]["tp"], 1);
  EXPECT_EQ(s["entities"]["strict"]["overall"]["fp"], 1);
  EXPECT_EQ(s["entities"]["strict"]["per_type"]["LOC"]["fp"], 1);
}

// « », U+00A0 and accents: code-point offsets in the text, a string with
// an ordinary space found as normalised.
TEST(GroundingCli, NoBreakSpacesAndGuillemets) {
  const std::string dir = testing::MakeTempDir("grounding_nbsp");
  const std::string text = "« Jean\u00a0Dupont » a vu Élise à Paris.";
  testing::WriteText(
      dir + "/gold.jsonl",
      json({{"doc_id", "d1"},
            {"text", text},
            {"entities",
             {{{"id", "T1"}, {"start", 2}, {"end", 13}, {"type", "PER"}},
              {{"id", "T2"}, {"start", 21}, {"end", 26}, {"type", "PER"}},
              {{"id", "T3"}, {"start", 29}, {"end", 34}, {"type", "LOC"}}}},
            {"relations", json::array()}})
              .dump() +
          "\n");
  testing::WriteText(dir + "/pred.jsonl",
                     json({{"doc_id", "d1"},
                           {"entities",
                            {{{"type", "PER"}, {"text", "Jean Dupont"}},
                             {{"type", "PER"}, {"text", "Elise"}},
                             {{"type", "LOC"}, {"text", "Paris"}}}}})
                             .dump() +
                         "\n");
  const json s =
      ScoreJson({"--pred", dir + "/pred.jsonl"}, dir + "/gold.jsonl");
  EXPECT_EQ(s["entities"]["strict"]["overall"]["tp"], 3);
  EXPECT_EQ(s["grounding"]["normalised"], 2);
  EXPECT_EQ(s["grounding"]["exact"], 1);
}

// `ieval run` with an external extractor that answers strings only.
TEST(GroundingCli, RunGroundsAnExternalExtractorsStrings) {
  const std::string dir = testing::MakeTempDir("grounding_run");
  auto variant = [](const std::string& name, const std::string& file) {
    return json{
        {"name", name},
        {"extractor", "external"},
        {"options",
         {{"command",
           {"python3", kSource + "/tests/app/cli/testdata/string_extractor.py",
            file}}}}};
  };
  testing::WriteText(dir + "/variants.json",
                     json{{"variants",
                           {variant("llm_exact", kExact),
                            variant("llm_perturbed", kPerturbed)}}}
                         .dump());
  testing::WriteText(dir + "/run.json",
                     json{{"gold", kGold},
                          {"variants_file", "variants.json"},
                          {"statistics", {{"resamples", 100}}}}
                         .dump());
  const std::string out = dir + "/report";
  const testing::CommandResult r =
      RunIeval({"run", "--config", dir + "/run.json", "--quiet", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json report = json::parse(testing::ReadText(out + "/report.json"));
  const json& exact = report["variants"][0];
  ASSERT_EQ(exact["status"], "ok") << exact["error"];
  EXPECT_EQ(exact["scores"]["entities"]["strict"]["overall"]["f1"], 1.0);
  EXPECT_EQ(exact["grounding"]["exact"], 180);
  EXPECT_EQ(exact["policy_sensitivity"]["order"]["f1"], 1.0);
  const json& perturbed = report["variants"][1];
  EXPECT_EQ(perturbed["grounding"]["ungrounded"], 1);
  EXPECT_EQ(perturbed["grounding"]["fuzzy"], 1);
  EXPECT_EQ(perturbed["by_alignment"]["ungrounded"]["predictions"], 1);
  // The predictions file records where each string was placed.
  const std::string predictions =
      testing::ReadText(out + "/predictions/llm_perturbed.jsonl");
  EXPECT_NE(predictions.find(R"("alignment":"fuzzy")"), std::string::npos);
  EXPECT_NE(predictions.find(R"("alignment":"ungrounded")"), std::string::npos);
  // …and scores again the same through `ieval score`.
  const json rescored =
      ScoreJson({"--pred", out + "/predictions/llm_perturbed.jsonl"});
  EXPECT_EQ(rescored["entities"]["strict"]["overall"],
            perturbed["scores"]["entities"]["strict"]["overall"]);
  const std::string md = testing::ReadText(out + "/report.md");
  EXPECT_NE(md.find("## Grounding"), std::string::npos);
  const std::string html = testing::ReadText(out + "/report.html");
  EXPECT_NE(html.find("grounding-section"), std::string::npos);
}

}  // namespace
}  // namespace ieval
