// The plain value types every part of ieval shares: documents, their
// annotations, and a corpus of both. No I/O here (see eval/io/).
//
// Offsets are Unicode code points of the document text, zero-based, end
// exclusive — Python's text[start:end] — as ../shared/ANNOTATION_SPEC.md
// requires. Files may use UTF-8 bytes or UTF-16 units; eval/io converts them
// with an OffsetIndex on load, so nothing past the reader sees other units.
#ifndef IEVAL_CORE_TYPES_H_
#define IEVAL_CORE_TYPES_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ieval {

// The units a file may state its offsets in (`offset_unit`).
enum class OffsetUnit { kCodepoint, kByte, kUtf16 };

// "codepoint", "byte" or "utf16".
const char* OffsetUnitName(OffsetUnit unit);
std::optional<OffsetUnit> ParseOffsetUnit(const std::string& name);

struct Document {
  std::string doc_id;
  std::string text;  // UTF-8
};

// How a predicted mention's start/end were found: `alignment` in
// prediction files (INTERFACE.md). Gold mentions are always kGiven.
enum class MentionAlignment : uint8_t {
  kGiven,  // stated with the mention (the default)
  // Found from the mention's text in the document (eval/ground): the
  // same string, the same once normalised, a fuzzy window of words.
  kExact,
  kNormalised,
  kFuzzy,
  // No place found: start = end = 0, scored as a false positive of its
  // type, never dropped.
  kUngrounded,
  // Read with `text` and without start/end: grounded against the gold
  // text before it is scored (a state of a reader's output only).
  kPending,
};

// "given", "exact", "normalised", "fuzzy", "ungrounded", "pending".
const char* MentionAlignmentName(MentionAlignment alignment);
// The names a file may give (all but "pending").
std::optional<MentionAlignment> ParseMentionAlignment(const std::string& name);
// kUngrounded and kPending: no span to check, convert or align.
inline bool HasNoSpan(MentionAlignment alignment) {
  return alignment == MentionAlignment::kUngrounded ||
         alignment == MentionAlignment::kPending;
}

// One entity mention. `entity` is the canonical id of what it refers to
// (PER/ORG/LOC); `value` the normalised value (DATE: TIMEX3-like, QUANTITY:
// plain decimal). Both optional, as `text` is.
struct Mention {
  std::string id;
  int64_t start = 0;  // code points, inclusive
  int64_t end = 0;    // code points, exclusive
  std::string type;
  std::optional<std::string> text;
  std::optional<std::string> entity;
  std::optional<std::string> value;
  MentionAlignment alignment = MentionAlignment::kGiven;

  int64_t length() const { return end - start; }
  bool Overlaps(const Mention& other) const {
    return start < other.end && other.start < end;
  }
  friend bool operator==(const Mention&, const Mention&) = default;
};

// A typed, directed link between two mentions of one document, named by
// their ids. Symmetric types (labels.json) are matched in either direction.
struct Relation {
  std::string type;
  std::string head;
  std::string tail;
  friend bool operator==(const Relation&, const Relation&) = default;
  friend auto operator<=>(const Relation&, const Relation&) = default;
};

// One document's annotations (gold or predicted).
struct Annotations {
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
  friend bool operator==(const Annotations&, const Annotations&) = default;
};

// What one annotation file object holds: the document (its text may be
// absent in predictions) and its annotations.
struct AnnotatedDocument {
  Document document;
  bool has_text = false;  // false: a prediction naming a gold document
  Annotations annotations;
  // The unit the mentions' start/end are in. Readers convert to code points
  // as soon as the text is known (eval/io/include/ieval/io/offsets.h); a
  // prediction without text keeps its declared unit until it is resolved
  // against the gold.
  OffsetUnit offset_unit = OffsetUnit::kCodepoint;
  // Where the object came from, for messages: file and 1-based line, and
  // the line of each mention (parallel to annotations.mentions; may be empty).
  std::string source_file;
  int64_t source_line = 0;
  std::vector<int64_t> mention_lines;
};

// A corpus: documents in a stable order (file name order for folders, line
// order for JSONL).
struct Corpus {
  std::vector<AnnotatedDocument> documents;

  // nullptr when absent. Linear; build a map for repeated look-ups.
  const AnnotatedDocument* Find(const std::string& doc_id) const;
};

}  // namespace ieval

#endif  // IEVAL_CORE_TYPES_H_
