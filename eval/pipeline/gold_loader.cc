#include "ieval/pipeline/gold_loader.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <span>
#include <utility>

#include "ieval/core/string_table.h"
#include "ieval/core/thread_pool.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/labels_io.h"
#include "ieval/validate/validator.h"

namespace ieval {
namespace {

// One document of the corpus as it goes through loading; the problems of
// each step are kept apart so they can be listed in the order a serial
// load gives: every reading problem first, then every validation problem.
struct Loading {
  RawDocument raw;
  std::optional<AnnotatedDocument> doc;
  std::vector<Status> read_problems;
  std::vector<Status> check_problems;
  bool keep = false;
};

}  // namespace

Result<LoadedGold> LoadGold(const std::string& path, const std::string& labels,
                            std::vector<Status>* problems, ThreadPool& pool,
                            const LoadGoldOptions& options) {
  auto reader = CorpusReader::Open(path, options.read);
  if (!reader.ok()) return reader.status();
  return LoadGold(**reader, path, labels, problems, pool, options);
}

Result<LoadedGold> LoadGold(CorpusReader& reader, const std::string& path,
                            const std::string& labels,
                            std::vector<Status>* problems, ThreadPool& pool,
                            const LoadGoldOptions& options) {
  const size_t before = problems->size();
  LoadedGold gold;
  std::optional<LabelSet>& label_set = gold.labels;
  const std::optional<std::string> labels_path =
      labels.empty() ? FindLabelsFile(path)
                     : std::optional<std::string>(labels);
  if (labels_path) {
    auto read = ReadLabelSet(*labels_path);
    if (!read.ok()) return read.status();
    label_set = std::move(*read);
    gold.labels_path = *labels_path;
  } else if (options.format == AnnotationFormat::kBrat) {
    if (auto conf = ReadBratLabelSet(path)) {
      if (!conf->ok()) return conf->status();
      label_set = std::move(**conf);
      const std::filesystem::path folder =
          std::filesystem::is_directory(path)
              ? std::filesystem::path(path)
              : std::filesystem::path(path).parent_path();
      gold.labels_path = (folder / "annotation.conf").string();
    }
  }
  if (label_set)
    for (const auto& r : label_set->relation_types)
      if (r.symmetric) gold.symmetric_relations.insert(r.name);

  // Reading is serial (one thread at a time takes the next documents from
  // the reader, a few at once: taken one by one, the threads queue on the
  // lock; bench/README.md, "Whole process: --jobs"); parsing (JSON, UTF-8,
  // offsets) and validating are per document, on the pool's threads, while
  // another reads.
  constexpr int kDocumentsPerTake = 8;
  ValidateOptions validate;
  validate.labels = label_set ? &*label_set : nullptr;
  validate.gold = true;
  validate.allow_nested = options.allow_nested;
  std::deque<Loading> docs;  // grows at the back: references stay valid
  std::vector<Status> file_problems;
  std::mutex mu;  // guards the reader, `docs` and `file_problems`
  bool end = false;
  pool.Run([&](int) {
    Loading* taken[kDocumentsPerTake];
    for (;;) {
      int count = 0;
      {
        std::lock_guard<std::mutex> lock(mu);
        for (; count < kDocumentsPerTake && !end; ++count) {
          RawDocument raw;
          if (!reader.NextRaw(&raw, &file_problems)) {
            end = true;
            break;
          }
          Loading* d = &docs.emplace_back();
          d->raw = std::move(raw);
          d->read_problems = std::move(file_problems);
          file_problems.clear();
          taken[count] = d;
        }
      }
      if (count == 0) return;
      for (Loading* d : std::span(taken, count)) {
        d->doc = d->raw.parsed ? std::move(d->raw.parsed)
                               : ParseAnnotatedDocument(
                                     d->raw.json, d->raw.file, d->raw.line,
                                     &d->read_problems, options.read);
        d->raw = RawDocument{};
        // Checked before knowing whether it duplicates an earlier doc_id;
        // the problems of a duplicate are dropped below.
        if (d->doc && d->doc->has_text && !d->doc->document.doc_id.empty())
          CheckDocument(*d->doc, d->doc->document.text, validate,
                        &d->check_problems);
      }
    }
  });

  StringTable seen;
  for (Loading& d : docs) {
    if (!d.doc) continue;
    const Where where{d.doc->source_file, d.doc->source_line,
                      d.doc->document.doc_id, ""};
    if (d.doc->document.doc_id.empty()) continue;  // reported when read
    if (!seen.Intern(d.doc->document.doc_id).second) {
      d.check_problems = {Status::InvalidInput("duplicate doc_id", where)};
    } else if (!d.doc->has_text) {
      d.check_problems = {
          Status::InvalidInput("gold document without \"text\"", where)};
    } else {
      d.keep = true;
    }
  }

  for (Loading& d : docs)
    for (Status& s : d.read_problems) problems->push_back(std::move(s));
  for (Status& s : file_problems) problems->push_back(std::move(s));
  for (Loading& d : docs)
    for (Status& s : d.check_problems) problems->push_back(std::move(s));
  std::vector<Loading*> kept;
  for (Loading& d : docs)
    if (d.keep) kept.push_back(&d);
  gold.documents.resize(kept.size());
  ParallelFor(pool, kept.size(), [&](size_t i) {
    gold.documents[i] = std::move(*kept[i]->doc);
    kept[i]->doc.reset();
  });
  if (problems->size() > before)
    return Status::InvalidInput("the gold is invalid (`ieval validate " + path +
                                    "` lists the same problems)",
                                Where{path, 0, "", ""});
  if (gold.documents.empty())
    return Status::InvalidInput("the gold holds no document",
                                Where{path, 0, "", ""});
  return gold;
}

}  // namespace ieval
