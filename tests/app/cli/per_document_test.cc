// `ieval score --json --per-document FILE` through the real binary: the
// file holds, line by line, exactly the documents the JSON holds without
// it (shipped gold, and a generated corpus whose predictions come in
// another order), the same bytes for --jobs 1 and 2; ieval compare and
// ieval gate read a report whose counts are in the file as one that holds
// them; a missing, truncated or altered file is an exit-2 error.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "testing/cli_runner.h"
#include "testing/shipped.h"

namespace ieval {
namespace {

using ::ieval::testing::CommandResult;
using ::ieval::testing::MakeTempDir;
using ::ieval::testing::ReadText;
using ::ieval::testing::RunIeval;
using ::ieval::testing::SourcePath;
using ::ieval::testing::WriteText;
using nlohmann::json;

// The lines of a JSON Lines file, parsed, by doc_id (each id once).
std::map<std::string, json> LinesById(const std::string& path) {
  std::map<std::string, json> by_id;
  std::istringstream lines(ReadText(path));
  std::string line;
  while (std::getline(lines, line)) {
    json d = json::parse(line);
    const std::string id = d["doc_id"];
    EXPECT_TRUE(by_id.emplace(id, std::move(d)).second) << id << " twice";
  }
  return by_id;
}

// Words with accents, « », and U+00A0, for generated documents.
const std::vector<std::string> kWords = {"Émile",
                                         "à",
                                         "Paris",
                                         "«",
                                         "la",
                                         "Société",
                                         "»",
                                         "été",
                                         "Noël\xC2\xA0"
                                         "Dupré",
                                         "de",
                                         "Lyon",
                                         "le",
                                         "11"};

// `n` documents of random words and mentions (code points), and
// predictions that drop, move and retype some of them, listed in another
// order, with a few gold documents never predicted.
void WriteGeneratedCorpus(const std::string& dir, int n) {
  std::mt19937 rng(7);
  std::string gold, pred;
  std::vector<std::string> pred_lines;
  const char* types[] = {"PER", "LOC", "ORG", "DATE"};
  for (int i = 0; i < n; ++i) {
    std::string text;
    json entities = json::array(), predicted = json::array();
    int cp = 0;  // code points so far
    for (int w = 0; w < 30; ++w) {
      const std::string& word = kWords[rng() % kWords.size()];
      if (!text.empty()) {
        text += ' ';
        ++cp;
      }
      const int start = cp;
      for (unsigned char c : word) cp += (c & 0xC0) != 0x80;
      text += word;
      if (rng() % 4 != 0) continue;
      const std::string type = types[rng() % 4];
      const std::string id = "T" + std::to_string(w);
      entities.push_back(
          {{"id", id}, {"start", start}, {"end", cp}, {"type", type}});
      switch (rng() % 5) {
        case 0:
          break;  // missed
        case 1:
          predicted.push_back({{"id", id},
                               {"start", start},
                               {"end", cp},
                               {"type", types[rng() % 4]}});
          break;
        case 2:  // over the space after the word too
          if (w + 1 < 30)
            predicted.push_back({{"id", id},
                                 {"start", start},
                                 {"end", cp + 1},
                                 {"type", type}});
          break;
        default:
          predicted.push_back(
              {{"id", id}, {"start", start}, {"end", cp}, {"type", type}});
      }
    }
    const std::string doc_id = "gén-" + std::to_string(i);
    gold += json{{"doc_id", doc_id}, {"text", text}, {"entities", entities}}
                .dump() +
            "\n";
    if (i % 17 != 3)
      pred_lines.push_back(
          json{{"doc_id", doc_id}, {"entities", predicted}}.dump());
  }
  std::shuffle(pred_lines.begin(), pred_lines.end(), rng);
  for (const std::string& line : pred_lines) pred += line + "\n";
  WriteText(dir + "/gold.jsonl", gold);
  WriteText(dir + "/pred.jsonl", pred);
}

class PerDocumentCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Scores into `out` (with the documents inside), and into
  // `out_dir`/score.json with them in `out_dir`/docs.jsonl.
  void ScoreBoth(const std::string& gold, const std::string& pred,
                 const std::string& out, const std::string& out_dir,
                 const std::string& jobs = "1") {
    CommandResult full = RunIeval({"score", "--gold", gold, "--pred", pred,
                                   "--json", "--jobs", jobs, "--out", out});
    ASSERT_EQ(full.exit_code, 0) << full.err;
    CommandResult split =
        RunIeval({"score", "--gold", gold, "--pred", pred, "--json", "--jobs",
                  jobs, "--out", out_dir + "/score.json", "--per-document",
                  out_dir + "/docs.jsonl"});
    ASSERT_EQ(split.exit_code, 0) << split.err;
  }

  // The side file holds the full JSON's documents, each once, and the two
  // JSON objects agree on everything else.
  static void ExpectSameDocuments(const std::string& full_path,
                                  const std::string& out_dir) {
    json full = json::parse(ReadText(full_path));
    json split = json::parse(ReadText(out_dir + "/score.json"));
    const std::map<std::string, json> lines =
        LinesById(out_dir + "/docs.jsonl");
    ASSERT_EQ(lines.size(), full["documents"].size());
    ASSERT_GT(lines.size(), 0u);
    for (const json& d : full["documents"]) {
      auto it = lines.find(d["doc_id"]);
      ASSERT_NE(it, lines.end()) << d["doc_id"];
      EXPECT_EQ(it->second, d) << d["doc_id"];
    }
    EXPECT_EQ(split["per_document"], "docs.jsonl");
    EXPECT_EQ(split["documents"], json::array());
    split.erase("per_document");
    full["documents"] = json::array();
    EXPECT_EQ(split, full);
  }

  std::string dir_;
};

TEST_F(PerDocumentCli, ShippedGoldFileHoldsTheDocumentsOfTheJson) {
  ScoreBoth(SourcePath("gold/docs"), SourcePath("gold/passes/a"),
            dir_ + "/full.json", dir_ + "/split");
  ExpectSameDocuments(dir_ + "/full.json", dir_ + "/split");
}

TEST_F(PerDocumentCli, GeneratedCorpusInAnotherOrderMatchesAndJobsAgree) {
  WriteGeneratedCorpus(dir_, 700);  // several batches of 256
  ScoreBoth(dir_ + "/gold.jsonl", dir_ + "/pred.jsonl", dir_ + "/full.json",
            dir_ + "/one", "1");
  ExpectSameDocuments(dir_ + "/full.json", dir_ + "/one");
  EXPECT_EQ(LinesById(dir_ + "/one/docs.jsonl").size(), 700u);
  ScoreBoth(dir_ + "/gold.jsonl", dir_ + "/pred.jsonl", dir_ + "/full2.json",
            dir_ + "/two", "2");
  EXPECT_EQ(ReadText(dir_ + "/one/docs.jsonl"),
            ReadText(dir_ + "/two/docs.jsonl"));
  EXPECT_EQ(ReadText(dir_ + "/one/score.json"),
            ReadText(dir_ + "/two/score.json"));
}

TEST_F(PerDocumentCli, CompareAndGateReadTheLinkedFile) {
  WriteGeneratedCorpus(dir_, 300);
  ScoreBoth(dir_ + "/gold.jsonl", dir_ + "/pred.jsonl", dir_ + "/full.json",
            dir_ + "/split");
  // A current run that lost half its predictions.
  std::istringstream lines(ReadText(dir_ + "/pred.jsonl"));
  std::string line, worse;
  for (int i = 0; std::getline(lines, line); ++i)
    if (i % 2 == 0) worse += line + "\n";
  WriteText(dir_ + "/worse.jsonl", worse);
  CommandResult r = RunIeval({"score", "--gold", dir_ + "/gold.jsonl", "--pred",
                              dir_ + "/worse.jsonl", "--json", "--out",
                              dir_ + "/worse/score.json", "--per-document",
                              dir_ + "/worse/docs.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = RunIeval({"compare", dir_ + "/full.json", dir_ + "/split/score.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("300 documents paired"), std::string::npos) << r.out;
  r = RunIeval({"compare", dir_ + "/split/score.json",
                dir_ + "/worse/score.json", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CommandResult full_compare = RunIeval(
      {"compare", dir_ + "/full.json", dir_ + "/worse/score.json", "--json"});
  ASSERT_EQ(full_compare.exit_code, 0) << full_compare.err;
  // The same verdicts whether the baseline's counts are inline or linked.
  json linked = json::parse(r.out),
       inline_counts = json::parse(full_compare.out);
  const json& rows = linked["pairs"][0]["rows"];
  ASSERT_GT(rows.size(), 0u) << r.out;
  EXPECT_EQ(rows, inline_counts["pairs"][0]["rows"]);
  EXPECT_NE(rows[0]["verdict"], "no significant difference") << rows[0];

  r = RunIeval({"gate", "--baseline", dir_ + "/full.json", "--current",
                dir_ + "/split/score.json", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = RunIeval({"gate", "--baseline", dir_ + "/split/score.json", "--current",
                dir_ + "/worse/score.json", "--quiet"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
}

TEST_F(PerDocumentCli, LinkIsRelativeToTheFolderOfOut) {
  WriteGeneratedCorpus(dir_, 20);
  CommandResult r = RunIeval({"score", "--gold", dir_ + "/gold.jsonl", "--pred",
                              dir_ + "/pred.jsonl", "--json", "--out",
                              dir_ + "/reports/score.json", "--per-document",
                              dir_ + "/counts/docs.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(ReadText(dir_ + "/reports/score.json"));
  EXPECT_EQ(j["per_document"], "../counts/docs.jsonl");
  r = RunIeval({"gate", "--baseline", dir_ + "/reports/score.json", "--current",
                dir_ + "/reports/score.json", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(PerDocumentCli, MissingTruncatedOrAlteredFileIsAnError) {
  WriteGeneratedCorpus(dir_, 50);
  ScoreBoth(dir_ + "/gold.jsonl", dir_ + "/pred.jsonl", dir_ + "/full.json",
            dir_ + "/split");
  const std::string docs = dir_ + "/split/docs.jsonl";
  const std::string report = dir_ + "/split/score.json";
  const std::string original = ReadText(docs);

  std::filesystem::remove(docs);
  for (const char* command : {"compare", "gate"}) {
    CommandResult r = command == std::string("compare")
                          ? RunIeval({"compare", dir_ + "/full.json", report})
                          : RunIeval({"gate", "--baseline", dir_ + "/full.json",
                                      "--current", report, "--quiet"});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("docs.jsonl named by $.per_document is missing"),
              std::string::npos)
        << r.err;
  }

  WriteText(docs, original.substr(0, original.find('\n') + 1));
  CommandResult r = RunIeval({"compare", dir_ + "/full.json", report});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1 documents, where the report scored 50"),
            std::string::npos)
      << r.err;

  // One more strict true positive in the first document.
  std::string altered = original;
  const size_t tp = altered.find("\"strict\":{\"tp\":") + 15;
  altered.insert(tp, "1");
  WriteText(docs, altered);
  r = RunIeval({"gate", "--baseline", dir_ + "/full.json", "--current", report,
                "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("do not add up"), std::string::npos) << r.err;
}

TEST_F(PerDocumentCli, NeedsJsonAndLeavesNoFileOnBadInput) {
  WriteGeneratedCorpus(dir_, 5);
  CommandResult r =
      RunIeval({"score", "--gold", dir_ + "/gold.jsonl", "--pred",
                dir_ + "/pred.jsonl", "--per-document", dir_ + "/docs.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--per-document"), std::string::npos) << r.err;
  // A prediction naming no gold document: exit 2, no file written.
  WriteText(dir_ + "/bad.jsonl",
            ReadText(dir_ + "/pred.jsonl") + "{\"doc_id\": \"stranger\"}\n");
  r = RunIeval({"score", "--gold", dir_ + "/gold.jsonl", "--pred",
                dir_ + "/bad.jsonl", "--json", "--per-document",
                dir_ + "/docs.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/docs.jsonl"));
}

}  // namespace
}  // namespace ieval
