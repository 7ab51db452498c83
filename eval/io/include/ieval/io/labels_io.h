// Reading labels.json (the label set a corpus is validated against). Format:
//   {"entity_types": ["PER", …],
//    "relation_types": {"part_of": {"symmetric": false,
//        "allowed": [{"head": ["ORG"], "tail": ["ORG"]}, …]}, …}}
// Each `allowed` entry allows every (head, tail) pair of its two lists.
// "description" may be given beside "entity_types" and in a relation type;
// any other key is an error (a misspelt "relation_types" would otherwise
// turn every relation check off).
#ifndef IEVAL_IO_LABELS_IO_H_
#define IEVAL_IO_LABELS_IO_H_

#include <optional>
#include <string>

#include "ieval/core/labels.h"
#include "ieval/core/status.h"

namespace ieval {

// kInvalidInput naming the file and the JSON path of what is wrong;
// read through json_reader.h.
Result<LabelSet> ReadLabelSet(const std::string& path);

// The labels.json that belongs to a corpus path: looked for in the folder
// itself, then its parent, then the grandparent (gold/docs/x.json ->
// gold/labels.json). nullopt when there is none.
std::optional<std::string> FindLabelsFile(const std::string& corpus_path);

}  // namespace ieval

#endif  // IEVAL_IO_LABELS_IO_H_
