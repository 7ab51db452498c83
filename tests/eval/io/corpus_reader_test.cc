#include "ieval/io/corpus_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "ieval/io/annotation_json.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("ieval_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Line(const std::string& id) {
  return R"({"doc_id": ")" + id +
         R"(", "text": "Moscou", "entities": [{"id": "T1", "start": 0, "end": 6, "type": "LOC"}]})";
}

TEST(CorpusReader, ReadsAFolderInFileNameOrder) {
  fs::path dir = TempDir("folder");
  std::ofstream(dir / "b.json") << Line("b");
  std::ofstream(dir / "a.json") << Line("a");
  std::ofstream(dir / "notes.txt") << "ignored";
  std::vector<Status> problems;
  auto corpus = ReadCorpus(dir.string(), &problems);
  ASSERT_TRUE(corpus.ok());
  ASSERT_EQ(corpus->documents.size(), 2u);
  EXPECT_EQ(corpus->documents[0].document.doc_id, "a");
  EXPECT_EQ(corpus->documents[1].document.doc_id, "b");
  EXPECT_TRUE(problems.empty());
}

TEST(CorpusReader, JsonlProblemsNameTheirLine) {
  fs::path dir = TempDir("jsonl");
  std::ofstream(dir / "c.jsonl") << Line("a") << "\n\n{broken\n" << Line("b");
  std::vector<Status> problems;
  auto corpus = ReadCorpus((dir / "c.jsonl").string(), &problems);
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->documents.size(), 2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where().line, 3);
}

TEST(CorpusReader, MissingPathIsAnIoError) {
  std::vector<Status> problems;
  auto corpus = ReadCorpus("/nonexistent/ieval", &problems);
  EXPECT_EQ(corpus.status().code(), Status::Code::kIoError);
}

// The reader must hand out the first document of a JSONL stream before the
// rest exists: a named pipe whose writer produces document 2 only after the
// reader has returned document 1. A reader that loads the whole file would
// wait for the writer, which waits for it (the 30 s bound only turns that
// deadlock into a failure instead of a hang).
TEST(CorpusReader, StreamsJsonlOneDocumentAtATime) {
  fs::path dir = TempDir("fifo");
  const std::string fifo = (dir / "stream.jsonl").string();
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::mutex mu;
  std::condition_variable cv;
  bool first_read = false;
  bool writer_timed_out = false;
  std::thread writer([&] {
    std::ofstream out(fifo);
    out << Line("first") << "\n" << std::flush;
    std::unique_lock<std::mutex> lock(mu);
    writer_timed_out = !cv.wait_for(lock, std::chrono::seconds(30),
                                    [&] { return first_read; });
    for (int i = 0; i < 1000; ++i)
      out << Line("doc" + std::to_string(i)) << "\n";
  });
  auto reader = CorpusReader::Open(fifo);
  ASSERT_TRUE(reader.ok());
  AnnotatedDocument doc;
  std::vector<Status> problems;
  ASSERT_TRUE((*reader)->Next(&doc, &problems));
  EXPECT_EQ(doc.document.doc_id, "first");
  {
    std::lock_guard<std::mutex> lock(mu);
    first_read = true;
  }
  cv.notify_one();
  int rest = 0;
  while ((*reader)->Next(&doc, &problems)) ++rest;
  writer.join();
  EXPECT_FALSE(writer_timed_out);
  EXPECT_EQ(rest, 1000);
  EXPECT_TRUE(problems.empty());
}

TEST(WriteCorpus, WritesJsonlAndFoldersThatReadBack) {
  fs::path dir = TempDir("write");
  std::vector<Status> problems;
  Corpus corpus;
  AnnotatedDocument doc;
  doc.document = {"d\xC3\xA9", "\xC2\xAB Moscou \xC2\xBB"};
  doc.has_text = true;
  doc.annotations.mentions.push_back(
      {"T1", 2, 8, "LOC", "Moscou", "moscow", std::nullopt});
  corpus.documents.push_back(doc);
  for (const std::string target : {"out.jsonl", "folder"}) {
    ASSERT_TRUE(WriteCorpus(corpus, (dir / target).string(), true).ok());
    auto back = ReadCorpus((dir / target).string(), &problems);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->documents.size(), 1u);
    EXPECT_EQ(back->documents[0].annotations, doc.annotations);
    EXPECT_EQ(back->documents[0].document.text, doc.document.text);
  }
  EXPECT_TRUE(problems.empty());
  // No temporary files are left beside the output.
  for (const auto& entry : fs::directory_iterator(dir / "folder"))
    EXPECT_EQ(entry.path().filename().string()[0] == '.', false);
}

}  // namespace
}  // namespace ieval
