// Held-out evaluation (heldout.h): which documents are held out, what the
// training id's fingerprint depends on, and what is scored and timed.
#include "ieval/extractors/tagger/heldout.h"

#include <gtest/gtest.h>

#include "synthetic_corpus.h"
#include "testing/test_extractors.h"

namespace ieval::tagger {
namespace {

using ::ieval::testing::FixedExtractor;
using ::ieval::testing::SyntheticCorpus;

std::vector<TrainingSource> TwoSources() {
  std::vector<AnnotatedDocument> docs = SyntheticCorpus(12);
  TrainingSource a{"a/one", {docs.begin(), docs.begin() + 7}};
  TrainingSource b{"b/two", {docs.begin() + 7, docs.end()}};
  return {a, b};
}

std::vector<std::string> Ids(const std::vector<const AnnotatedDocument*>& d) {
  std::vector<std::string> out;
  for (const AnnotatedDocument* doc : d) out.push_back(doc->document.doc_id);
  return out;
}

TEST(SplitHeldout, HoldsOutTheKthAnd2KthDocumentOfEachSource) {
  const auto sources = TwoSources();
  const HeldoutSplit split = SplitHeldout(sources, 3);
  EXPECT_EQ(Ids(split.heldout.at("a/one")),
            (std::vector<std::string>{"d2", "d5"}));
  EXPECT_EQ(Ids(split.heldout.at("b/two")), (std::vector<std::string>{"d9"}));
  std::vector<std::string> train;
  for (const AnnotatedDocument& d : split.train)
    train.push_back(d.document.doc_id);
  EXPECT_EQ(train, (std::vector<std::string>{"d0", "d1", "d3", "d4", "d6", "d7",
                                             "d8", "d10", "d11"}));
}

TEST(SplitHeldout, SummarisesEachSourceInTheOrderGiven) {
  const auto sources = TwoSources();
  const HeldoutSplit split = SplitHeldout(sources, 3);
  ASSERT_EQ(split.sources.size(), 2u);
  EXPECT_EQ(split.sources[0].name, "a/one");
  EXPECT_EQ(split.sources[0].documents, 7);
  EXPECT_EQ(split.sources[0].mentions, 7 * 8);  // held out ones included
  EXPECT_EQ(split.sources[0].held_out, 2);
  EXPECT_EQ(split.sources[1].held_out, 1);
}

TEST(SplitHeldout, EveryZeroHoldsNothingOut) {
  const auto sources = TwoSources();
  const HeldoutSplit split = SplitHeldout(sources, 0);
  EXPECT_TRUE(split.heldout.empty());
  EXPECT_EQ(split.train.size(), 12u);
}

TEST(SplitHeldout, FingerprintDependsOnlyOnTheDocumentsTrainedOn) {
  auto sources = TwoSources();
  const std::string before = SplitHeldout(sources, 3).training_fingerprint;
  sources[0].docs[2].document.text += "!";  // d2: held out
  EXPECT_EQ(SplitHeldout(sources, 3).training_fingerprint, before);
  sources[0].docs[0].document.text += "!";  // d0: trained on
  EXPECT_NE(SplitHeldout(sources, 3).training_fingerprint, before);
}

TEST(ScoreHeldout, SumsTheStrictCountsOfEveryDocument) {
  const auto docs = SyntheticCorpus(2);
  // The first document's first mention, predicted in both documents.
  Annotations pred;
  pred.mentions = {docs[0].annotations.mentions[0]};
  const FixedExtractor fixed(pred);
  auto counts = ScoreHeldout(fixed, {&docs[0], &docs[1]}, {"PER", "LOC"});
  ASSERT_TRUE(counts.ok());
  // 8 gold mentions per document; the prediction is right in the first.
  EXPECT_EQ(counts->overall, (PrfCounts{1, 1, 15}));
  EXPECT_EQ(counts->per_type.at("LOC"), (PrfCounts{0, 0, 8}));
}

class FailingExtractor : public Extractor {
 public:
  std::string Name() const override { return "failing"; }
  std::string Version() const override { return "1"; }
  Result<Annotations> Extract(const Document& doc) const override {
    return Status::ExtractorFailed("cannot tag", Where{"", 0, doc.doc_id, ""});
  }
};

TEST(ScoreHeldout, TheExtractorsErrorIsReturned) {
  const auto docs = SyntheticCorpus(1);
  const Status s =
      ScoreHeldout(FailingExtractor(), {&docs[0]}, {"PER"}).status();
  EXPECT_EQ(s.code(), Status::Code::kExtractorFailed);
  EXPECT_EQ(s.ToString(), "d0: cannot tag");
}

TEST(MeasureTaggingSpeed, CountsTheTaggerTokensOfTheDocuments) {
  AnnotatedDocument doc;
  doc.document = {"d", "Hier, l\xE2\x80\x99\xC3\xA9quipe a gagn\xC3\xA9."};
  const FixedExtractor fixed(Annotations{});
  auto speed = MeasureTaggingSpeed(fixed, {&doc, &doc}, 2);
  ASSERT_TRUE(speed.ok());
  // Hier , l’ équipe a gagné . — twice.
  EXPECT_EQ(speed->tokens, 14);
  EXPECT_GE(speed->seconds, 0);
}

}  // namespace
}  // namespace ieval::tagger
