#include "ieval/core/labels.h"

#include <algorithm>

namespace ieval {

bool RelationTypeSpec::Allows(const std::string& head_type,
                              const std::string& tail_type) const {
  for (const auto& [head, tail] : allowed) {
    if (head == head_type && tail == tail_type) return true;
    if (symmetric && head == tail_type && tail == head_type) return true;
  }
  return false;
}

bool LabelSet::HasEntityType(const std::string& type) const {
  return std::find(entity_types.begin(), entity_types.end(), type) !=
         entity_types.end();
}

const RelationTypeSpec* LabelSet::FindRelationType(
    const std::string& name) const {
  for (const auto& spec : relation_types) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool LabelSet::IsSymmetric(const std::string& name) const {
  const RelationTypeSpec* spec = FindRelationType(name);
  return spec != nullptr && spec->symmetric;
}

}  // namespace ieval
