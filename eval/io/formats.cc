#include "ieval/io/formats.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/doccano_format.h"
#include "ieval/io/json_reader.h"
#include "ieval/io/label_studio_format.h"
#include "ieval/io/spacy_format.h"
#include "ieval/io/webanno_tsv_format.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

bool IsConllExtension(const std::string& ext) {
  return ext == ".conll" || ext == ".conll03" || ext == ".conllu" ||
         ext == ".bio" || ext == ".iob" || ext == ".iob1" || ext == ".iob2" ||
         ext == ".bioes" || ext == ".iobes" || ext == ".bilou";
}

Status CannotTell(const std::string& path, const std::string& seen,
                  const std::string& option) {
  std::string names;
  for (const std::string& n : AnnotationFormatNames())
    if (n != "auto") names += (names.empty() ? "" : ", ") + n;
  return Status::InvalidInput("cannot tell the annotation format: " + seen +
                                  "; name it with " + option + " F (" + names +
                                  ")",
                              Where{path, 0, "", ""});
}

// The first non-blank line of `text`.
std::string_view FirstLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) return line;
    pos = eol + 1;
  }
  return {};
}

// A line of a token and a tag (the last column O or X-TYPE).
bool LooksLikeConll(std::string_view line) {
  if (line.starts_with("-DOCSTART-")) return true;
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.remove_suffix(1);
  const size_t sep = line.find_last_of(" \t");
  if (sep == std::string_view::npos || sep == 0) return false;
  const std::string_view tag = line.substr(sep + 1);
  return tag == "O" ||
         (tag.size() >= 3 && tag[1] == '-' &&
          std::string_view("BIESLU").find(tag[0]) != std::string_view::npos);
}

// The format of one JSON record (a task, a line, a document).
std::optional<AnnotationFormat> RecordFormat(const JsonValue& record) {
  if (!record.is_object()) return std::nullopt;
  if (record.Find("annotations") && record.Find("data"))
    return AnnotationFormat::kLabelStudio;
  if (record.Find("labels")) return AnnotationFormat::kDoccano;
  if (auto entities = record.Find("entities")) {
    const std::vector<JsonValue> items = entities->Elements();
    if (!items.empty() && items[0].Find("start_offset"))
      return AnnotationFormat::kDoccano;
  }
  if (record.Find("spans") || record.Find("ents"))
    return AnnotationFormat::kSpacy;
  if (record.Find("doc_id")) return AnnotationFormat::kIeval;
  return std::nullopt;
}

// The beginning of a file: up to the end of its first non-blank line and
// two bytes more, or the whole file when it is shorter. Telling the format
// reads no further, so that a corpus of a million JSONL documents is not
// held in memory to look at its first line.
struct FileHead {
  std::string text;
  bool whole = false;  // `text` is the whole file
};

Result<FileHead> ReadHead(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(std::string("cannot read: ") + std::strerror(errno),
                           Where{path, 0, "", ""});
  }
  FileHead head;
  char chunk[1 << 16];
  while (true) {
    in.read(chunk, sizeof chunk);
    head.text.append(chunk, static_cast<size_t>(in.gcount()));
    if (!in) {
      head.whole = true;
      return head;
    }
    const std::string_view first = FirstLine(head.text);
    if (!first.empty()) {
      const size_t end =
          static_cast<size_t>(first.data() - head.text.data()) + first.size();
      if (end + 3 <= head.text.size()) return head;  // "\n" and two bytes
    }
  }
}

Result<AnnotationFormat> FileFormat(const std::string& path,
                                    const std::string& option) {
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".ann") return AnnotationFormat::kBrat;
  if (IsConllExtension(ext)) return AnnotationFormat::kConll;
  auto head = ReadHead(path);
  if (!head.ok()) return head.status();
  std::string_view first = FirstLine(head->text);
  if (first.empty()) return CannotTell(path, "the file is empty", option);
  if (first.starts_with("#FORMAT=WebAnno TSV 3"))
    return AnnotationFormat::kWebannoTsv;
  if (ext == ".json" || ext == ".jsonl" || first.front() == '{' ||
      first.front() == '[') {
    // More than the first line and its newline: JSON Lines.
    const bool lines =
        ext == ".jsonl" || (ext != ".json" && first.front() == '{' &&
                            first.size() + 2 < head->text.size());
    if (!lines && !head->whole) {
      // One JSON value over the whole file.
      auto content = ReadFile(path);
      if (!content.ok()) return content.status();
      head->text = std::move(*content);
      head->whole = true;
      first = FirstLine(head->text);
    }
    auto doc =
        JsonDocument::Parse(lines ? first : std::string_view(head->text), path);
    if (!doc.ok()) {
      // Our reader names every problem of a broken file of ours.
      if (ext == ".json" || ext == ".jsonl") return AnnotationFormat::kIeval;
    } else {
      JsonValue root = doc->root();
      // A JSONL line that is not an object: our reader says so.
      if (lines && ext == ".jsonl" && !root.is_object())
        return AnnotationFormat::kIeval;
      if (root.is_array()) {
        const std::vector<JsonValue> items = root.Elements();
        if (items.empty())
          return CannotTell(path, "the JSON array is empty", option);
        if (auto f = RecordFormat(items[0]);
            f == AnnotationFormat::kLabelStudio)
          return *f;
        return CannotTell(path,
                          "a JSON array whose first element has no "
                          "\"data\" and \"annotations\" (Label Studio)",
                          option);
      }
      if (auto f = RecordFormat(root)) return *f;
      // Keys of ours without a doc_id: our reader says what is missing.
      for (const char* key : {"text", "entities", "relations", "offset_unit"})
        if (root.Find(key)) return AnnotationFormat::kIeval;
      return CannotTell(
          path,
          "the first JSON record has none of the keys that tell the formats "
          "apart (doc_id, annotations+data, labels, entities, spans, ents)",
          option);
    }
  }
  if (LooksLikeConll(first)) return AnnotationFormat::kConll;
  return CannotTell(
      path, "neither JSON, BRAT, WebAnno TSV nor token/tag columns", option);
}

Result<AnnotationFormat> FolderFormat(const std::string& path,
                                      const std::string& option) {
  std::map<std::string, std::vector<std::string>> by_ext;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const fs::path& p = entry.path();
    if (!entry.is_regular_file() || p.filename().string().starts_with("."))
      continue;
    by_ext[p.extension().string()].push_back(p.string());
  }
  if (ec)
    return Status::IoError("cannot list folder: " + ec.message(),
                           Where{path, 0, "", ""});
  const size_t ann = by_ext[".ann"].size();
  const size_t json = by_ext[".json"].size() + by_ext[".jsonl"].size();
  if (ann > 0 && json == 0) return AnnotationFormat::kBrat;
  if (ann > 0)
    return CannotTell(path,
                      "the folder holds " + std::to_string(ann) +
                          " .ann (BRAT) and " + std::to_string(json) +
                          " JSON files",
                      option);
  if (json > 0) {
    std::vector<std::string> files = by_ext[".json"];
    for (const std::string& f : by_ext[".jsonl"]) files.push_back(f);
    std::sort(files.begin(), files.end());
    return FileFormat(files.front(), option);
  }
  for (const auto& [ext, files] : by_ext) {
    if (IsConllExtension(ext)) return AnnotationFormat::kConll;
    if (ext == ".tsv") return FileFormat(files.front(), option);
  }
  return CannotTell(path,
                    "the folder holds no .json, .jsonl, .ann, .conll or .tsv "
                    "file",
                    option);
}

// The files of a single-file format in `path` (a file, or a folder's files
// with these extensions, in name order).
std::vector<std::string> FilesOf(const std::string& path,
                                 std::initializer_list<const char*> exts) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const fs::path& p = entry.path();
    if (p.filename().string().starts_with(".")) continue;
    const std::string ext = p.extension().string();
    for (const char* e : exts)
      if (ext == e ||
          (std::string_view(e) == ".conll" && IsConllExtension(ext)))
        files.push_back(p.string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<Corpus> ReadFileFormat(const std::string& path, AnnotationFormat format,
                              const FormatReadOptions& options,
                              const FormatContext& context,
                              std::vector<FormatRepair>* repairs) {
  std::vector<std::string> files;
  switch (format) {
    case AnnotationFormat::kConll:
      files = FilesOf(path, {".conll"});
      break;
    case AnnotationFormat::kLabelStudio:
      files = FilesOf(path, {".json"});
      break;
    case AnnotationFormat::kWebannoTsv:
      files = FilesOf(path, {".tsv"});
      break;
    default:
      files = FilesOf(path, {".jsonl", ".json"});
  }
  if (files.empty())
    return Status::InvalidInput(std::string("no file of the ") +
                                    AnnotationFormatName(format) +
                                    " format in this folder",
                                Where{path, 0, "", ""});
  Corpus corpus;
  for (const std::string& file : files) {
    auto content = ReadFile(file);
    if (!content.ok()) return content.status();
    Result<Corpus> read = Status::Internal("unreachable");
    switch (format) {
      case AnnotationFormat::kConll:
        read = ReadConll(*content, file, options, context.texts, repairs,
                         context.conll_tokens);
        break;
      case AnnotationFormat::kLabelStudio:
        read = ReadLabelStudio(*content, file, options, repairs);
        break;
      case AnnotationFormat::kDoccano:
        read = ReadDoccano(*content, file, options, repairs);
        break;
      case AnnotationFormat::kSpacy:
        read = ReadSpacy(*content, file, options, repairs);
        break;
      case AnnotationFormat::kWebannoTsv:
        read = ReadWebannoTsv(*content, file, options, repairs);
        break;
      default:
        return Status::Unavailable(std::string("reading the ") +
                                   AnnotationFormatName(format) +
                                   " format is not available in this build");
    }
    if (!read.ok()) return read.status();
    for (AnnotatedDocument& d : read->documents)
      corpus.documents.push_back(std::move(d));
  }
  return corpus;
}

}  // namespace

Result<AnnotationFormat> ResolveFormat(const std::string& path,
                                       AnnotationFormat format,
                                       const std::string& option) {
  if (format != AnnotationFormat::kAuto) return format;
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Status::IoError("no such file or folder", Where{path, 0, "", ""});
  if (fs::is_directory(path, ec)) return FolderFormat(path, option);
  return FileFormat(path, option);
}

Result<Corpus> ReadAnnotations(const std::string& path, AnnotationFormat format,
                               const FormatReadOptions& options,
                               const FormatContext& context,
                               std::vector<FormatRepair>* repairs,
                               std::vector<Status>* problems) {
  switch (format) {
    case AnnotationFormat::kAuto:
      return Status::Internal("ReadAnnotations: resolve the format first");
    case AnnotationFormat::kIeval:
      return ReadCorpus(path, problems, options);
    case AnnotationFormat::kBrat:
      return ReadBrat(path, options, repairs);
    default:
      return ReadFileFormat(path, format, options, context, repairs);
  }
}

Result<std::unique_ptr<CorpusReader>> OpenAnnotations(
    const std::string& path, AnnotationFormat format,
    const FormatReadOptions& options, const FormatContext& context,
    std::vector<FormatRepair>* repairs) {
  if (format == AnnotationFormat::kIeval)
    return CorpusReader::Open(path, options);
  std::vector<Status> problems;
  auto corpus =
      ReadAnnotations(path, format, options, context, repairs, &problems);
  if (!corpus.ok()) return corpus.status();
  return CorpusReader::FromCorpus(std::move(*corpus));
}

std::string DescribeRepairs(const std::string& path, AnnotationFormat format,
                            const std::vector<FormatRepair>& repairs) {
  std::string out;
  for (const FormatRepair& r : repairs) {
    out += path + " (" + AnnotationFormatName(format) + "): " + r.what;
    if (r.count > 1) out += " ×" + std::to_string(r.count);
    out += " (first at " + r.example + ")\n";
  }
  return out;
}

}  // namespace ieval
