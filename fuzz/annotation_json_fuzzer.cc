// One annotation document object (INTERFACE.md), as `ieval score` and
// `validate` read each line of a JSONL file. Properties: the fast scanner
// and the DOM parser agree (the same document, the same problems), and a
// document read without a problem survives writing and reading back.
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/annotation_scanner.h"

namespace ieval {
namespace {

struct Outcome {
  std::optional<AnnotatedDocument> doc;
  std::vector<std::string> problems;
};

Outcome Parse(decltype(&ParseAnnotatedDocument) parse, std::string_view json) {
  Outcome o;
  std::vector<Status> problems;
  o.doc = parse(json, "f.jsonl", 3, &problems, FormatReadOptions());
  for (const Status& s : problems) o.problems.push_back(s.ToString());
  return o;
}

bool Same(const AnnotatedDocument& x, const AnnotatedDocument& y) {
  return x.document.doc_id == y.document.doc_id &&
         x.document.text == y.document.text && x.has_text == y.has_text &&
         x.offset_unit == y.offset_unit && x.annotations == y.annotations;
}

}  // namespace
}  // namespace ieval

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view json = fuzz::AsText(data, size);
  const Outcome fast = Parse(&ParseAnnotatedDocument, json);
  const Outcome dom = Parse(&ParseAnnotatedDocumentWithDom, json);
  fuzz::Require(fast.problems == dom.problems,
                "the scanner and the DOM report the same problems");
  fuzz::Require(fast.doc.has_value() == dom.doc.has_value(),
                "the scanner and the DOM both read the document or neither");
  if (!fast.doc) return 0;
  fuzz::Require(Same(*fast.doc, *dom.doc),
                "the scanner and the DOM read the same document");
  if (!fast.problems.empty() || !fast.doc->has_text ||
      fast.doc->offset_unit != OffsetUnit::kCodepoint)
    return 0;
  const std::string written = SerializeAnnotatedDocument(*fast.doc);
  const Outcome again = Parse(&ParseAnnotatedDocument, written);
  fuzz::Require(again.problems.empty() && again.doc.has_value(),
                "a document written by ieval reads back without a problem");
  fuzz::Require(Same(*fast.doc, *again.doc),
                "a document reads back as it was written");
  return 0;
}
