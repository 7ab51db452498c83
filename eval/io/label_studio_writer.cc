#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "ieval/core/offset_index.h"
#include "ieval/io/label_studio_format.h"

namespace ieval {

std::string WriteLabelStudio(const Corpus& corpus) {
  using ojson = nlohmann::ordered_json;
  ojson tasks = ojson::array();
  int64_t position = 0;
  for (const AnnotatedDocument& doc : corpus.documents) {
    ++position;
    ojson results = ojson::array();
    const OffsetIndex index(doc.document.text);
    for (const Mention& m : doc.annotations.mentions) {
      std::string text = m.text.value_or(
          m.end <= index.codepoints()
              ? std::string(index.Slice(doc.document.text, m.start, m.end))
              : std::string());
      results.push_back({{"id", m.id},
                         {"type", "labels"},
                         {"from_name", "label"},
                         {"to_name", "text"},
                         {"origin", "manual"},
                         {"value",
                          {{"start", m.start},
                           {"end", m.end},
                           {"text", std::move(text)},
                           {"labels", {m.type}}}}});
    }
    for (const Relation& r : doc.annotations.relations) {
      results.push_back({{"type", "relation"},
                         {"from_id", r.head},
                         {"to_id", r.tail},
                         {"direction", "right"},
                         {"labels", {r.type}}});
    }
    ojson annotation = {{"id", position},
                        {"completed_by", 1},
                        {"result", std::move(results)},
                        {"was_cancelled", false},
                        {"ground_truth", false}};
    tasks.push_back(
        {{"id", position},
         {"data",
          {{"text", doc.document.text}, {"doc_id", doc.document.doc_id}}},
         {"annotations", ojson::array({std::move(annotation)})},
         {"predictions", ojson::array()}});
  }
  return tasks.dump(1) + "\n";
}

}  // namespace ieval
