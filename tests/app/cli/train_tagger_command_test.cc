// `ieval crossval` and `ieval train-tagger` through the real binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ieval/extractors/tagger/tagger.h"
#include "testing/cli_runner.h"

namespace ieval {
namespace {

using testing::MakeTempDir;
using testing::RunIeval;
using testing::WriteText;

std::string Doc(const std::string& id, const std::string& person,
                const std::string& city) {
  // "<person> vit à <city>." — ASCII names, so offsets are easy.
  const std::string text = person + " vit \xC3\xA0 " + city + ".";
  const size_t city_start = person.size() + 7;
  return R"({"doc_id": ")" + id + R"(", "text": ")" + text +
         R"(", "entities": [{"id": "T1", "start": 0, "end": )" +
         std::to_string(person.size()) +
         R"(, "type": "PER"}, {"id": "T2", "start": )" +
         std::to_string(city_start) + R"(, "end": )" +
         std::to_string(city_start + city.size()) +
         R"(, "type": "LOC"}, {"id": "T3", "start": )" +
         std::to_string(city_start + city.size()) + R"(, "end": )" +
         std::to_string(city_start + city.size() + 1) +
         R"(, "type": "QUANTITY"}]})";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CrossvalCli, LeaveOneOutPredictsEveryDocumentOnce) {
  const std::string dir = MakeTempDir("crossval");
  WriteText(dir + "/gold/a.json", Doc("a", "Anne Martin", "Rennes"));
  WriteText(dir + "/gold/b.json", Doc("b", "Paul Durand", "Lille"));
  WriteText(dir + "/gold/c.json", Doc("c", "Marc Moreau", "Brest"));
  const auto r = RunIeval({"crossval", "--gold", dir + "/gold", "--epochs", "2",
                           "--hash-bits", "12", "--out", dir + "/pred.jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("fold 3/3 (test c;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("all folds micro"), std::string::npos);
  const std::string pred = ReadAll(dir + "/pred.jsonl");
  for (const char* id : {"\"a\"", "\"b\"", "\"c\""})
    EXPECT_NE(pred.find(id), std::string::npos) << pred;
  // Types the tagger does not cover (QUANTITY here) are not predicted.
  EXPECT_EQ(pred.find("QUANTITY"), std::string::npos);
}

TEST(CrossvalCli, MoreFoldsThanDocumentsIsBadUsage) {
  const std::string dir = MakeTempDir("crossval_folds");
  WriteText(dir + "/gold/a.json", Doc("a", "Anne Martin", "Rennes"));
  WriteText(dir + "/gold/b.json", Doc("b", "Paul Durand", "Lille"));
  const auto r = RunIeval({"crossval", "--gold", dir + "/gold", "--folds", "5",
                           "--out", dir + "/pred.jsonl"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("folds"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/pred.jsonl"));
}

TEST(TrainTaggerCli, TrainsAModelTheTaggerLoads) {
  const std::string dir = MakeTempDir("train_tagger");
  std::string bio;
  for (int i = 0; i < 20; ++i)
    bio += "Anne I-PER\nMartin I-PER\nvit O\n\xC3\xA0 O\nRennes I-LOC\n. O\n\n";
  WriteText(dir + "/c.bio", bio);
  const auto r = RunIeval({"train-tagger", "--iob", dir + "/c.bio", "--out",
                           dir + "/m.ietag", "--epochs", "2", "--hash-bits",
                           "12", "--iob-doc-sentences", "5", "--heldout-every",
                           "4", "--dictionary", "none"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/c.bio (1 document), strict:"), std::string::npos)
      << r.out;
  auto tagger = tagger::Tagger::Load(dir + "/m.ietag");
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  EXPECT_EQ(tagger->get()->model().dictionary_id, "");
}

TEST(TrainTaggerCli, BadTagNamesFileAndLineAndWritesNoModel) {
  const std::string dir = MakeTempDir("train_tagger_bad");
  WriteText(dir + "/c.bio", "Anne I-PER\nvit PER\n");
  const auto r = RunIeval(
      {"train-tagger", "--iob", dir + "/c.bio", "--out", dir + "/m.ietag"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("c.bio:2"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/m.ietag"));
}

}  // namespace
}  // namespace ieval
