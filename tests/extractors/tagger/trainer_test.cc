// Training learns a tiny synthetic corpus, deterministically (trainer.h).
#include <gtest/gtest.h>

#include "ieval/extractors/tagger/tagger.h"
#include "ieval/extractors/tagger/trainer.h"

namespace ieval::tagger {
namespace {

// "Hier, <first> <last> a visite <city>." and "<city> accueille <first>
// <last> demain." with names from small lists. ASCII only, so byte offsets
// are code points.
std::vector<AnnotatedDocument> SyntheticCorpus() {
  const std::vector<std::string> firsts = {"Anne", "Paul", "Lucie",
                                           "Marc", "Ines", "Hugo"};
  const std::vector<std::string> lasts = {"Martin", "Bernard", "Durand",
                                          "Lefevre", "Moreau"};
  const std::vector<std::string> cities = {"Rennes", "Lille", "Nantes",
                                           "Brest",  "Dijon", "Metz"};
  std::vector<AnnotatedDocument> docs;
  size_t k = 0;
  for (int d = 0; d < 12; ++d) {
    AnnotatedDocument doc;
    doc.document.doc_id = "d" + std::to_string(d);
    doc.has_text = true;
    std::string& text = doc.document.text;
    auto add = [&](const std::string& s, const char* type) {
      const auto start = static_cast<int64_t>(text.size());
      text += s;
      Mention m;
      m.start = start;
      m.end = start + static_cast<int64_t>(s.size());
      m.type = type;
      doc.annotations.mentions.push_back(m);
    };
    for (int s = 0; s < 4; ++s, ++k) {
      const std::string person =
          firsts[k % firsts.size()] + " " + lasts[(k * 7) % lasts.size()];
      const std::string city = cities[(k * 5) % cities.size()];
      if (k % 2 == 0) {
        text += "Hier, ";
        add(person, "PER");
        text += " a visite ";
        add(city, "LOC");
        text += ".\n";
      } else {
        add(city, "LOC");
        text += " accueille ";
        add(person, "PER");
        text += " demain.\n";
      }
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

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
