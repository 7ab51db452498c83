// BRAT standoff (a folder of NAME.txt + NAME.ann) as an annotation format,
// on top of brat_reader.h:
//  - T lines become mentions (their id kept), with white space at either
//    end of a span trimmed (ieval spans never carry it; counted as a
//    repair). A T line of several fragments (`T1 LOC 0 5;10 15`) is an
//    error naming the file and line unless --discontinuous=hull (one
//    mention over them all) or skip (left out, counted).
//  - R lines become relations (Arg1 the head, Arg2 the tail).
//  - N lines (`N1<TAB>Reference T1 Wikidata:Q90`) give the mention's
//    `entity`, "Wikidata:Q90" as written, "Q90" for the `ieval:` resource
//    the writer uses; `*<TAB>Equiv T1 T2 …` gives its members one entity (an
//    N line's, else the first member's id).
//  - An A or M attribute named `Value` gives the mention's `value`. ieval's
//    mentions hold no other attributes: the others, and E (event) lines,
//    are left out and counted per name in the repairs, never silently.
//  - # lines (notes) carry no annotation and are skipped.
// Offsets: BRAT's server reads the .txt with Python's universal newlines
// (server/src/annotation.py, open_textfile), so its offsets count "\r\n"
// as one character. A .txt with CR line ends is read that way and the
// offsets mapped to the file's own text (a repair note says so) unless
// only the two-character count fits the spans' surface texts.
#ifndef IEVAL_IO_BRAT_FORMAT_H_
#define IEVAL_IO_BRAT_FORMAT_H_

#include <optional>
#include <string>
#include <vector>

#include "ieval/core/labels.h"
#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// `path` is a folder (every NAME.ann, in name order; an .ann without its
// .txt is an error) or one NAME.ann. Document ids are the file stems.
Result<Corpus> ReadBrat(const std::string& path,
                        const FormatReadOptions& options,
                        std::vector<FormatRepair>* repairs);

// The annotation.conf of a BRAT folder (or of the folder of an .ann file)
// as a label set: its [entities] and [relations] sections (`Arg1:A|B,
// Arg2:C`; `<ENTITY>` allows every entity type). nullopt when there is
// none.
std::optional<Result<LabelSet>> ReadBratLabelSet(const std::string& path);

// Writes `corpus` into `folder` (created when missing): NAME.txt and
// NAME.ann per document and an annotation.conf of the types used, each file
// atomically. Mention ids become T1, T2 …; `entity` an N line of resource
// `ieval` (kept as written when it already holds a ':'), `value` a `Value`
// attribute. kInvalidInput for a doc_id that cannot be a file name or a
// value holding white space (BRAT attribute values are single words).
Status WriteBrat(const Corpus& corpus, const std::string& folder);

}  // namespace ieval

#endif  // IEVAL_IO_BRAT_FORMAT_H_
