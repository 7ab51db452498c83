#include "eval/run/gold_loader.h"

#include <optional>

#include "eval/io/corpus_reader.h"
#include "eval/io/labels_io.h"
#include "eval/validate/validator.h"

namespace ieval {

Result<LoadedGold> LoadGold(const std::string& path, const std::string& labels,
                            std::vector<Status>* problems) {
  const size_t before = problems->size();
  auto corpus = ReadCorpus(path, problems);
  if (!corpus.ok()) return corpus.status();
  LoadedGold gold;
  std::optional<LabelSet> label_set;
  const std::optional<std::string> labels_path =
      labels.empty() ? FindLabelsFile(path)
                     : std::optional<std::string>(labels);
  if (labels_path) {
    auto read = ReadLabelSet(*labels_path);
    if (!read.ok()) return read.status();
    label_set = std::move(*read);
    gold.labels_path = *labels_path;
    for (const auto& r : label_set->relation_types)
      if (r.symmetric) gold.symmetric_relations.insert(r.name);
  }
  ValidateOptions validate;
  validate.labels = label_set ? &*label_set : nullptr;
  validate.gold = true;
  std::set<std::string> seen;
  for (AnnotatedDocument& doc : corpus->documents) {
    const Where where{doc.source_file, doc.source_line, doc.document.doc_id,
                      ""};
    if (doc.document.doc_id.empty()) continue;  // reported by the reader
    if (!seen.insert(doc.document.doc_id).second) {
      problems->push_back(Status::InvalidInput("duplicate doc_id", where));
      continue;
    }
    if (!doc.has_text) {
      problems->push_back(
          Status::InvalidInput("gold document without \"text\"", where));
      continue;
    }
    CheckDocument(doc, doc.document.text, validate, problems);
    gold.documents.push_back(std::move(doc));
  }
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
