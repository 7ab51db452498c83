// The four annotation-tool formats on a real corpus in its original format:
// fr-litbank (../shared/corpora/fr_litbank, BRAT, 18 literary excerpts, 1 M
// characters, nested spans) written in each format and read back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "foreign_format_testing.h"
#include "ieval/io/brat_reader.h"
#include "ieval/io/doccano_format.h"
#include "ieval/io/label_studio_format.h"
#include "ieval/io/spacy_format.h"
#include "ieval/io/webanno_tsv_format.h"

namespace ieval {
namespace {

Corpus ReadLitbank() {
  Result<std::vector<BratDocument>> brat = ReadBratFolder(
      std::string(IEVAL_SHARED_DIR) + "/corpora/fr_litbank/entities");
  EXPECT_TRUE(brat.ok()) << brat.status().ToString();
  Corpus corpus;
  if (!brat.ok()) return corpus;
  for (const BratDocument& doc : *brat) {
    corpus.documents.push_back(BratToAnnotated(doc, BratConversion()));
  }
  EXPECT_EQ(corpus.documents.size(), 18u);
  return corpus;
}

// Mention ids T1, T2… in the order the format gives them back: list order,
// or with `by_start` the order of their first character (WebAnno TSV reads
// annotations token by token).
Corpus Renumbered(Corpus corpus, bool by_start) {
  for (AnnotatedDocument& doc : corpus.documents) {
    std::vector<Mention>& mentions = doc.annotations.mentions;
    if (by_start) {
      std::stable_sort(
          mentions.begin(), mentions.end(),
          [](const Mention& a, const Mention& b) { return a.start < b.start; });
    }
    for (size_t i = 0; i < mentions.size(); ++i) {
      mentions[i].id = "T" + std::to_string(i + 1);
    }
    doc.annotations.relations.clear();
    doc.mention_lines.clear();
  }
  return corpus;
}

size_t Nested(const Corpus& corpus) {
  size_t nested = 0;
  for (const AnnotatedDocument& doc : corpus.documents) {
    const auto& m = doc.annotations.mentions;
    for (size_t i = 0; i + 1 < m.size(); ++i) {
      if (m[i].Overlaps(m[i + 1])) ++nested;
    }
  }
  return nested;
}

TEST(ForeignFormatsOnLitbank, EveryFormatRoundTripsTheNestedCorpus) {
  const Corpus litbank = ReadLitbank();
  ASSERT_GT(Nested(litbank), 500u);  // the point of this corpus
  std::vector<FormatRepair> repairs;

  Result<Corpus> ls =
      ReadLabelStudio(WriteLabelStudio(litbank), "lb.json", {}, &repairs);
  ASSERT_TRUE(ls.ok()) << ls.status().ToString();
  testing::ExpectSameCorpus(testing::Keep(litbank, {}), *ls);

  Result<Corpus> doccano =
      ReadDoccano(WriteDoccano(litbank), "lb.jsonl", {}, &repairs);
  ASSERT_TRUE(doccano.ok()) << doccano.status().ToString();
  testing::ExpectSameCorpus(testing::Keep(Renumbered(litbank, false), {}),
                            *doccano);

  Result<Corpus> spacy =
      ReadSpacy(WriteSpacy(litbank), "lb.jsonl", {}, &repairs);
  ASSERT_TRUE(spacy.ok()) << spacy.status().ToString();
  testing::ExpectSameCorpus(
      testing::Keep(Renumbered(litbank, false), {.entity = true}), *spacy);

  Corpus webanno;
  for (const AnnotatedDocument& doc : litbank.documents) {
    Result<Corpus> one =
        ReadWebannoTsv(WriteWebannoTsvDocument(doc),
                       doc.document.doc_id + ".tsv", {}, &repairs);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    webanno.documents.push_back(std::move(one->documents[0]));
  }
  testing::ExpectSameCorpus(testing::Keep(Renumbered(litbank, true),
                                          {.entity = true, .relations = false}),
                            webanno);
  EXPECT_TRUE(repairs.empty()) << repairs.front().what;
}

}  // namespace
}  // namespace ieval
