#include "ieval/extractors/run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <thread>

#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/corpus_reader.h"

namespace ieval {
namespace {

Status Fail(const std::string& label, const Document& doc,
            const std::string& what, const std::string& annotation = "") {
  Where where;
  where.doc_id = doc.doc_id;
  where.annotation_id = annotation;
  return Status::ExtractorFailed("extractor '" + label + "' " + what, where);
}

// Numbers every mention T1… in order and rewrites relations through `ids`
// (old id -> new id); relations to unknown ids are an error.
Status Check(const Document& doc, const std::string& label,
             const OffsetIndex& index, Annotations& out) {
  const int64_t size = index.codepoints();
  std::set<std::string> seen;
  for (const Mention& m : out.mentions) {
    if (m.type.empty())
      return Fail(label, doc, "returned a mention without type", m.id);
    if (!m.id.empty() && !seen.insert(m.id).second)
      return Fail(label, doc, "returned mention id '" + m.id + "' twice");
    // Given by its text (grounded when scored) or found nowhere: no span.
    if (HasNoSpan(m.alignment)) {
      if (m.alignment == MentionAlignment::kPending &&
          (!m.text || m.text->empty()))
        return Fail(label, doc,
                    "returned a mention with neither offsets nor text", m.id);
      continue;
    }
    const std::string span =
        "[" + std::to_string(m.start) + ", " + std::to_string(m.end) + ")";
    if (m.start < 0 || m.end > size) {
      return Fail(label, doc,
                  "returned span " + span + " outside the text (" +
                      std::to_string(size) + " code points)",
                  m.id);
    }
    if (m.start >= m.end)
      return Fail(label, doc, "returned an empty span " + span, m.id);
  }
  int64_t next = 1;
  for (Mention& m : out.mentions) {
    if (!m.id.empty()) continue;
    while (seen.count("T" + std::to_string(next))) ++next;
    m.id = "T" + std::to_string(next++);
    seen.insert(m.id);
  }
  // A grounded mention keeps the string the extractor returned (which a
  // normalised or fuzzy grounding does not match letter for letter).
  for (Mention& m : out.mentions)
    if (m.alignment == MentionAlignment::kGiven || !m.text)
      if (!HasNoSpan(m.alignment))
        m.text = std::string(index.Slice(doc.text, m.start, m.end));
  std::set<Relation> relations;
  std::vector<Relation> kept;
  for (const Relation& r : out.relations) {
    if (r.type.empty())
      return Fail(label, doc, "returned a relation without type");
    for (const std::string* arg : {&r.head, &r.tail}) {
      if (!seen.count(*arg)) {
        return Fail(label, doc,
                    "returned a " + r.type + " relation to mention '" + *arg +
                        "', which it did not return");
      }
    }
    if (relations.insert(r).second) kept.push_back(r);
  }
  out.relations = std::move(kept);
  return Status::Ok();
}

// An extractor's own error, prefixed with its label.
Status Wrap(const std::string& label, const Status& s) {
  if (s.code() != Status::Code::kExtractorFailed) return s;
  return Status::ExtractorFailed(
      "extractor '" + label + "' failed: " + s.message(), s.where());
}

}  // namespace

Status CheckExtractorOutput(const Document& doc, const std::string& label,
                            Annotations& annotations) {
  const OffsetIndex index(doc.text);
  return Check(doc, label, index, annotations);
}

Result<Annotations> RunExtractor(const Extractor& extractor,
                                 const Document& doc,
                                 const std::string& label) {
  Result<Annotations> out = extractor.Extract(doc);
  if (!out.ok()) return Wrap(label, out.status());
  if (Status s = CheckExtractorOutput(doc, label, *out); !s.ok()) return s;
  return out;
}

Result<Annotations> RunExtractorOver(const Extractor& extractor,
                                     const Document& doc,
                                     const Annotations& upstream,
                                     const std::string& label) {
  Result<Annotations> added = extractor.ExtractWithUpstream(doc, upstream);
  if (!added.ok()) return Wrap(label, added.status());
  // Relations may name upstream mentions: check the added mentions alone,
  // then the relations against both sets.
  std::vector<Relation> relations = std::move(added->relations);
  added->relations.clear();
  const OffsetIndex index(doc.text);
  if (Status s = Check(doc, label, index, *added); !s.ok()) return s;

  Annotations merged;
  std::map<std::string, std::string> upstream_ids, added_ids;
  for (const Mention& m : upstream.mentions) {
    merged.mentions.push_back(m);
    merged.mentions.back().id = "T" + std::to_string(merged.mentions.size());
    upstream_ids[m.id] = merged.mentions.back().id;
  }
  for (const Mention& m : added->mentions) {
    merged.mentions.push_back(m);
    merged.mentions.back().id = "T" + std::to_string(merged.mentions.size());
    added_ids[m.id] = merged.mentions.back().id;
  }
  auto map_id = [&](const std::string& id,
                    const std::map<std::string, std::string>& first,
                    const std::map<std::string, std::string>& second)
      -> const std::string* {
    if (auto it = first.find(id); it != first.end()) return &it->second;
    if (auto it = second.find(id); it != second.end()) return &it->second;
    return nullptr;
  };
  std::set<Relation> seen;
  for (const Relation& r : upstream.relations) {
    merged.relations.push_back(
        {r.type, upstream_ids.at(r.head), upstream_ids.at(r.tail)});
    seen.insert(merged.relations.back());
  }
  for (const Relation& r : relations) {
    const std::string* head = map_id(r.head, added_ids, upstream_ids);
    const std::string* tail = map_id(r.tail, added_ids, upstream_ids);
    if (r.type.empty())
      return Fail(label, doc, "returned a relation without type");
    if (head == nullptr || tail == nullptr) {
      return Fail(label, doc,
                  "returned a " + r.type + " relation to mention '" +
                      (head == nullptr ? r.head : r.tail) +
                      "', which is neither its own nor upstream");
    }
    Relation mapped{r.type, *head, *tail};
    if (seen.insert(mapped).second)
      merged.relations.push_back(std::move(mapped));
  }
  return merged;
}

Result<std::vector<Annotations>> ExtractAll(const Extractor& extractor,
                                            const std::vector<Document>& docs,
                                            const std::string& label,
                                            ThreadPool& pool) {
  std::vector<std::optional<Result<Annotations>>> results(docs.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  pool.Run([&](int) {
    for (size_t i = next++; i < docs.size() && !failed; i = next++) {
      results[i] = RunExtractor(extractor, docs[i], label);
      if (!results[i]->ok()) failed = true;
    }
  });
  std::vector<Annotations> out;
  for (auto& r : results) {
    if (!r) continue;  // not reached after a failure
    if (!r->ok()) return r->status();
    out.push_back(std::move(r->value()));
  }
  return out;
}

Result<std::vector<Document>> ReadTextDocuments(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return Status::IoError(folder + " is not a folder of .txt files");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      files.push_back(entry.path());
  }
  if (ec) return Status::IoError("cannot list " + folder + ": " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::IoError(folder + " holds no .txt files");
  std::vector<Document> docs;
  for (const auto& file : files) {
    auto text = ReadFile(file.string());
    if (!text.ok()) return text.status();
    if (auto bad = FindInvalidUtf8(*text)) {
      return Status::InvalidInput(
          "invalid UTF-8 at byte " + std::to_string(*bad),
          Where{file.string(), 0, "", ""});
    }
    docs.push_back({file.stem().string(), std::move(*text)});
  }
  return docs;
}

Result<std::vector<Document>> ReadGoldDocuments(const std::string& path) {
  std::vector<Status> problems;
  auto corpus = ReadCorpus(path, &problems);
  if (!corpus.ok()) return corpus.status();
  if (!problems.empty()) {
    Status first = problems.front();
    return Status::InvalidInput(
        first.message() + " (" + std::to_string(problems.size()) +
            " problem(s); run `ieval validate " + path + "`)",
        first.where());
  }
  std::vector<Document> docs;
  for (auto& d : corpus->documents) {
    if (!d.has_text) {
      return Status::InvalidInput(
          "no \"text\": gold documents carry their text",
          Where{d.source_file, d.source_line, d.document.doc_id, ""});
    }
    docs.push_back(std::move(d.document));
  }
  if (docs.empty()) return Status::IoError(path + " holds no documents");
  return docs;
}

}  // namespace ieval
