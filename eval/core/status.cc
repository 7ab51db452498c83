#include "ieval/core/status.h"

namespace ieval {

std::string Where::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  }
  if (!doc_id.empty()) out += doc_id + ": ";
  if (!annotation_id.empty()) out += annotation_id + ": ";
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return where_.ToString() + message_;
}

}  // namespace ieval
