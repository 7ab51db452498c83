// Loading the gold of a run: documents are parsed and checked on --jobs
// threads, with the same documents and the same problems, in reading order,
// whatever the number of threads.
#include "ieval/pipeline/gold_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

std::string Line(const std::string& id, const std::string& text,
                 const std::string& mentions) {
  return "{\"doc_id\": \"" + id + "\", \"text\": \"" + text +
         "\", \"entities\": [" + mentions + "]}\n";
}

std::string Mention(int start, int end, const std::string& type) {
  return "{\"id\": \"T1\", \"start\": " + std::to_string(start) +
         ", \"end\": " + std::to_string(end) + ", \"type\": \"" + type + "\"}";
}

// 60 documents "d0".."d59", every one with "Élysée" as an ORG.
std::string ValidCorpus() {
  std::string jsonl;
  for (int i = 0; i < 60; ++i)
    jsonl += Line("d" + std::to_string(i), "Hier Élysée a dit.",
                  Mention(5, 11, "ORG"));
  return jsonl;
}

std::vector<std::string> Texts(const std::vector<Status>& problems) {
  std::vector<std::string> texts;
  for (const Status& s : problems) texts.push_back(s.ToString());
  return texts;
}

TEST(LoadGold, SameDocumentsWhateverTheJobs) {
  const std::string dir = testing::MakeTempDir("gold_loader_valid");
  testing::WriteText(dir + "/gold.jsonl", ValidCorpus());
  std::vector<Status> problems;
  ThreadPool serial(1);
  auto one = LoadGold(dir + "/gold.jsonl", "", &problems, serial);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->documents.size(), 60u);
  EXPECT_EQ(one->documents[59].document.doc_id, "d59");
  EXPECT_EQ(one->documents[7].annotations.mentions[0].end, 11);
  for (int jobs : {2, 4}) {
    ThreadPool pool(jobs);
    auto many = LoadGold(dir + "/gold.jsonl", "", &problems, pool);
    ASSERT_TRUE(many.ok()) << many.status().ToString();
    ASSERT_EQ(many->documents.size(), one->documents.size());
    for (size_t i = 0; i < one->documents.size(); ++i) {
      EXPECT_EQ(many->documents[i].document.doc_id,
                one->documents[i].document.doc_id);
      EXPECT_EQ(many->documents[i].document.text,
                one->documents[i].document.text);
      EXPECT_EQ(many->documents[i].annotations, one->documents[i].annotations);
    }
  }
  EXPECT_TRUE(problems.empty());
}

TEST(LoadGold, ProblemsComeInReadingOrderWhateverTheJobs) {
  std::string jsonl = ValidCorpus();
  jsonl += "{not json\n";                                   // line 61
  jsonl += Line("d2", "Encore.", "");                       // duplicate
  jsonl += "{\"doc_id\": \"notext\", \"entities\": []}\n";  // no text
  jsonl += Line("far", "Court.", Mention(2, 40, "ORG"));    // off the text
  jsonl += "\n" + Line("d60", "Hier Élysée a dit.", Mention(5, 11, "ORG"));
  const std::string dir = testing::MakeTempDir("gold_loader_problems");
  testing::WriteText(dir + "/gold.jsonl", jsonl);
  std::vector<Status> serial;
  ThreadPool one(1);
  EXPECT_FALSE(LoadGold(dir + "/gold.jsonl", "", &serial, one).ok());
  ASSERT_GE(serial.size(), 4u);
  // Reading problems (JSON, offsets off the text) first, in line order,
  // then the checks of the documents read (duplicates, missing text).
  EXPECT_NE(serial[0].ToString().find(":61"), std::string::npos)
      << serial[0].ToString();
  EXPECT_NE(serial[1].ToString().find("far: T1"), std::string::npos)
      << serial[1].ToString();
  EXPECT_NE(serial[2].ToString().find("duplicate doc_id"), std::string::npos)
      << serial[2].ToString();
  EXPECT_NE(serial[3].ToString().find("without \"text\""), std::string::npos)
      << serial[3].ToString();
  for (int jobs : {2, 3}) {
    ThreadPool pool(jobs);
    std::vector<Status> threaded;
    EXPECT_FALSE(LoadGold(dir + "/gold.jsonl", "", &threaded, pool).ok());
    EXPECT_EQ(Texts(threaded), Texts(serial)) << jobs << " jobs";
  }
}

}  // namespace
}  // namespace ieval
