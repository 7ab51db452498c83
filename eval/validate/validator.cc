#include "ieval/validate/validator.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ieval/core/offset_index.h"

namespace ieval {
namespace {

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string Span(const Mention& m) {
  return "[" + std::to_string(m.start) + ", " + std::to_string(m.end) + ")";
}

// The first and last code points of a non-empty UTF-8 string.
UChar32 FirstCodepoint(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}
UChar32 LastCodepoint(std::string_view s) {
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

// When a mention's `text` differs from its span but its offsets, read in
// another unit or with each CRLF counted as one character, give exactly
// that text: which reading, and what fixes it. Else "".
std::string OffsetHint(const AnnotatedDocument& doc, const Mention& m,
                       std::string_view text, const OffsetIndex& index) {
  const int64_t start = index.FromCodepoint(m.start, doc.offset_unit);
  const int64_t end = index.FromCodepoint(m.end, doc.offset_unit);
  for (OffsetUnit unit :
       {OffsetUnit::kCodepoint, OffsetUnit::kUtf16, OffsetUnit::kByte}) {
    if (unit == doc.offset_unit) continue;
    const auto s = index.ToCodepoint(start, unit);
    const auto e = index.ToCodepoint(end, unit);
    if (s && e && *s < *e && index.Slice(text, *s, *e) == *m.text)
      return std::string("; the offsets match it counted in ") +
             (unit == OffsetUnit::kUtf16  ? "UTF-16 units"
              : unit == OffsetUnit::kByte ? "UTF-8 bytes"
                                          : "code points") +
             ": give the document \"offset_unit\": \"" + OffsetUnitName(unit) +
             "\"";
  }
  if (doc.offset_unit != OffsetUnit::kCodepoint ||
      text.find("\r\n") == std::string_view::npos)
    return "";
  // Code points with each CRLF as one: position p of that reading is p
  // plus the CRLFs before it (a CRLF sits where its \r is).
  std::vector<int64_t> original;
  int64_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (!(c == '\n' && i > 0 && text[i - 1] == '\r')) original.push_back(cp);
    ++cp;
  }
  original.push_back(cp);
  const auto size = static_cast<int64_t>(original.size());
  if (m.start < 0 || m.end >= size || m.start >= m.end) return "";
  if (index.Slice(text, original[static_cast<size_t>(m.start)],
                  original[static_cast<size_t>(m.end)]) != *m.text)
    return "";
  return "; the offsets match it when each CRLF line end counts as one "
         "character: give the text LF line ends (or offsets that count the "
         "\\r)";
}

}  // namespace

void CheckDocument(const AnnotatedDocument& doc, std::string_view text,
                   const ValidateOptions& options,
                   std::vector<Status>* problems) {
  CheckDocument(doc, text, OffsetIndex(text), options, problems);
}

void CheckDocument(const AnnotatedDocument& doc, std::string_view text,
                   const OffsetIndex& index, const ValidateOptions& options,
                   std::vector<Status>* problems) {
  const Annotations& ann = doc.annotations;
  auto report = [&](const std::string& id, const std::string& what,
                    int64_t line = 0) {
    problems->push_back(Status::InvalidInput(
        what, Where{doc.source_file, line > 0 ? line : doc.source_line,
                    doc.document.doc_id, id}));
  };
  auto line_of = [&](const Mention& m) -> int64_t {
    const size_t i = static_cast<size_t>(&m - ann.mentions.data());
    return i < doc.mention_lines.size() ? doc.mention_lines[i] : 0;
  };

  // Mention ids sorted with their positions, to find duplicates and what
  // relations name without a tree node per mention (this runs for every
  // document `ieval score` reads); among equal ids the first mention is
  // the one that counts, the others are duplicates.
  const size_t n = ann.mentions.size();
  std::vector<std::pair<std::string_view, size_t>> ids;
  ids.reserve(n);
  for (size_t i = 0; i < n; ++i) ids.emplace_back(ann.mentions[i].id, i);
  std::sort(ids.begin(), ids.end());
  std::vector<bool> duplicate(n);
  for (size_t k = 1; k < ids.size(); ++k)
    if (ids[k].first == ids[k - 1].first) duplicate[ids[k].second] = true;
  auto find = [&](std::string_view id) -> const Mention* {
    auto it = std::lower_bound(ids.begin(), ids.end(),
                               std::pair<std::string_view, size_t>(id, 0));
    return it != ids.end() && it->first == id ? &ann.mentions[it->second]
                                              : nullptr;
  };

  std::vector<const Mention*> usable;
  usable.reserve(n);
  for (const Mention& m : ann.mentions) {
    if (duplicate[static_cast<size_t>(&m - ann.mentions.data())]) {
      report(m.id, "duplicate mention id " + Quote(m.id), line_of(m));
    }
    if (options.labels != nullptr && !options.labels->HasEntityType(m.type)) {
      report(m.id, "unknown entity type " + Quote(m.type), line_of(m));
    }
    if (options.gold && m.alignment != MentionAlignment::kGiven) {
      report(m.id,
             m.alignment == MentionAlignment::kPending
                 ? "gold mention without \"start\" and \"end\" (gold needs "
                   "offsets; only predictions given by their text are "
                   "grounded)"
                 : "gold mention with an \"alignment\" (gold offsets are "
                   "given; alignment is for predictions)",
             line_of(m));
      continue;
    }
    if (HasNoSpan(m.alignment)) continue;  // ungrounded: no span to check
    if (m.start < 0 || m.end > index.codepoints() || m.start >= m.end) {
      continue;  // reported by ResolveOffsets
    }
    usable.push_back(&m);
    const std::string_view span = index.Slice(text, m.start, m.end);
    // A normalised or fuzzy grounding places a text that differs from its
    // span by definition.
    const bool text_is_span = m.alignment == MentionAlignment::kGiven ||
                              m.alignment == MentionAlignment::kExact;
    if (text_is_span && m.text && *m.text != span) {
      report(m.id,
             "text " + Quote(*m.text) + " differs from the span " + Span(m) +
                 " of the document, which reads " + Quote(span) +
                 OffsetHint(doc, m, text, index),
             line_of(m));
    }
    if (options.gold && (u_isUWhiteSpace(FirstCodepoint(span)) ||
                         u_isUWhiteSpace(LastCodepoint(span)))) {
      report(m.id,
             "span " + Span(m) + " " + Quote(span) +
                 " starts or ends with white space",
             line_of(m));
    }
  }

  const bool nested = options.allow_nested ||
                      (options.labels != nullptr && options.labels->nested);
  if (options.gold && !nested) {
    std::sort(
        usable.begin(), usable.end(), [](const Mention* a, const Mention* b) {
          return a->start != b->start ? a->start < b->start : a->end < b->end;
        });
    // Flat gold: each span must start at or after the furthest end so far.
    const Mention* furthest = nullptr;
    for (const Mention* m : usable) {
      if (furthest != nullptr && m->start < furthest->end) {
        report(m->id,
               "span " + Span(*m) + " overlaps " + furthest->id + " " +
                   Span(*furthest) +
                   " (gold spans must be flat; for nested gold give "
                   "--allow-nested or \"nested\": true in labels.json)",
               line_of(*m));
      }
      if (furthest == nullptr || m->end > furthest->end) furthest = m;
    }
  }

  for (size_t i = 0; i < ann.relations.size(); ++i) {
    const Relation& r = ann.relations[i];
    auto report_relation = [&](const std::string& what) {
      report("relation " + std::to_string(i + 1) + " (" + r.type + " " +
                 r.head + " -> " + r.tail + ")",
             what);
    };
    const RelationTypeSpec* spec = nullptr;
    if (options.labels != nullptr) {
      spec = options.labels->FindRelationType(r.type);
      if (spec == nullptr)
        report_relation("unknown relation type " + Quote(r.type));
    }
    const Mention* head = find(r.head);
    const Mention* tail = find(r.tail);
    if (head == nullptr)
      report_relation("head " + Quote(r.head) +
                      " is no mention of this document");
    if (tail == nullptr)
      report_relation("tail " + Quote(r.tail) +
                      " is no mention of this document");
    if (spec != nullptr && head != nullptr && tail != nullptr &&
        !spec->Allows(head->type, tail->type)) {
      report_relation("a " + r.type + " relation cannot link " + head->type +
                      " -> " + tail->type + " (see labels.json)");
    }
  }
}

}  // namespace ieval
