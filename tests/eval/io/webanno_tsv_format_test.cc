#include "ieval/io/webanno_tsv_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "foreign_format_testing.h"
#include "ieval/core/offset_index.h"

namespace ieval {
namespace {

using testing::FindRepair;
using ::testing::HasSubstr;
using testing::ReadFormatFixture;

constexpr char kHeader[] =
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|"
    "value\n\n\n";

Result<Corpus> Parse(const std::string& content, const std::string& file,
                     std::vector<FormatRepair>* repairs = nullptr) {
  std::vector<FormatRepair> ignored;
  return ReadWebannoTsv(content, file, {}, repairs ? repairs : &ignored);
}

TEST(WebannoTsvFormat, ReadsAnInceptionExport) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Parse(ReadFormatFixture("webanno-tsv/kim-rocket.tsv"),
                                "exports/kim-rocket.tsv", &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents.size(), 1u);
  const AnnotatedDocument& doc = corpus->documents[0];
  EXPECT_EQ(doc.document.doc_id, "kim-rocket");
  // Sentence 2 starts 2 units after sentence 1: a line break and a space.
  EXPECT_EQ(doc.document.text,
            "Le 🚀 de « Kim Jong Un » part.\n Pyongyang\u00a0[officiel] "
            "confirme_tout\\.");
  ASSERT_EQ(doc.annotations.mentions.size(), 3u);
  const Mention& kim = doc.annotations.mentions[0];
  EXPECT_EQ(kim.id, "T1");
  EXPECT_EQ(kim.start, 10);  // 11 in UTF-16 units: the rocket takes two
  EXPECT_EQ(kim.end, 21);
  EXPECT_EQ(kim.type, "PER");
  EXPECT_EQ(kim.entity, "Q56226");
  const Mention& city = doc.annotations.mentions[1];
  EXPECT_EQ(city.text, "Pyongyang");
  EXPECT_EQ(city.type, "LOC");
  EXPECT_FALSE(city.entity.has_value());  // "*": no identifier
  const Mention& stacked = doc.annotations.mentions[2];
  EXPECT_EQ(stacked.text, "Pyongyang\u00a0[officiel]");
  EXPECT_EQ(stacked.type, "ORG");
  EXPECT_NE(FindRepair(repairs, "from UTF-16 units"), nullptr);
  // The relation sits on Pyongyang's token; its BT_ 1-5[1_0] names Kim
  // (id 1) as the governor and the dependent is the one annotation without
  // an id starting at 2-1 (LOC, not the stacked ORG[3]).
  ASSERT_EQ(doc.annotations.relations.size(), 1u);
  EXPECT_EQ(doc.annotations.relations[0], (Relation{"leader_of", "T1", "T2"}));
}

// Two relation layers between named entities and a coreference chain
// layer, as INCEpTION exports them, after an emoji (UTF-16 offsets): both
// layers' relations are read, and each chain's links give the named
// entities they cover one entity id; a link on no named entity is counted.
TEST(WebannoTsvFormat, ReadsEveryRelationLayerAndChainLayers) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus =
      Parse(ReadFormatFixture("webanno-tsv/layers-chains.tsv"),
            "exports/layers-chains.tsv", &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const Annotations& a = corpus->documents.at(0).annotations;
  ASSERT_EQ(a.mentions.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Kim Jong-un", "CoreferenceLink-1"},
      {"Vladimir Poutine", "CoreferenceLink-2"},
      {"Pyongyang", ""},
      {"Il", "CoreferenceLink-1"},
      {"le", "CoreferenceLink-2"}};
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(a.mentions[k].text, expected[k].first);
    EXPECT_EQ(a.mentions[k].entity.value_or(""), expected[k].second)
        << expected[k].first;
  }
  EXPECT_EQ(a.mentions[0].start, 3) << "after 🇰🇵 (4 UTF-16 units)";
  ASSERT_EQ(a.relations.size(), 2u);
  EXPECT_EQ(a.relations[0], (Relation{"meets", "T1", "T2"}));
  EXPECT_EQ(a.relations[1], (Relation{"visits", "T2", "T3"}));
  const FormatRepair* left_out =
      FindRepair(repairs, "chain links on no named entity left out");
  ASSERT_NE(left_out, nullptr);
  EXPECT_EQ(left_out->count, 1);
}

TEST(WebannoTsvFormat, ATokenThatIsNotTheTextIsAnError) {
  std::string content = ReadFormatFixture("webanno-tsv/kim-rocket.tsv");
  const size_t at = content.find("11-14\tKim");
  ASSERT_NE(at, std::string::npos);
  content.replace(at, 9, "11-14\tKin");
  Result<Corpus> corpus = Parse(content, "kim-rocket.tsv");
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().ToString(),
            "kim-rocket.tsv:12: kim-rocket: token \"Kin\" at 11-14 (UTF-16 "
            "units) is not the text there (\"Kim\")");
}

TEST(WebannoTsvFormat, AFileWithoutNamedEntitiesIsAnError) {
  Result<Corpus> corpus = Parse(
      "#FORMAT=WebAnno TSV 3.3\n"
      "#T_SP=webanno.custom.Lieu|nom\n\n\n#Text=Paris\n1-1\t0-5\tParis\tX\n",
      "lieux.tsv");
  ASSERT_FALSE(corpus.ok());
  EXPECT_THAT(corpus.status().ToString(),
              HasSubstr("no named-entity layer (#T_SP=de.tudarmstadt.ukp.dkpro."
                        "core.api.ner.type.NamedEntity); span layers here: "
                        "webanno.custom.Lieu"));
  Result<Corpus> other = Parse("{\"text\": \"x\"}", "x.tsv");
  ASSERT_FALSE(other.ok());
  EXPECT_THAT(other.status().ToString(), HasSubstr("not a WebAnno TSV 3 file"));
}

TEST(WebannoTsvFormat, ReadsVersion31JavaEscapesAndCrlfLines) {
  std::vector<FormatRepair> repairs;
  Result<Corpus> corpus = Parse(
      "#FORMAT=WebAnno TSV 3.1\r\n"
      "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\r\n"
      "\r\n\r\n"
      "#Text=\\u00ab S\\u00e9oul \\ud83d\\ude80 \\u00bb\r\n"
      "1-1\t0-1\t«\t_\r\n1-2\t2-7\tSéoul\tLOC\r\n1-3\t8-10\t🚀\t_\r\n"
      "1-4\t11-12\t»\t_\r\n",
      "v31.tsv", &repairs);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  const AnnotatedDocument& doc = corpus->documents[0];
  EXPECT_EQ(doc.document.text, "« Séoul 🚀 »");
  ASSERT_EQ(doc.annotations.mentions.size(), 1u);
  EXPECT_EQ(doc.annotations.mentions[0].text, "Séoul");
  EXPECT_NE(FindRepair(repairs, "CRLF"), nullptr);
}

TEST(WebannoTsvFormat, TheGoldRoundTripsWithItsEntitiesAndRelations) {
  const Corpus gold = testing::ReadShippedGold();
  Corpus back;
  for (const AnnotatedDocument& doc : gold.documents) {
    std::vector<FormatRepair> repairs;
    Result<Corpus> one =
        ReadWebannoTsv(WriteWebannoTsvDocument(doc),
                       doc.document.doc_id + ".tsv", {}, &repairs);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    EXPECT_TRUE(repairs.empty()) << repairs.front().what;
    back.documents.push_back(std::move(one->documents[0]));
  }
  testing::ExpectSameCorpus(
      testing::Keep(gold, {.entity = true, .relations = true}), back);
  size_t relations = 0;
  for (const AnnotatedDocument& d : back.documents)
    relations += d.annotations.relations.size();
  EXPECT_EQ(relations, 28u);
}

AnnotatedDocument Fixture(std::string text) {
  AnnotatedDocument doc;
  doc.document.doc_id = "fixture";
  doc.document.text = std::move(text);
  doc.has_text = true;
  return doc;
}

void AddMention(AnnotatedDocument* doc, std::string_view surface,
                std::string type, std::optional<std::string> entity = {}) {
  const std::string& text = doc->document.text;
  const size_t byte = text.find(surface);
  ASSERT_NE(byte, std::string::npos) << surface;
  Mention m;
  m.id = "T" + std::to_string(doc->annotations.mentions.size() + 1);
  m.start = CountCodepoints(std::string_view(text).substr(0, byte));
  m.end = m.start + CountCodepoints(surface);
  m.type = std::move(type);
  m.text = std::string(surface);
  m.entity = std::move(entity);
  doc->annotations.mentions.push_back(std::move(m));
}

TEST(WebannoTsvFormat, EmojiGuillemetsNoBreakSpacesAndCrlfRoundTrip) {
  Corpus corpus;
  corpus.documents.push_back(
      Fixture("« Kim 🚀 » à Séoul\u00a0!\r\n\r\nLe [sommet] | _ \\ *\tde\n  "
              "Pyongyang-Est.\n"));
  AnnotatedDocument& doc = corpus.documents[0];
  AddMention(&doc, "Kim", "PER", "Q56226");
  AddMention(&doc, "Séoul", "LOC");
  AddMention(&doc, "[sommet] | _", "EVENT", "id|with_escapes");
  AddMention(&doc, "Pyongyang", "LOC");  // inside the token Pyongyang-Est.
  const std::string tsv = WriteWebannoTsv(corpus);
  EXPECT_THAT(tsv, HasSubstr("\\[sommet\\]"));
  // A sentence ends at the line break before "Le": the one before it is
  // part of the first sentence's text, which takes two #Text= lines.
  EXPECT_THAT(tsv,
              HasSubstr("#Text=« Kim 🚀 » à Séoul\u00a0!\\r\n#Text=\\r\n1-1\t"));
  EXPECT_THAT(tsv, HasSubstr("\tQ56226\tPER\t\n"));
  // INCEpTION's reader refuses a blank line after the last sentence and
  // two between sentences.
  EXPECT_FALSE(tsv.ends_with("\n\n"));
  EXPECT_EQ(tsv.find("\n\n\n", sizeof(kHeader) - 1), std::string::npos);
  std::vector<FormatRepair> repairs;
  Result<Corpus> back = ReadWebannoTsv(tsv, "fixture.tsv", {}, &repairs);
  ASSERT_TRUE(back.ok()) << back.status().ToString() << "\n" << tsv;
  testing::ExpectSameCorpus(corpus, *back);
}

TEST(WebannoTsvFormat, AnEmptyCorpusIsTheHeaderAlone) {
  EXPECT_EQ(WriteWebannoTsv(Corpus()), kHeader);
  std::vector<FormatRepair> repairs;
  Result<Corpus> empty = ReadWebannoTsv(kHeader, "empty.tsv", {}, &repairs);
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->documents[0].document.text, "");
}

}  // namespace
}  // namespace ieval
