// The label set a corpus is annotated with: entity types, and relation types
// with the argument types they allow. Read from `labels.json` beside the gold
// (gold/labels.json for the shipped corpus;
// eval/io/include/ieval/io/labels_io.h).
#ifndef IEVAL_CORE_LABELS_H_
#define IEVAL_CORE_LABELS_H_

#include <string>
#include <utility>
#include <vector>

namespace ieval {

struct RelationTypeSpec {
  std::string name;
  // Allowed (head type, tail type) pairs. For a symmetric type the reverse
  // of an allowed pair is allowed too.
  std::vector<std::pair<std::string, std::string>> allowed;
  bool symmetric = false;

  bool Allows(const std::string& head_type, const std::string& tail_type) const;
};

struct LabelSet {
  std::vector<std::string> entity_types;
  std::vector<RelationTypeSpec> relation_types;
  // "nested": true in labels.json: gold spans may nest and overlap
  // (LitBank, ACE, GENIA); otherwise gold is flat.
  bool nested = false;

  bool HasEntityType(const std::string& type) const;
  // nullptr when unknown.
  const RelationTypeSpec* FindRelationType(const std::string& name) const;
  // True when `name` is a known symmetric relation type.
  bool IsSymmetric(const std::string& name) const;
};

}  // namespace ieval

#endif  // IEVAL_CORE_LABELS_H_
