// A JSONL annotation file through CorpusReader, the streaming reader of
// `ieval score --gold/--pred` and `validate`: any bytes are read to the end
// with problems reported, never a crash.
#include <vector>

#include "fuzz_support.h"
#include "ieval/io/corpus_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string path =
      fuzz::WriteScratch(fuzz::AsText(data, size), "corpus.jsonl");
  auto reader = CorpusReader::Open(path);
  fuzz::Require(reader.ok(), "a JSONL file that exists opens");
  AnnotatedDocument doc;
  std::vector<Status> problems;
  while ((*reader)->Next(&doc, &problems)) {
  }
  for (const Status& p : problems)
    fuzz::Require(!p.ok() && !p.ToString().empty(), "a problem has a message");
  return 0;
}
