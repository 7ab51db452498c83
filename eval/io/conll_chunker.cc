#include "conll_chunker.h"

namespace ieval {

bool ConllChunker::Allows(Scheme scheme, char prefix) {
  std::string_view allowed;
  switch (scheme) {
    case Scheme::kIOB1:
    case Scheme::kIOB2:
      allowed = "BI";
      break;
    case Scheme::kIOE1:
    case Scheme::kIOE2:
      allowed = "IE";
      break;
    case Scheme::kIOBES:
      allowed = "BIES";
      break;
    case Scheme::kBILOU:
      allowed = "BILU";
      break;
  }
  return allowed.find(prefix) != std::string_view::npos;
}

void ConllChunker::Repair(const char* what, int64_t line) {
  NoteRepair(repairs_,
             std::string(SchemeName(scheme_)) + ": " + std::string(what),
             file_ + ":" + std::to_string(line));
}

void ConllChunker::Start(std::string_view type, int64_t index) {
  open_ = true;
  current_ = {index, index + 1, type};
}

void ConllChunker::Close(bool marked, int64_t line) {
  if (!open_) return;
  const bool needs_mark = scheme_ == Scheme::kIOE2 ||
                          scheme_ == Scheme::kIOBES ||
                          scheme_ == Scheme::kBILOU;
  if (needs_mark && !marked)
    Repair(
        "an entity without its closing tag (E-, L-), ended where its tags do",
        line);
  chunks_.push_back(current_);
  open_ = false;
}

void ConllChunker::Add(char prefix, std::string_view type, int64_t index,
                       int64_t line) {
  if (prefix == 'O') return Close(false, line);
  if (prefix == 'L') prefix = 'E';
  if (prefix == 'U') prefix = 'S';
  const bool same = open_ && current_.type == type;
  auto extend_or_start = [&] {
    if (same) {
      current_.end = index + 1;
    } else {
      Close(false, line);
      Start(type, index);
    }
  };
  switch (scheme_) {
    case Scheme::kIOB1:
      if (prefix == 'B') {
        if (!same)
          Repair("a B- tag not following an entity of its type, read as I-",
                 line);
        Close(false, line);
        Start(type, index);
      } else {
        extend_or_start();
      }
      return;
    case Scheme::kIOB2:
      if (prefix == 'I' && !same)
        Repair("an I- tag opening an entity, read as B-", line);
      if (prefix == 'B') {
        Close(false, line);
        Start(type, index);
      } else {
        extend_or_start();
      }
      return;
    case Scheme::kIOE1:
    case Scheme::kIOE2:
      extend_or_start();
      if (prefix == 'E') Close(true, line);
      return;
    case Scheme::kIOBES:
    case Scheme::kBILOU:
      if (prefix == 'B' || prefix == 'S') {
        Close(false, line);
        Start(type, index);
        if (prefix == 'S') Close(true, line);
        return;
      }
      if (!same)
        Repair(prefix == 'I' ? "an I- tag opening an entity, read as B-"
                             : "an E- (L-) tag opening an entity, read as S-",
               line);
      extend_or_start();
      if (prefix == 'E') Close(true, line);
      return;
  }
}

}  // namespace ieval
