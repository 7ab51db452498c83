// DocumentScoresToJson writes one document's counts without building a
// JSON value: its bytes must be exactly those of the document's object in
// ScoresToJson (which nlohmann dumps), at any indent and depth.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "ieval/report/score_report.h"
#include "ieval/score/scorer.h"
#include "testing/random_document.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

// Random documents with clusters (fractional B-cubed and CEAF counts),
// values, a half-credit-free mix of errors, and doc_ids and types that
// need escaping.
CorpusScores RandomScores(ScoreOptions& options) {
  options.value_types = {"A", "é \"x\""};
  std::mt19937 rng(7);
  const std::vector<std::string> ids = {
      "plain", "é\u00a0«»", "quote\"back\\", "tab\tnl\n", "ctl\x01", "del\x7f"};
  CorpusScores scores(options.max_examples);
  for (int i = 0; i < 60; ++i) {
    testing::RandomDocument r = testing::MakeRandomDocument(rng, 60);
    for (std::vector<Mention>* side : {&r.gold, &r.pred}) {
      for (Mention& m : *side) {
        if (m.type == "C") m.type = "é \"x\"";
        if (rng() % 3 == 0) m.value = std::to_string(rng() % 3);
      }
    }
    Document doc;
    doc.doc_id = ids[static_cast<size_t>(i) % ids.size()] + std::to_string(i);
    doc.text = std::string(80, 'x');
    scores.Add(ScoreDocument(doc, Annotations{r.gold, {}},
                             Annotations{r.pred, {}}, options));
  }
  return scores;
}

TEST(DocumentScoresToJson, IsTheDumpOfScoresToJsonsDocumentObject) {
  ScoreOptions options;
  const CorpusScores scores = RandomScores(options);
  const ordered_json all =
      ordered_json::parse(ScoresToJson(scores, options, true));
  const ordered_json& documents = all["documents"];
  ASSERT_EQ(documents.size(), scores.documents().size());
  size_t i = 0;
  bool fractional = false, values = false;
  for (const auto& [id, d] : scores.documents()) {
    EXPECT_EQ(DocumentScoresToJson(d, 1, 0), documents[i].dump(1)) << id;
    EXPECT_EQ(DocumentScoresToJson(d, 2, 0), documents[i].dump(2)) << id;
    EXPECT_EQ(DocumentScoresToJson(d, -1, 0), documents[i].dump()) << id;
    fractional =
        fractional ||
        !documents[i]["clusters"]["b3"]["recall_num"].is_number_integer();
    values = values || !documents[i]["values"].empty();
    ++i;
  }
  EXPECT_TRUE(fractional) << "no fractional count was exercised";
  EXPECT_TRUE(values) << "no value count was exercised";
}

TEST(DocumentScoresToJson, DepthIndentsEveryLineAfterTheFirst) {
  ScoreOptions options;
  const CorpusScores scores = RandomScores(options);
  const DocumentScores& d = scores.documents().begin()->second;
  std::string expected = DocumentScoresToJson(d, 1, 0);
  for (size_t at = expected.find('\n'); at != std::string::npos;
       at = expected.find('\n', at + 1))
    expected.insert(at + 1, "   ");
  EXPECT_EQ(DocumentScoresToJson(d, 1, 3), expected);
}

}  // namespace
}  // namespace ieval
