// What the tests of the annotation-tool formats share: their fixtures
// (tests/data/formats/<format>/), the shipped gold, and comparing a corpus
// with what a round trip through a format gives back.
#ifndef IEVAL_TESTS_EVAL_IO_FOREIGN_FORMAT_TESTING_H_
#define IEVAL_TESTS_EVAL_IO_FOREIGN_FORMAT_TESTING_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/format_options.h"

namespace ieval::testing {

inline std::string FormatFixturePath(const std::string& relative) {
  return std::string(IEVAL_SOURCE_DIR) + "/tests/data/formats/" + relative;
}

inline std::string ReadFormatFixture(const std::string& relative) {
  std::ifstream in(FormatFixturePath(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << relative;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The five gold documents, as ieval reads them.
inline Corpus ReadShippedGold() {
  std::vector<Status> problems;
  Result<Corpus> gold =
      ReadCorpus(std::string(IEVAL_SOURCE_DIR) + "/gold/docs", &problems);
  EXPECT_TRUE(gold.ok());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(gold->documents.size(), 5u);
  return std::move(gold).value();
}

// What a format carries besides documents, spans and types.
struct Carried {
  bool entity = false;
  bool value = false;
  bool relations = true;
};

// `corpus` with what the format does not carry left out.
inline Corpus Keep(Corpus corpus, Carried carried) {
  for (AnnotatedDocument& doc : corpus.documents) {
    for (Mention& m : doc.annotations.mentions) {
      if (!carried.entity) m.entity.reset();
      if (!carried.value) m.value.reset();
    }
    if (!carried.relations) doc.annotations.relations.clear();
  }
  return corpus;
}

inline void ExpectSameCorpus(const Corpus& expected, const Corpus& actual) {
  ASSERT_EQ(expected.documents.size(), actual.documents.size());
  for (size_t i = 0; i < expected.documents.size(); ++i) {
    const AnnotatedDocument& e = expected.documents[i];
    const AnnotatedDocument& a = actual.documents[i];
    EXPECT_EQ(e.document.doc_id, a.document.doc_id);
    EXPECT_EQ(e.document.text, a.document.text) << e.document.doc_id;
    EXPECT_TRUE(a.has_text);
    EXPECT_EQ(a.offset_unit, OffsetUnit::kCodepoint);
    EXPECT_EQ(e.annotations.mentions, a.annotations.mentions)
        << e.document.doc_id;
    EXPECT_EQ(e.annotations.relations, a.annotations.relations)
        << e.document.doc_id;
  }
}

// Options with one field set.
inline FormatReadOptions WithIdField(std::string id_field) {
  FormatReadOptions options;
  options.id_field = std::move(id_field);
  return options;
}
inline FormatReadOptions WithAnnotator(std::string annotator) {
  FormatReadOptions options;
  options.annotator = std::move(annotator);
  return options;
}
inline FormatReadOptions IgnoringUnknownKeys() {
  FormatReadOptions options;
  options.ignore_unknown_keys = true;
  return options;
}

inline const FormatRepair* FindRepair(const std::vector<FormatRepair>& repairs,
                                      const std::string& part) {
  for (const FormatRepair& r : repairs) {
    if (r.what.find(part) != std::string::npos) return &r;
  }
  return nullptr;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_EVAL_IO_FOREIGN_FORMAT_TESTING_H_
