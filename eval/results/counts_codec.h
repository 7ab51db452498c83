// Internal to counts_file.cc: one document's counts as one JSON array, and
// back, exactly (eval/README.md, "Counts files", gives the layout). Type
// names are indices into the file's type table, so a document line holds
// numbers and its doc_id only.
#ifndef IEVAL_RESULTS_COUNTS_CODEC_H_
#define IEVAL_RESULTS_COUNTS_CODEC_H_

#include <map>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/io/json_reader.h"
#include "ieval/score/scorer.h"

namespace ieval {

class DocumentCodec {
 public:
  DocumentCodec() = default;
  explicit DocumentCodec(std::vector<std::string> types);

  // Writing: every type of every document first, then Encode.
  void AddTypes(const DocumentScores& doc);
  std::vector<std::string> types() const;
  void Encode(const DocumentScores& doc, std::string* out) const;

  Result<DocumentScores> Decode(const JsonValue& line) const;

 private:
  std::map<std::string, int64_t> index_;
  std::vector<std::string> names_;
};

// The examples of each error kind: [[kind 0…], …, [kind 5…]], each example
// [doc_id, gold, predicted] with a side [start, end, type, text] or null.
void EncodeExamples(const ErrorAnalysis& errors, std::string* out);
// The end line {"end": K, "examples": …, "grounding": …} (the grounding
// read by grounding_counts.h); K must be `documents`, the
// number of document lines read, and the header's `expected`.
Status DecodeEnd(const JsonValue& end, int64_t documents, int64_t expected,
                 ErrorAnalysis* examples);

}  // namespace ieval

#endif  // IEVAL_RESULTS_COUNTS_CODEC_H_
