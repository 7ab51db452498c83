#include "ieval/io/offsets.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace ieval {

namespace {

// ResolveOffsets for any index-like `index` (Size and ToCodepoint by unit).
template <typename Index>
bool Resolve(AnnotatedDocument& doc, const Index& index, const Where& where,
             std::vector<Status>* problems) {
  const OffsetUnit unit = doc.offset_unit;
  const int64_t size = index.Size(unit);
  const std::string unit_name = OffsetUnitName(unit);
  bool clean = true;
  for (Mention& m : doc.annotations.mentions) {
    if (HasNoSpan(m.alignment)) continue;  // no offsets: grounded later
    auto report = [&](const std::string& what) {
      Where at = where;  // copied only for a problem (it holds the path)
      at.annotation_id = m.id;
      problems->push_back(Status::InvalidInput(what, at));
      m.start = m.end = -1;
      clean = false;
    };
    if (m.start < 0 || m.end > size) {
      report("span [" + std::to_string(m.start) + ", " + std::to_string(m.end) +
             ") lies outside the text (" + std::to_string(size) + " " +
             unit_name + "s)");
      continue;
    }
    if (m.start >= m.end) {
      report("start " + std::to_string(m.start) + " >= end " +
             std::to_string(m.end) +
             " (spans are end-exclusive and non-empty)");
      continue;
    }
    const auto start = index.ToCodepoint(m.start, unit);
    const auto end = index.ToCodepoint(m.end, unit);
    if (!start || !end) {
      report(std::string(!start ? "start " + std::to_string(m.start)
                                : "end " + std::to_string(m.end)) +
             " is not on a character boundary (offset_unit " + unit_name + ")");
      continue;
    }
    m.start = *start;
    m.end = *end;
  }
  doc.offset_unit = OffsetUnit::kCodepoint;
  return clean;
}

// A text known only by its number of code points, with offsets in code
// points.
struct CodepointCount {
  int64_t codepoints;
  int64_t Size(OffsetUnit) const { return codepoints; }
  std::optional<int64_t> ToCodepoint(int64_t offset, OffsetUnit) const {
    if (offset < 0 || offset > codepoints) return std::nullopt;
    return offset;
  }
};

}  // namespace

bool ResolveOffsets(AnnotatedDocument& doc, const OffsetIndex& index,
                    const Where& where, std::vector<Status>* problems) {
  return Resolve(doc, index, where, problems);
}

bool ResolveCodepointOffsets(AnnotatedDocument& doc, int64_t codepoints,
                             const Where& where,
                             std::vector<Status>* problems) {
  return Resolve(doc, CodepointCount{codepoints}, where, problems);
}

int64_t FindMentionLine(std::string_view file_text, std::string_view mention_id,
                        int64_t fallback) {
  const std::string needle = "\"" + std::string(mention_id) + "\"";
  size_t pos = 0;
  while ((pos = file_text.find(needle, pos)) != std::string_view::npos) {
    // Accept it when the previous non-blank character is ':' preceded by
    // "id" — that is `"id": "T7"`, not a relation's `"head": "T7"`.
    size_t k = pos;
    while (k > 0 && (file_text[k - 1] == ' ' || file_text[k - 1] == '\t')) --k;
    if (k > 0 && file_text[k - 1] == ':') {
      --k;
      while (k > 0 && (file_text[k - 1] == ' ' || file_text[k - 1] == '\t'))
        --k;
      if (k >= 4 && file_text.substr(k - 4, 4) == "\"id\"") {
        return 1 + std::count(file_text.begin(), file_text.begin() + pos, '\n');
      }
    }
    pos += needle.size();
  }
  return fallback;
}

}  // namespace ieval
