// Every annotation format through the real binary: the shipped gold scored
// against itself and against gold/docs in each format (F1 1.000), CoNLL
// tokens aligned to texts with « », U+00A0 and an emoji, CoNLL gold and
// predictions checked token by token, BRAT's CRLF count and discontinuous
// spans, `auto` refusing to guess, and ids in common between the sides.
#include <gtest/gtest.h>

#include <string>

#include "testing/cli_runner.h"

namespace ieval {
namespace {
using ::ieval::testing::CommandResult;
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::RunIeval;
using ::ieval::testing::WriteText;

const std::string kGold = std::string(IEVAL_SOURCE_DIR) + "/gold/docs";

std::string TestDir() {
  return MakeTempDir(
      ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

// The strict micro row of a score table: "tp fp fn prec recall f1 support".
std::string StrictMicro(const std::string& out) {
  const size_t at = out.find("micro (overall)");
  if (at == std::string::npos) return "";
  const size_t end = out.find('\n', at);
  std::string row = out.substr(at + 15, end - at - 15);
  std::string squeezed;
  for (char c : row)
    if (c != ' ' || (!squeezed.empty() && squeezed.back() != ' '))
      squeezed += c;
  while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  return squeezed.substr(squeezed.find_first_not_of(' '));
}

TEST(FormatsCli, ShippedGoldScoresOneInEveryFormat) {
  const std::string dir = TestDir();
  const std::string root = std::string(IEVAL_SOURCE_DIR) + "/gold/";
  std::vector<std::string> inputs = {root + "conll/gold.conll", root + "brat",
                                     root + "label-studio/gold.json"};
  for (const char* format : {"doccano", "spacy"}) {
    const std::string out = dir + "/" + std::string(format) + ".jsonl";
    const CommandResult c = RunIeval({"convert", "--to", format, kGold, out});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    inputs.push_back(out);
  }
  const std::string tsv = dir + "/webanno";
  ASSERT_EQ(RunIeval({"convert", "--to", "webanno-tsv", kGold, tsv}).exit_code,
            0);
  inputs.push_back(tsv);
  for (const std::string& input : inputs) {
    const CommandResult self =
        RunIeval({"score", "--gold", input, "--pred", input});
    ASSERT_EQ(self.exit_code, 0) << input << ": " << self.err;
    EXPECT_EQ(StrictMicro(self.out), "180 0 0 1.0000 1.0000 1.0000 180")
        << input;
    const CommandResult against =
        RunIeval({"score", "--gold", kGold, "--pred", input});
    ASSERT_EQ(against.exit_code, 0) << input << ": " << against.err;
    EXPECT_EQ(StrictMicro(against.out), "180 0 0 1.0000 1.0000 1.0000 180")
        << input;
  }
}

TEST(FormatsCli, ConllAlignsToTextsWithAccentsQuotesNbspAndEmoji) {
  const std::string dir = TestDir();
  // « Kim » 😀 à<U+00A0>Paris — Paris starts at code point 12.
  const std::string text =
      "\xC2\xAB Kim \xC2\xBB \xF0\x9F\x98\x80 \xC3\xA0\xC2\xA0Paris";
  WriteText(dir + "/texts/d1.txt", text);
  WriteText(dir + "/gold.jsonl",
            "{\"doc_id\": \"d1\", \"text\": \"\xC2\xAB Kim \xC2\xBB "
            "\xF0\x9F\x98\x80 \xC3\xA0\xC2\xA0Paris\", \"entities\": "
            "[{\"id\": \"T1\", \"start\": 2, \"end\": 5, \"type\": \"PER\"}, "
            "{\"id\": \"T2\", \"start\": 12, \"end\": 17, \"type\": "
            "\"LOC\"}]}\n");
  const std::string conll =
      "-DOCSTART- d1 O\n\n\xC2\xAB O\nKim B-PER\n\xC2\xBB O\n"
      "\xF0\x9F\x98\x80 O\n\xC3\xA0 O\nParis B-LOC\n";
  WriteText(dir + "/pred.conll", conll);
  // Aligned to the gold's text, and to the same text from --text.
  for (const std::vector<std::string>& extra :
       {std::vector<std::string>{},
        std::vector<std::string>{"--text", dir + "/texts"}}) {
    std::vector<std::string> args = {"score", "--gold", dir + "/gold.jsonl",
                                     "--pred", dir + "/pred.conll"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult c = RunIeval(args);
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_EQ(StrictMicro(c.out), "2 0 0 1.0000 1.0000 1.0000 2") << c.out;
  }
  // A token the text does not have: file, line, token and the text around.
  WriteText(dir + "/bad.conll",
            "-DOCSTART- d1 O\n\n\xC2\xAB O\nKim B-PER\nLondres B-LOC\n");
  const CommandResult bad = RunIeval(
      {"score", "--gold", dir + "/gold.jsonl", "--pred", dir + "/bad.conll"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.conll:5: d1: token \"Londres\" does not match "
                         "the text at character 6"),
            std::string::npos)
      << bad.err;
}

TEST(FormatsCli, ConllGoldAndPredictionsMustListTheSameTokens) {
  const std::string dir = TestDir();
  WriteText(dir + "/gold.conll", "Kim B-PER\nvient O\n\nParis B-LOC\n");
  WriteText(dir + "/pred.conll", "Kim B-PER\nvient O\n\nLyon B-LOC\n");
  const CommandResult c = RunIeval(
      {"score", "--gold", dir + "/gold.conll", "--pred", dir + "/pred.conll"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("pred.conll:4: pred: token \"Lyon\" where the gold " +
                       dir + "/gold.conll:4 has \"Paris\""),
            std::string::npos)
      << c.err;
}

TEST(FormatsCli, ConllSchemesAndRepairsAreReported) {
  const std::string dir = TestDir();
  WriteText(dir + "/gold.conll",
            "Kim S-PER\nvient O\nJean B-PER\nMarc E-PER\n");
  WriteText(dir + "/pred.conll",
            "Kim S-PER\nvient O\nJean I-PER\nMarc E-PER\n");
  const CommandResult c =
      RunIeval({"score", "--gold", dir + "/gold.conll", "--pred",
                dir + "/pred.conll", "--scheme", "IOBES"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(StrictMicro(c.out), "2 0 0 1.0000 1.0000 1.0000 2") << c.out;
  EXPECT_NE(c.err.find("IOBES: an I- tag opening an entity, read as B- (first "
                       "at " +
                       dir + "/pred.conll:3)"),
            std::string::npos)
      << c.err;
  EXPECT_NE(c.err.find("tokens joined by single spaces"), std::string::npos);
  const CommandResult wrong = RunIeval(
      {"score", "--gold", dir + "/gold.conll", "--pred", dir + "/pred.conll"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("S- is no prefix of IOB2"), std::string::npos)
      << wrong.err;
}

TEST(FormatsCli, BratCountsCrlfAsBratDoes) {
  const std::string dir = TestDir();
  // BRAT reads "Kim\r\nà Paris" as "Kim\nà Paris": Paris is 6-11 there,
  // 7-12 in the file's own text.
  WriteText(dir + "/brat/d1.txt", "Kim\r\n\xC3\xA0 Paris");
  WriteText(dir + "/brat/d1.ann", "T1\tPER 0 3\tKim\nT2\tLOC 6 11\tParis\n");
  WriteText(dir + "/gold.jsonl",
            "{\"doc_id\": \"d1\", \"text\": \"Kim\\r\\n\xC3\xA0 Paris\", "
            "\"entities\": [{\"id\": \"T1\", \"start\": 0, \"end\": 3, "
            "\"type\": \"PER\"}, {\"id\": \"T2\", \"start\": 7, \"end\": 12, "
            "\"type\": \"LOC\"}]}\n");
  const CommandResult c = RunIeval(
      {"score", "--gold", dir + "/gold.jsonl", "--pred", dir + "/brat"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(StrictMicro(c.out), "2 0 0 1.0000 1.0000 1.0000 2") << c.out;
  EXPECT_NE(c.err.find("offsets read as BRAT counts them"), std::string::npos)
      << c.err;
}

TEST(FormatsCli, BratDiscontinuousSpansNeedAPolicy) {
  const std::string dir = TestDir();
  WriteText(dir + "/brat/d1.txt", "Kim et Lee Jong");
  WriteText(dir + "/brat/d1.ann",
            "T1\tPER 0 3\tKim\nT2\tPER 7 10;11 15\tLee Jong\n");
  const CommandResult c = RunIeval({"validate", dir + "/brat", "--no-labels"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("d1.ann:2: d1: T2: a discontinuous span (2 fragments)"),
            std::string::npos)
      << c.err;
  const CommandResult hull = RunIeval(
      {"validate", dir + "/brat", "--no-labels", "--discontinuous=hull"});
  EXPECT_EQ(hull.exit_code, 0) << hull.err;
  EXPECT_NE(hull.out.find("validated 1 documents, 2 mentions"),
            std::string::npos)
      << hull.out;
  const CommandResult skip = RunIeval(
      {"validate", dir + "/brat", "--no-labels", "--discontinuous=skip"});
  EXPECT_NE(skip.out.find("validated 1 documents, 1 mentions"),
            std::string::npos)
      << skip.out;
}

TEST(FormatsCli, AutoNeverGuesses) {
  const std::string dir = TestDir();
  WriteText(dir + "/mixed/a.ann", "T1\tPER 0 3\tKim\n");
  WriteText(dir + "/mixed/a.txt", "Kim");
  WriteText(dir + "/mixed/b.json", "{\"doc_id\": \"b\", \"text\": \"x\"}");
  const CommandResult c = RunIeval({"validate", dir + "/mixed"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("cannot tell the annotation format: the folder holds 1 "
                       ".ann (BRAT) and 1 JSON files; name it with --format"),
            std::string::npos)
      << c.err;
  WriteText(dir + "/odd.jsonl", "{\"id\": 1, \"body\": \"Kim\"}\n");
  const CommandResult odd =
      RunIeval({"score", "--gold", kGold, "--pred", dir + "/odd.jsonl"});
  EXPECT_EQ(odd.exit_code, 2);
  EXPECT_NE(odd.err.find("cannot tell the annotation format"),
            std::string::npos)
      << odd.err;
  EXPECT_NE(odd.err.find("--pred-format"), std::string::npos) << odd.err;
}

TEST(FormatsCli, NoIdInCommonShowsBothSides) {
  const std::string dir = TestDir();
  WriteText(dir + "/pred.jsonl",
            "{\"doc_id\": \"article-1\", \"entities\": []}\n");
  const CommandResult c =
      RunIeval({"score", "--gold", kGold, "--pred", dir + "/pred.jsonl"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("the gold has \"000_d2d8004998f84c7a\""),
            std::string::npos)
      << c.err;
  EXPECT_NE(c.err.find("the predictions \"article-1\""), std::string::npos)
      << c.err;
}

TEST(FormatsCli, ConvertRoundTripsBrat) {
  const std::string dir = TestDir();
  ASSERT_EQ(
      RunIeval({"convert", "--to", "brat", kGold, dir + "/brat"}).exit_code, 0);
  const CommandResult back = RunIeval(
      {"convert", "--to", "ieval", dir + "/brat", dir + "/back.jsonl"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  // Entity ids and values survive (the N and Value lines), so the cluster
  // and value scores are perfect too.
  const CommandResult c =
      RunIeval({"score", "--gold", kGold, "--pred", dir + "/back.jsonl"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("CoNLL F1                          1.0000"),
            std::string::npos)
      << c.out;
}

}  // namespace
}  // namespace ieval

namespace ieval {
namespace {

const std::string kCorpora = std::string(IEVAL_SHARED_DIR) + "/corpora";

TEST(FormatsCli, SharedCorporaReadInTheirOriginalFormats) {
  // Europeana's .bio (CoNLL, IOB1, one 205,916-token document) against
  // itself.
  const std::string bio = kCorpora + "/europeana_newspapers_fr/enp_FR.bnf.bio";
  const CommandResult conll =
      RunIeval({"score", "--gold", bio, "--pred", bio, "--scheme", "IOB1"});
  ASSERT_EQ(conll.exit_code, 0) << conll.err;
  EXPECT_EQ(StrictMicro(conll.out), "9836 0 0 1.0000 1.0000 1.0000 9836");
  // fr-litbank (BRAT, nested) as predictions of itself, and through ieval
  // and back to BRAT.
  const std::string brat = kCorpora + "/fr_litbank/entities";
  const CommandResult read =
      RunIeval({"validate", brat, "--gold", brat, "--no-labels"});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_NE(read.out.find("validated 18 documents, 14209 mentions"),
            std::string::npos)
      << read.out;
  EXPECT_NE(read.err.find("white space at a span's ends trimmed"),
            std::string::npos);
  const std::string dir = TestDir();
  ASSERT_EQ(
      RunIeval({"convert", "--to", "ieval", brat, dir + "/fr.jsonl"}).exit_code,
      0);
  ASSERT_EQ(
      RunIeval({"convert", "--to", "brat", dir + "/fr.jsonl", dir + "/brat"})
          .exit_code,
      0);
  const CommandResult back =
      RunIeval({"validate", dir + "/brat", "--gold", brat, "--no-labels"});
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_NE(back.out.find("validated 18 documents, 14209 mentions"),
            std::string::npos)
      << back.out;
}

// CoNLL-U as UD treebanks and CoNLL-U Plus NER files write it: `# newdoc
// id =` starts a document and names it, `# text =` is the sentence's text
// (so SpaceAfter=No tokens get their true offsets), FORM is the second of
// ten or more columns, multiword-token ranges (5-6) are no tokens, and `#`
// tagged O at a sentence start stays a token.
TEST(FormatsCli, ConllUCommentsGiveDocumentsIdsAndTexts) {
  const std::string dir = TestDir();
  auto row = [](const std::string& id, const std::string& form,
                const std::string& misc, const std::string& tag) {
    return id + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t" + misc + "\t" + tag +
           "\n";
  };
  WriteText(dir + "/ner.conllu",
            "# newdoc id = lemonde-1\n# sent_id = 1\n"
            "# text = \xC2\xAB Kim \xC2\xBB vit \xC3\xA0\xC2\xA0Paris.\n" +
                row("1", "\xC2\xAB", "_", "O") + row("2", "Kim", "_", "B-PER") +
                row("3", "\xC2\xBB", "_", "O") + row("4", "vit", "_", "O") +
                row("5-6", "\xC3\xA0", "_", "O") +
                row("5", "\xC3\xA0", "_", "O") +
                row("6", "Paris", "SpaceAfter=No", "B-LOC") +
                row("7", ".", "_", "O") +
                "\n# newdoc id = lemonde-2\n# sent_id = 2\n"
                "# text = L\xE2\x80\x99OTAN.\n" +
                row("1", "L\xE2\x80\x99", "SpaceAfter=No", "O") +
                row("2", "OTAN", "SpaceAfter=No", "B-ORG") +
                row("3", ".", "_", "O") + "\n");
  const CommandResult c = RunIeval(
      {"convert", "--to", "ieval", dir + "/ner.conllu", dir + "/out.jsonl"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.err.find("CoNLL-U `# text =` lines"), std::string::npos) << c.err;
  const std::string out = ::ieval::testing::ReadText(dir + "/out.jsonl");
  // « Kim » vit à<U+00A0>Paris. — Paris at code point 14, OTAN after L’.
  EXPECT_NE(
      out.find("{\"doc_id\":\"lemonde-1\",\"text\":\"\xC2\xAB Kim \xC2\xBB "
               "vit \xC3\xA0\xC2\xA0Paris.\""),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("\"start\":2,\"end\":5,\"type\":\"PER\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"start\":14,\"end\":19,\"type\":\"LOC\""),
            std::string::npos)
      << out;
  EXPECT_NE(
      out.find("{\"doc_id\":\"lemonde-2\",\"text\":\"L\xE2\x80\x99OTAN.\""),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("\"start\":2,\"end\":6,\"type\":\"ORG\""),
            std::string::npos)
      << out;

  // `#` as a token: a two-column line tagged O is no comment.
  WriteText(dir + "/hash.conll", "# O\nKim B-PER\n");
  const CommandResult hash = RunIeval(
      {"convert", "--to", "ieval", dir + "/hash.conll", dir + "/hash.jsonl"});
  ASSERT_EQ(hash.exit_code, 0) << hash.err;
  EXPECT_NE(::ieval::testing::ReadText(dir + "/hash.jsonl")
                .find("\"text\":\"# Kim\""),
            std::string::npos);

  // A `# text =` its tokens are not in is an error naming the token.
  WriteText(dir + "/bad.conllu", "# text = Kim vit.\n" +
                                     row("1", "Kim", "_", "B-PER") +
                                     row("2", "mange", "_", "O") + "\n");
  const CommandResult bad = RunIeval(
      {"convert", "--to", "ieval", dir + "/bad.conllu", dir + "/bad.jsonl"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.conllu:3: bad: token \"mange\" does not match"),
            std::string::npos)
      << bad.err;
}

// Plain CoNLL-U (ten columns): the tags are the MISC column's NE= or NER=
// items, beside SpaceAfter=No; a token without one is O.
TEST(FormatsCli, ConllUMiscNeItemsAreTheTags) {
  const std::string dir = TestDir();
  auto row = [](const std::string& id, const std::string& form,
                const std::string& misc) {
    return id + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t" + misc + "\n";
  };
  WriteText(dir + "/misc.conllu",
            "# newdoc id = d1\n"
            "# text = \xC2\xAB Kim \xC2\xBB vit \xC3\xA0\xC2\xA0Paris.\n" +
                row("1", "\xC2\xAB", "_") + row("2", "Kim", "NE=B-PER") +
                row("3", "\xC2\xBB", "_") + row("4", "vit", "_") +
                row("5", "\xC3\xA0", "_") +
                row("6", "Paris", "SpaceAfter=No|NER=B-LOC") +
                row("7", ".", "_") + "\n");
  const CommandResult c = RunIeval(
      {"convert", "--to", "ieval", dir + "/misc.conllu", dir + "/out.jsonl"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const std::string out = ::ieval::testing::ReadText(dir + "/out.jsonl");
  EXPECT_NE(out.find("\"start\":2,\"end\":5,\"type\":\"PER\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\"start\":14,\"end\":19,\"type\":\"LOC\""),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("SpaceAfter"), std::string::npos) << out;
}

}  // namespace
}  // namespace ieval
