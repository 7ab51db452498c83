// Loading the gold a run scores against: the corpus (every document with its
// text, valid, unique doc_ids) and the label set's symmetric relation types.
// The same checks as `ieval score`, so a run never scores invalid gold.
#ifndef IEVAL_PIPELINE_GOLD_LOADER_H_
#define IEVAL_PIPELINE_GOLD_LOADER_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ieval/core/labels.h"
#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/core/types.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/format_options.h"

namespace ieval {

struct LoadedGold {
  std::vector<AnnotatedDocument> documents;  // in corpus order
  std::string labels_path;                   // empty when none was found
  std::optional<LabelSet> labels;            // read from labels_path
  std::set<std::string> symmetric_relations;
};

// `labels`: a label-set file, or empty to look for labels.json beside the
// corpus (eval/io/include/ieval/io/labels_io.h) and, for a BRAT gold
// without one, to take its annotation.conf as the label set. Every problem is
// appended to `problems`; the result is an error (kInvalidInput) when there was
// any, or kIoError when the corpus cannot be opened, or when it holds no
// document. Documents are parsed and validated on the pool's threads; the
// documents and the problems (in reading order) are the same for any number of
// them.
struct LoadGoldOptions {
  // Gold spans may nest and overlap (as "nested": true in the label set).
  bool allow_nested = false;
  // How documents are parsed (ignore_unknown_keys).
  FormatReadOptions read;
  // The gold's format: a BRAT project's annotation.conf is its label set.
  AnnotationFormat format = AnnotationFormat::kIeval;
};
Result<LoadedGold> LoadGold(const std::string& path, const std::string& labels,
                            std::vector<Status>* problems, ThreadPool& pool,
                            const LoadGoldOptions& options = LoadGoldOptions());
// The same from a reader opened already (any format: ieval/io/formats.h);
// `path` names the corpus and is where labels.json is looked for.
Result<LoadedGold> LoadGold(CorpusReader& reader, const std::string& path,
                            const std::string& labels,
                            std::vector<Status>* problems, ThreadPool& pool,
                            const LoadGoldOptions& options = LoadGoldOptions());

}  // namespace ieval

#endif  // IEVAL_PIPELINE_GOLD_LOADER_H_
