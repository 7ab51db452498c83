// Converting a document's mention offsets to code points and checking they
// describe real spans of the text.
#ifndef IEVAL_IO_OFFSETS_H_
#define IEVAL_IO_OFFSETS_H_

#include <string_view>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

// Converts `doc`'s mentions from doc.offset_unit to code points of the text
// `index` was built from, and sets offset_unit to code points. Reports every
// mention whose start or end lies outside the text, inside a character, or
// whose start >= end, and marks it unusable with start = end = -1 (it stays
// in the document so relations to it are not reported as dangling). `where`
// locates messages (its annotation_id is set per mention). Returns true when no
// problem was found.
bool ResolveOffsets(AnnotatedDocument& doc, const OffsetIndex& index,
                    const Where& where, std::vector<Status>* problems);

// The same for a document whose offsets are code points already, of a text
// of `codepoints` code points (CountCodepoints): the same checks and
// messages without building an OffsetIndex. REQUIRES: doc.offset_unit is
// OffsetUnit::kCodepoint.
bool ResolveCodepointOffsets(AnnotatedDocument& doc, int64_t codepoints,
                             const Where& where, std::vector<Status>* problems);

// The line of `file_text` on which the mention with id `mention_id` is
// declared (`"id": "<mention_id>"`), or `fallback` when it cannot be found.
// Used to point messages at the right line of a pretty-printed .json file.
int64_t FindMentionLine(std::string_view file_text, std::string_view mention_id,
                        int64_t fallback);

}  // namespace ieval

#endif  // IEVAL_IO_OFFSETS_H_
