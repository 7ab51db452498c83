// Nested gold on a real corpus: fr-litbank (../shared/corpora/fr_litbank,
// BRAT standoff, 2,490 spans nested in or overlapping another) read in its
// original format with nesting kept, validated as nested gold, scored
// against itself (1.000 in every mode) and against a perturbed copy, whose
// counts are checked against their set definitions and the slow reference
// scorer.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/io/brat_reader.h"
#include "ieval/score/scorer.h"
#include "ieval/validate/validator.h"
#include "testing/reference_scorer.h"

namespace ieval {
namespace {

const std::string kLitbank =
    std::string(IEVAL_SHARED_DIR) + "/corpora/fr_litbank/entities";

std::vector<AnnotatedDocument> ReadLitbank() {
  auto brat = ReadBratFolder(kLitbank);
  EXPECT_TRUE(brat.ok()) << brat.status().ToString();
  std::vector<AnnotatedDocument> docs;
  if (!brat.ok()) return docs;
  BratConversion conversion;  // trimmed, nesting kept (flatten = false)
  for (const BratDocument& d : *brat)
    docs.push_back(BratToAnnotated(d, conversion));
  return docs;
}

// How many gold spans start inside another one (nested or overlapping).
int64_t NestedSpans(const std::vector<Mention>& mentions) {
  int64_t nested = 0;
  for (const Mention& a : mentions)
    for (const Mention& b : mentions)
      if (&a != &b && b.start <= a.start && a.start < b.end &&
          (b.start < a.start || a.end < b.end)) {
        ++nested;
        break;
      }
  return nested;
}

TEST(LitbankNested, ValidatesAsNestedGoldOnlyWhenAllowed) {
  const auto docs = ReadLitbank();
  ASSERT_EQ(docs.size(), 18u);
  int64_t nested = 0, flat_problems = 0;
  for (const AnnotatedDocument& d : docs) {
    nested += NestedSpans(d.annotations.mentions);
    ValidateOptions options;
    options.allow_nested = true;
    std::vector<Status> problems;
    CheckDocument(d, d.document.text, options, &problems);
    for (const Status& p : problems) ADD_FAILURE() << p.ToString();
    options.allow_nested = false;
    CheckDocument(d, d.document.text, options, &problems);
    flat_problems += static_cast<int64_t>(problems.size());
  }
  // SOURCE.md: 2,490 of the 14,209 spans overlap an earlier one; after
  // trimming and merging exact duplicates (BratToAnnotated), 1,483 of the
  // 13,202 mentions still start inside another.
  EXPECT_GT(nested, 1400);
  EXPECT_GT(flat_problems, 0);  // the flat check stays the default
}

TEST(LitbankNested, AgainstItselfScoresOneInEveryMode) {
  const auto docs = ReadLitbank();
  ASSERT_FALSE(docs.empty());
  CorpusScores corpus(0);
  for (const AnnotatedDocument& d : docs)
    corpus.Add(ScoreDocument(d.document, d.annotations, d.annotations, {}));
  const EntityScores& e = corpus.total().entities;
  EXPECT_GT(e.gold_mentions, 13000);
  for (SpanMode m : kSpanModes) {
    const PrfCounts& c = e.mode(m).overall;
    EXPECT_EQ(c.tp, static_cast<double>(e.gold_mentions)) << SpanModeName(m);
    EXPECT_EQ(c.fp, 0) << SpanModeName(m);
    EXPECT_EQ(c.fn, 0) << SpanModeName(m);
  }
}

// Every 7th mention one character shorter, every 11th of another type,
// every 13th left out.
std::vector<Mention> Perturb(const std::vector<Mention>& gold) {
  std::vector<Mention> pred;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (i % 13 == 12) continue;
    Mention m = gold[i];
    if (i % 7 == 6 && m.end - m.start > 1) --m.end;
    if (i % 11 == 10) m.type = m.type == "PER" ? "LOC" : "PER";
    pred.push_back(m);
  }
  return pred;
}

TEST(LitbankNested, AgainstAPerturbedCopyCountsAsDefined) {
  const auto docs = ReadLitbank();
  ASSERT_FALSE(docs.empty());
  double strict_tp = 0, strict_expected = 0;
  for (const AnnotatedDocument& d : docs) {
    const std::vector<Mention>& gold = d.annotations.mentions;
    const std::vector<Mention> pred = Perturb(gold);
    const DocumentScores s =
        ScoreDocument(d.document, Annotations{gold, {}}, Annotations{pred, {}},
                      ScoreOptions{});
    // Strict: a maximum one-to-one matching of equal (span, type).
    std::map<std::tuple<int64_t, int64_t, std::string>, int> g, p;
    for (const Mention& m : gold) ++g[{m.start, m.end, m.type}];
    for (const Mention& m : pred) ++p[{m.start, m.end, m.type}];
    double expected = 0;
    for (const auto& [key, n] : g)
      if (p.count(key)) expected += std::min(n, p.at(key));
    EXPECT_EQ(s.entities.mode(SpanMode::kStrict).overall.tp, expected)
        << d.document.doc_id;
    strict_tp += s.entities.mode(SpanMode::kStrict).overall.tp;
    strict_expected += static_cast<double>(gold.size());

    // Every mode and scheme against the slow reference, on the first 150
    // mentions (the reference is cubic).
    const std::vector<Mention> head(
        gold.begin(), gold.begin() + std::min<size_t>(150, gold.size()));
    const std::vector<Mention> head_pred = Perturb(head);
    const DocumentScores h = ScoreDocument(
        Annotations{head, {}}, Annotations{head_pred, {}}, ScoreOptions{});
    const auto r = ::ieval::testing::ReferenceScoreEntities(head, head_pred, 0);
    for (SpanMode m : kSpanModes)
      EXPECT_EQ(h.entities.mode(m).overall, r.overall.at(SpanModeName(m)))
          << d.document.doc_id << " " << SpanModeName(m);
    for (SemevalScheme sc : kSemevalSchemes)
      EXPECT_EQ(h.entities.scheme(sc).overall,
                r.semeval.at(SemevalSchemeName(sc)))
          << d.document.doc_id << " " << SemevalSchemeName(sc);
  }
  // Perturbed: clearly below 1, clearly above 0.
  EXPECT_LT(strict_tp, 0.9 * strict_expected);
  EXPECT_GT(strict_tp, 0.6 * strict_expected);
}

}  // namespace
}  // namespace ieval
