#include "ieval/core/status.h"

#include <string>
#include <string_view>

namespace ieval {
namespace {

// A problem is one line: line breaks inside a message, an id or a quoted
// text are written as \n and \r, so a log reads one problem per line.
std::string OneLine(std::string_view text) {
  if (text.find_first_of("\n\r") == std::string_view::npos)
    return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string Where::ToString() const {
  std::string out;
  if (!file.empty()) {
    out += OneLine(file);
    if (line > 0) out += ":" + std::to_string(line);
    out += ": ";
  }
  if (!doc_id.empty()) out += OneLine(doc_id) + ": ";
  if (!annotation_id.empty()) out += OneLine(annotation_id) + ": ";
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return where_.ToString() + OneLine(message_);
}

}  // namespace ieval
