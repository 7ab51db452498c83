// BRAT standoff annotation (brat.nlplab.org/standoff.html): a NAME.txt text
// and a NAME.ann file of `T1<TAB>TYPE START END[;START END…]<TAB>surface`
// entity lines and `R1<TAB>TYPE Arg1:T1 Arg2:T2` relation lines. Many
// corpora ship this way (fr-litbank in ../shared/corpora), and users want to
// score their own BRAT projects.
//
// The reader keeps what the file says — nested and overlapping spans,
// duplicates, discontinuous fragments — and a separate conversion makes an
// ieval annotation document of it (trimmed, typed, optionally flat). BRAT
// offsets count characters of the Python string, that is code points; other
// units can be declared for tools that count differently.
#ifndef IEVAL_IO_BRAT_READER_H_
#define IEVAL_IO_BRAT_READER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

struct BratFragment {
  int64_t start = 0;  // code points, inclusive
  int64_t end = 0;    // code points, exclusive
  friend bool operator==(const BratFragment&, const BratFragment&) = default;
};

// A text-bound annotation (T line). Discontinuous spans have several
// fragments, in file order.
struct BratEntity {
  std::string id;
  std::string type;
  std::vector<BratFragment> fragments;
  std::string surface;  // the third column; display only (BRAT drops
                        // line breaks from it), offsets are authoritative
  int64_t line = 0;     // 1-based line in the .ann file
};

struct BratRelation {
  std::string id;
  std::string type;
  std::string arg1;  // entity ids
  std::string arg2;
};

struct BratDocument {
  std::string doc_id;  // the file stem
  std::string text;
  std::vector<BratEntity> entities;
  std::vector<BratRelation> relations;
  std::string ann_file;  // for messages
};

// Reads NAME.txt and NAME.ann (`ann_path` is NAME.ann). Offsets are given in
// `unit` and converted to code points. Bad lines (unknown shape, offsets
// outside the text or inside a character, start >= end, relations to
// unknown ids) are kInvalidInput naming the .ann file, line and id. Event
// (E), attribute (A, M), normalisation (N) and note (#) lines are skipped.
Result<BratDocument> ReadBratDocument(const std::string& ann_path,
                                      OffsetUnit unit = OffsetUnit::kCodepoint);
// The same from memory.
Result<BratDocument> ParseBrat(std::string doc_id, std::string text,
                               std::string_view ann, const std::string& file,
                               OffsetUnit unit = OffsetUnit::kCodepoint);
// Every NAME.ann of `folder` that has a NAME.txt, in name order.
Result<std::vector<BratDocument>> ReadBratFolder(
    const std::string& folder, OffsetUnit unit = OffsetUnit::kCodepoint);

// What to do with a discontinuous entity when making flat mentions.
enum class DiscontinuousPolicy {
  kCover,      // one mention from the earliest fragment start to the latest end
  kFragments,  // one mention per fragment (ids T3, T3.2, T3.3 …)
  kSkip,       // leave it out
};

struct BratConversion {
  // corpus type -> ieval type; types absent from a non-empty map are
  // dropped. Empty: keep every type as it is.
  std::map<std::string, std::string> type_map;
  // Strip white space (U+00A0 and U+202F included) at both ends and
  // punctuation at the start, as ieval spans never carry them (fr-litbank
  // ends half its spans with a space). A span left empty is dropped.
  bool trim = true;
  DiscontinuousPolicy discontinuous = DiscontinuousPolicy::kCover;
  // Make the spans flat as ieval gold is: longest first, a span overlapping
  // one already kept is dropped (ties: earlier start, then file order).
  // Exact duplicates of one type are always merged.
  bool flatten = false;
};

// The document as an ieval annotation document (code points, mention text
// set from the text). Relations whose arguments were dropped are dropped.
AnnotatedDocument BratToAnnotated(const BratDocument& doc,
                                  const BratConversion& conversion);

}  // namespace ieval

#endif  // IEVAL_IO_BRAT_READER_H_
