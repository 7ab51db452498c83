#include "ieval/core/types.h"

namespace ieval {

const char* OffsetUnitName(OffsetUnit unit) {
  switch (unit) {
    case OffsetUnit::kCodepoint:
      return "codepoint";
    case OffsetUnit::kByte:
      return "byte";
    case OffsetUnit::kUtf16:
      return "utf16";
  }
  return "codepoint";
}

std::optional<OffsetUnit> ParseOffsetUnit(const std::string& name) {
  if (name == "codepoint") return OffsetUnit::kCodepoint;
  if (name == "byte") return OffsetUnit::kByte;
  if (name == "utf16") return OffsetUnit::kUtf16;
  return std::nullopt;
}

const char* MentionAlignmentName(MentionAlignment alignment) {
  switch (alignment) {
    case MentionAlignment::kGiven:
      return "given";
    case MentionAlignment::kExact:
      return "exact";
    case MentionAlignment::kNormalised:
      return "normalised";
    case MentionAlignment::kFuzzy:
      return "fuzzy";
    case MentionAlignment::kUngrounded:
      return "ungrounded";
    case MentionAlignment::kPending:
      return "pending";
  }
  return "given";
}

std::optional<MentionAlignment> ParseMentionAlignment(const std::string& name) {
  for (MentionAlignment a :
       {MentionAlignment::kGiven, MentionAlignment::kExact,
        MentionAlignment::kNormalised, MentionAlignment::kFuzzy,
        MentionAlignment::kUngrounded})
    if (name == MentionAlignmentName(a)) return a;
  return std::nullopt;
}

const AnnotatedDocument* Corpus::Find(const std::string& doc_id) const {
  for (const auto& doc : documents) {
    if (doc.document.doc_id == doc_id) return &doc;
  }
  return nullptr;
}

}  // namespace ieval
