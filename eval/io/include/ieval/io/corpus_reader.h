// Reading a corpus of annotation files one document at a time, so a 10 GB
// JSONL file never has to fit in memory.
//
// A corpus path is one of: a folder (its *.json files in name order, plus
// *.jsonl files, each read line by line), a .jsonl file (one document per
// line; blank lines are skipped), or a single .json file (one document).
#ifndef IEVAL_IO_CORPUS_READER_H_
#define IEVAL_IO_CORPUS_READER_H_

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// One document's JSON text and where it starts, for callers that parse it
// themselves (on other threads: ParseAnnotatedDocument). A reader of
// another format (FromCorpus) hands the document read already in `parsed`
// instead, with `json` empty.
struct RawDocument {
  std::string json;
  std::string file;
  int64_t line = 0;  // 1-based
  std::optional<AnnotatedDocument> parsed;
};

class CorpusReader {
 public:
  // Fails (kIoError) when the path does not exist or cannot be listed, or
  // is a folder without a .json or .jsonl file (naming what it holds, so a
  // BRAT or CoNLL folder is not read as an empty corpus). `options` apply
  // to every document Next() parses (ignore_unknown_keys).
  static Result<std::unique_ptr<CorpusReader>> Open(
      const std::string& path,
      const FormatReadOptions& options = FormatReadOptions());
  // Serves documents read already, in order (the formats other than
  // ieval's JSON, read whole by formats.h); NextRaw hands each in
  // RawDocument::parsed.
  static std::unique_ptr<CorpusReader> FromCorpus(Corpus corpus);

  // Reads the next document into `doc`. Returns false at the end of the
  // corpus. Problems are appended to `problems`; an object that could not be
  // read at all is skipped after reporting why.
  bool Next(AnnotatedDocument* doc, std::vector<Status>* problems);
  // The same without parsing: the next non-blank JSONL line or .json file.
  // Returns false at the end; files that cannot be read are reported.
  bool NextRaw(RawDocument* raw, std::vector<Status>* problems);

  // The files the corpus is made of, in reading order.
  const std::vector<std::string>& files() const { return files_; }

 private:
  CorpusReader(std::vector<std::string> files, FormatReadOptions options)
      : files_(std::move(files)), options_(std::move(options)) {}
  bool OpenNextFile(std::vector<Status>* problems);

  std::vector<std::string> files_;
  FormatReadOptions options_;
  size_t next_file_ = 0;
  std::string current_file_;
  std::ifstream jsonl_;  // open while reading a .jsonl file
  int64_t line_ = 0;
  RawDocument raw_;  // Next()'s buffer
  bool in_memory_ = false;
  Corpus memory_;  // FromCorpus's documents
  size_t next_document_ = 0;
};

// Reads a whole corpus (for the small ones: gold folders, tests). Problems
// are appended; returns kIoError only when the path cannot be opened.
Result<Corpus> ReadCorpus(
    const std::string& path, std::vector<Status>* problems,
    const FormatReadOptions& options = FormatReadOptions());

// Writes `corpus` to `path`: a .jsonl file (one line per document), or else a
// folder with one pretty-printed <doc_id>.json per document. Every file is
// written atomically.
Status WriteCorpus(const Corpus& corpus, const std::string& path,
                   bool include_text);

}  // namespace ieval

#endif  // IEVAL_IO_CORPUS_READER_H_
