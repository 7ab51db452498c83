// The reference vectors of ../shared/reference: every span case (nervaluate
// 1.1.0) and every coreference case (CoNLL-2012 scorer v8.01) through
// ScoreDocument, with identical counts and floats equal to 1e-12.
//
// SemEval block: counts must equal nervaluate's, overall and per type;
// precision/recall/F1 must equal `semeval_formula_from_counts` (the
// published SemEval formulas), not nervaluate's own multi-document numbers
// (quirk N1, checked in MultiDocumentPartialFollowsSemevalNotNervaluate).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "ieval/score/scorer.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double kTolerance = 1e-12;
const fs::path kReference = fs::path(IEVAL_SHARED_DIR) / "reference";

json Load(const fs::path& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  return json::parse(in);
}

// The cases of one folder; none when it is missing (test discovery must not
// crash the build: ReferenceVectors.ArePresent reports it instead).
std::vector<std::string> Cases(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kReference / folder, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".expected.json";
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(name.substr(0, name.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// nervaluate spans: token offsets, END INCLUSIVE.
std::vector<Mention> SpanMentions(const json& list, const char* prefix) {
  std::vector<Mention> mentions;
  for (const auto& m : list) {
    Mention x;
    x.id = prefix + std::to_string(mentions.size());
    x.start = m.at("start").get<int64_t>();
    x.end = m.at("end").get<int64_t>() + 1;
    x.type = m.at("type").get<std::string>();
    mentions.push_back(x);
  }
  return mentions;
}

CorpusScores ScoreSpanCase(const json& input, const ScoreOptions& options) {
  CorpusScores corpus;
  int i = 0;
  for (const auto& doc : input.at("documents")) {
    Annotations gold{SpanMentions(doc.at("gold"), "G"), {}};
    Annotations pred{SpanMentions(doc.at("pred"), "P"), {}};
    DocumentScores d = ScoreDocument(gold, pred, options);
    d.doc_id = "doc" + std::to_string(i++);
    corpus.Add(std::move(d));
  }
  return corpus;
}

void ExpectSemevalCounts(const json& expected, const SemevalCounts& c,
                         const std::string& where) {
  EXPECT_EQ(c.correct, expected.at("correct").get<int64_t>()) << where;
  EXPECT_EQ(c.incorrect, expected.at("incorrect").get<int64_t>()) << where;
  EXPECT_EQ(c.partial, expected.at("partial").get<int64_t>()) << where;
  EXPECT_EQ(c.missed, expected.at("missed").get<int64_t>()) << where;
  EXPECT_EQ(c.spurious, expected.at("spurious").get<int64_t>()) << where;
  EXPECT_EQ(c.possible(), expected.at("possible").get<int64_t>()) << where;
  EXPECT_EQ(c.actual(), expected.at("actual").get<int64_t>()) << where;
}

void ExpectSemevalFormula(const json& expected, const SemevalCounts& c,
                          SemevalScheme s, const std::string& where) {
  const bool half = SemevalHalfCredit(s);
  const double p = SemevalPrecision(c, half), r = SemevalRecall(c, half);
  EXPECT_NEAR(p, expected.at("precision").get<double>(), kTolerance) << where;
  EXPECT_NEAR(r, expected.at("recall").get<double>(), kTolerance) << where;
  EXPECT_NEAR(F1(p, r), expected.at("f1").get<double>(), kTolerance) << where;
}

class SpanReference : public ::testing::TestWithParam<std::string> {};

TEST(ReferenceVectors, ArePresent) {
  EXPECT_FALSE(Cases("spans").empty())
      << (kReference / "spans") << " has no *.expected.json: the shared "
      << "reference vectors must sit beside the project (../shared)";
  EXPECT_FALSE(Cases("coref").empty())
      << (kReference / "coref") << " has no *.expected.json";
}

TEST_P(SpanReference, SemevalCountsAndFormulasMatchNervaluate) {
  const json input = Load(kReference / "spans" / (GetParam() + ".json"));
  const json expected =
      Load(kReference / "spans" / (GetParam() + ".expected.json"))
          .at("nervaluate")
          .at("result");
  const CorpusScores corpus = ScoreSpanCase(input, ScoreOptions{});
  const EntityScores& e = corpus.total().entities;
  const json& formula = expected.at("semeval_formula_from_counts");
  for (SemevalScheme s : kSemevalSchemes) {
    const std::string name = SemevalSchemeName(s);
    ExpectSemevalCounts(expected.at("overall").at(name), e.scheme(s).overall,
                        GetParam() + " overall " + name);
    ExpectSemevalFormula(formula.at("overall").at(name), e.scheme(s).overall, s,
                         GetParam() + " overall " + name);
    for (const auto& tag : expected.at("tags")) {
      const std::string type = tag.get<std::string>();
      const std::string where = GetParam() + " " + type + " " + name;
      ASSERT_TRUE(e.scheme(s).per_type.count(type)) << where;
      const SemevalCounts& c = e.scheme(s).per_type.at(type);
      ExpectSemevalCounts(expected.at("entities").at(type).at(name), c, where);
      ExpectSemevalFormula(formula.at("entities").at(type).at(name), c, s,
                           where);
    }
    EXPECT_EQ(e.scheme(s).per_type.size(), expected.at("tags").size());
  }
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

INSTANTIATE_TEST_SUITE_P(Vectors, SpanReference,
                         ::testing::ValuesIn(Cases("spans")), CaseName);

TEST(SpanReferenceQuirks, MultiDocumentPartialFollowsSemevalNotNervaluate) {
  // Quirk N1: nervaluate reports partial P = COR/ACT = 1/3 here; the SemEval
  // formula (COR + 0.5 PAR)/ACT gives 2/3, which is what we report.
  const json input = Load(kReference / "spans" / "span_multi_document.json");
  const json nervaluate =
      Load(kReference / "spans" / "span_multi_document.expected.json")
          .at("nervaluate")
          .at("result")
          .at("overall")
          .at("partial");
  const SemevalCounts c = ScoreSpanCase(input, ScoreOptions{})
                              .total()
                              .entities.scheme(SemevalScheme::kPartial)
                              .overall;
  EXPECT_NEAR(nervaluate.at("precision").get<double>(), 1.0 / 3, kTolerance);
  EXPECT_NEAR(SemevalPrecision(c, true), 2.0 / 3, kTolerance);
}

// Coreference cases: token offsets, end exclusive; one type for all.
std::vector<Mention> CorefMentions(const json& list) {
  std::vector<Mention> mentions;
  for (const auto& m : list) {
    Mention x;
    x.id = "M" + std::to_string(mentions.size());
    x.start = m.at("start").get<int64_t>();
    x.end = m.at("end").get<int64_t>();
    x.type = "X";
    x.entity = m.at("entity").get<std::string>();
    mentions.push_back(x);
  }
  return mentions;
}

// "35/12" or "5".
double Rational(const std::string& s) {
  const size_t slash = s.find('/');
  if (slash == std::string::npos) return std::stod(s);
  return std::stod(s.substr(0, slash)) / std::stod(s.substr(slash + 1));
}

void ExpectRatio(const json& expected, const RatioCounts& c,
                 const std::string& where) {
  const json& exact =
      expected.contains("exact") ? expected.at("exact") : expected;
  auto value = [&](const char* key) {
    const json& v = exact.at(key);
    return v.is_string() ? Rational(v.get<std::string>()) : v.get<double>();
  };
  EXPECT_NEAR(c.recall_num.ToDouble(), value("recall_num"), kTolerance)
      << where;
  EXPECT_NEAR(c.recall_den.ToDouble(), value("recall_den"), kTolerance)
      << where;
  EXPECT_NEAR(c.precision_num.ToDouble(), value("precision_num"), kTolerance)
      << where;
  EXPECT_NEAR(c.precision_den.ToDouble(), value("precision_den"), kTolerance)
      << where;
  EXPECT_NEAR(Recall(c), expected.at("recall").get<double>(), kTolerance)
      << where;
  EXPECT_NEAR(Precision(c), expected.at("precision").get<double>(), kTolerance)
      << where;
  EXPECT_NEAR(F1(c), expected.at("f1").get<double>(), kTolerance) << where;
}

class CorefReference : public ::testing::TestWithParam<std::string> {};

TEST_P(CorefReference, ClusterMetricsMatchTheConllScorer) {
  const json input = Load(kReference / "coref" / (GetParam() + ".json"));
  const json expected =
      Load(kReference / "coref" / (GetParam() + ".expected.json"));
  CorpusScores corpus;
  for (const auto& doc : input.at("documents")) {
    DocumentScores d = ScoreDocument(
        Annotations{CorefMentions(doc.at("gold")), {}},
        Annotations{CorefMentions(doc.at("pred")), {}}, ScoreOptions{});
    d.doc_id = doc.at("doc_id").get<std::string>();
    corpus.Add(std::move(d));
  }
  const ClusterCounts& c = corpus.total().clusters;
  ExpectRatio(expected.at("muc"), c.muc, GetParam() + " muc");
  ExpectRatio(expected.at("bcub"), c.b3, GetParam() + " b3");
  ExpectRatio(expected.at("ceafe"), c.ceafe, GetParam() + " ceafe");
  ExpectRatio(expected.at("ceafm"), c.ceafm, GetParam() + " ceafm");
  EXPECT_NEAR(ConllF1(c), expected.at("conll_f1").get<double>(), kTolerance);

  const json& blanc = expected.at("blanc");
  auto links = [](const json& j) {
    return LinkCounts{j.at("recall_num").get<int64_t>(),
                      j.at("recall_den").get<int64_t>(),
                      j.at("precision_den").get<int64_t>()};
  };
  EXPECT_EQ(c.blanc_coref, links(blanc.at("coref_links")));
  EXPECT_EQ(c.blanc_noncoref, links(blanc.at("noncoref_links")));
  const BlancScore b = Blanc(c);
  EXPECT_NEAR(b.recall, blanc.at("recall").get<double>(), kTolerance);
  EXPECT_NEAR(b.precision, blanc.at("precision").get<double>(), kTolerance);
  EXPECT_NEAR(b.f1, blanc.at("f1").get<double>(), kTolerance);

  const json& mentions = expected.at("mentions");
  EXPECT_EQ(c.mentions.tp, mentions.at("recall_num").get<double>());
  EXPECT_EQ(c.mentions.tp + c.mentions.fn,
            mentions.at("recall_den").get<double>());
  EXPECT_EQ(c.mentions.tp + c.mentions.fp,
            mentions.at("precision_den").get<double>());
}

INSTANTIATE_TEST_SUITE_P(Vectors, CorefReference,
                         ::testing::ValuesIn(Cases("coref")), CaseName);

}  // namespace
}  // namespace ieval
