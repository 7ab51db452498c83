// Training learns a tiny synthetic corpus, deterministically (trainer.h).
#include <gtest/gtest.h>

#include "ieval/extractors/tagger/tagger.h"
#include "ieval/extractors/tagger/trainer.h"
#include "synthetic_corpus.h"

namespace ieval::tagger {
namespace {

using ::ieval::testing::SyntheticCorpus;

TEST(TrainTagger, LearnsASyntheticCorpusAndGeneralisesToNewNames) {
  TrainOptions options;
  options.types = {"PER", "LOC"};
  options.epochs = 5;
  options.hash_bits = 14;
  TrainingStats stats;
  auto model = TrainTagger(SyntheticCorpus(), options, &stats);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(stats.documents, 12);
  EXPECT_EQ(stats.misaligned, 0);
  auto tagger = Tagger::Create(std::move(*model), nullptr);
  ASSERT_TRUE(tagger.ok());
  // Names and a city it never saw, in both sentence patterns.
  auto out = (*tagger)->Extract(
      {"t",
       "Hier, Zoe Garnier a visite Vannes.\nLorient accueille Leo "
       "Petit demain."});
  ASSERT_TRUE(out.ok());
  std::vector<std::string> got;
  for (const Mention& m : out->mentions) got.push_back(m.type + ":" + *m.text);
  EXPECT_EQ(got, (std::vector<std::string>{"PER:Zoe Garnier", "LOC:Vannes",
                                           "LOC:Lorient", "PER:Leo Petit"}));
}

TEST(TrainTagger, SameDataAndSeedGiveTheSameBytes) {
  TrainOptions options;
  options.types = {"PER", "LOC"};
  options.epochs = 3;
  options.hash_bits = 12;
  options.seed = 42;
  TrainingStats stats;
  auto a = TrainTagger(SyntheticCorpus(), options, &stats);
  auto b = TrainTagger(SyntheticCorpus(), options, &stats);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(SerializeModel(*a), SerializeModel(*b));
}

TEST(TrainTagger, RejectsDocumentsWithoutText) {
  AnnotatedDocument doc;
  doc.document.doc_id = "x";
  TrainingStats stats;
  EXPECT_EQ(TrainTagger({doc}, {}, &stats).status().code(),
            Status::Code::kInvalidInput);
}

TEST(TrainTagger, CountsMentionsOffTokenBoundaries) {
  AnnotatedDocument doc;
  doc.document = {"d", "Kimberley vit ici."};
  doc.has_text = true;
  Mention kim;  // "Kim" inside the token "Kimberley"
  kim.end = 3;
  kim.type = "PER";
  doc.annotations.mentions = {kim};
  TrainOptions options;
  options.epochs = 1;
  options.hash_bits = 8;
  TrainingStats stats;
  ASSERT_TRUE(TrainTagger({doc}, options, &stats).ok());
  EXPECT_EQ(stats.misaligned, 1);
}

}  // namespace
}  // namespace ieval::tagger
