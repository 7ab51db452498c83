#include "ieval/io/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "ieval/io/annotation_json.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace fs = std::filesystem;
namespace {

bool HasExtension(const fs::path& p, const char* ext) {
  return p.extension() == ext;
}

// A folder with no annotation file: what it holds instead, so a BRAT or
// CoNLL folder is not taken for an empty corpus (scores of zero).
Status EmptyFolder(const std::string& path,
                   const std::map<std::string, int64_t>& others) {
  std::string held;
  for (const auto& [extension, n] : others)
    held += (held.empty() ? "" : ", ") + std::to_string(n) + " " +
            (extension.empty() ? "without extension" : extension);
  std::string message =
      "no .json or .jsonl file in this folder, so no ieval document to read";
  if (!held.empty()) message += " (it holds " + held + ")";
  if (!others.empty())
    message +=
        "; another format is read with --gold-format, --pred-format "
        "or --format";
  return Status::IoError(message, Where{path, 0, "", ""});
}

}  // namespace

Result<std::unique_ptr<CorpusReader>> CorpusReader::Open(
    const std::string& path, const FormatReadOptions& options) {
  std::error_code ec;
  const fs::path root(path);
  if (!fs::exists(root, ec)) {
    return Status::IoError("no such file or folder", Where{path, 0, "", ""});
  }
  std::vector<std::string> files;
  if (fs::is_directory(root, ec)) {
    std::map<std::string, int64_t> others;  // extension -> files
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      const fs::path& p = entry.path();
      if (p.filename().string().starts_with(".")) continue;  // temp files
      if (!entry.is_regular_file()) continue;
      if (HasExtension(p, ".json") || HasExtension(p, ".jsonl")) {
        files.push_back(p.string());
      } else {
        ++others[p.extension().string()];
      }
    }
    if (ec) {
      return Status::IoError("cannot list folder: " + ec.message(),
                             Where{path, 0, "", ""});
    }
    if (files.empty()) return EmptyFolder(path, others);
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  return std::unique_ptr<CorpusReader>(
      new CorpusReader(std::move(files), options));
}

std::unique_ptr<CorpusReader> CorpusReader::FromCorpus(Corpus corpus) {
  std::vector<std::string> files;
  for (const AnnotatedDocument& d : corpus.documents)
    if (files.empty() || files.back() != d.source_file)
      files.push_back(d.source_file);
  std::unique_ptr<CorpusReader> reader(
      new CorpusReader(std::move(files), FormatReadOptions()));
  reader->in_memory_ = true;
  reader->memory_ = std::move(corpus);
  return reader;
}

bool CorpusReader::OpenNextFile(std::vector<Status>* problems) {
  while (next_file_ < files_.size()) {
    current_file_ = files_[next_file_++];
    line_ = 0;
    if (HasExtension(current_file_, ".jsonl")) {
      jsonl_ = std::ifstream(current_file_, std::ios::binary);
      if (jsonl_) return true;
      problems->push_back(
          Status::IoError("cannot read file", Where{current_file_, 0, "", ""}));
      continue;
    }
    return true;
  }
  return false;
}

bool CorpusReader::NextRaw(RawDocument* raw, std::vector<Status>* problems) {
  if (in_memory_) {
    if (next_document_ >= memory_.documents.size()) return false;
    AnnotatedDocument& doc = memory_.documents[next_document_++];
    raw->json.clear();
    raw->file = doc.source_file;
    raw->line = doc.source_line;
    raw->parsed = std::move(doc);
    return true;
  }
  raw->parsed.reset();
  for (;;) {
    if (jsonl_.is_open()) {
      while (std::getline(jsonl_, raw->json)) {
        ++line_;
        if (raw->json.find_first_not_of(" \t\r") == std::string::npos) continue;
        raw->file = current_file_;
        raw->line = line_;
        return true;
      }
      jsonl_.close();
    }
    if (!OpenNextFile(problems)) return false;
    if (jsonl_.is_open()) continue;
    std::error_code ec;
    const auto size = fs::file_size(current_file_, ec);
    if (!ec) {
      if (Status s = CheckJsonFileSize(static_cast<int64_t>(size),
                                       current_file_, "a .json document");
          !s.ok()) {
        problems->push_back(std::move(s));
        continue;
      }
    }
    auto text = ReadFile(current_file_);
    if (!text.ok()) {
      problems->push_back(text.status());
      continue;
    }
    raw->json = std::move(text).value();
    raw->file = current_file_;
    raw->line = 1;
    return true;
  }
}

bool CorpusReader::Next(AnnotatedDocument* doc, std::vector<Status>* problems) {
  if (in_memory_) {
    if (next_document_ >= memory_.documents.size()) return false;
    *doc = std::move(memory_.documents[next_document_++]);
    return true;
  }
  while (NextRaw(&raw_, problems)) {
    auto parsed = ParseAnnotatedDocument(raw_.json, raw_.file, raw_.line,
                                         problems, options_);
    if (parsed) {
      *doc = std::move(*parsed);
      return true;
    }
  }
  return false;
}

Result<Corpus> ReadCorpus(const std::string& path,
                          std::vector<Status>* problems,
                          const FormatReadOptions& options) {
  auto reader = CorpusReader::Open(path, options);
  if (!reader.ok()) return reader.status();
  Corpus corpus;
  AnnotatedDocument doc;
  while ((*reader)->Next(&doc, problems)) {
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

Status WriteCorpus(const Corpus& corpus, const std::string& path,
                   bool include_text) {
  WriteOptions options;
  options.include_text = include_text;
  options.include_mention_text = include_text;
  if (HasExtension(path, ".jsonl")) {
    auto writer = AtomicFileWriter::Open(path);
    if (!writer.ok()) return writer.status();
    for (const auto& doc : corpus.documents) {
      if (Status s = (*writer)->Append(
              SerializeAnnotatedDocument(doc, options) + "\n");
          !s.ok())
        return s;
    }
    return (*writer)->Commit();
  }
  options.pretty = true;
  // Every name checked before the first file is written: a doc_id such as
  // "../x" would otherwise write outside the folder.
  for (const auto& doc : corpus.documents) {
    const std::string why = UnsafeFileNameReason(doc.document.doc_id);
    if (!why.empty()) {
      return Status::InvalidInput(
          "doc_id " + QuotedForMessage(doc.document.doc_id) +
              " cannot be a file name in the output folder (" + why +
              "); write a .jsonl file instead, or give the document a plain "
              "doc_id",
          Where{path, 0, "", ""});
    }
  }
  for (const auto& doc : corpus.documents) {
    const std::string file =
        (fs::path(path) / (doc.document.doc_id + ".json")).string();
    if (Status s = WriteFileAtomically(
            file, SerializeAnnotatedDocument(doc, options) + "\n");
        !s.ok())
      return s;
  }
  return Status::Ok();
}

}  // namespace ieval
