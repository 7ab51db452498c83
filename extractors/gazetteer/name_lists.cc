#include "ieval/extractors/gazetteer/name_lists.h"

#include "ieval/extractors/lexicon/normalize.h"

namespace ieval {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t from = 0;
  while (true) {
    const size_t at = s.find(sep, from);
    parts.push_back(s.substr(from, at == std::string_view::npos
                                       ? std::string_view::npos
                                       : at - from));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return parts;
}

// Calls f(line_number, line) for each line that is neither blank nor a
// comment.
template <typename F>
Status ForEachLine(std::string_view content, F f) {
  int64_t number = 0;
  for (std::string_view line : Split(content, '\n')) {
    ++number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    Status status = f(number, line);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<NameEntry>> ParseNameList(const std::string& file,
                                             std::string_view content) {
  std::string source = file;
  const size_t slash = source.find_last_of('/');
  if (slash != std::string::npos) source = source.substr(slash + 1);
  if (source.size() > 4 && source.ends_with(".tsv")) {
    source.resize(source.size() - 4);
  }
  std::vector<NameEntry> entries;
  Status status = ForEachLine(content, [&](int64_t number,
                                           std::string_view line) {
    const auto fields = Split(line, '\t');
    Where where{file, number, "", ""};
    if (fields.size() != 3) {
      return Status::InvalidInput(
          "expected 3 TAB-separated fields (id, type, name|name|…), found " +
              std::to_string(fields.size()),
          where);
    }
    const std::string id(Trim(fields[0]));
    const std::string type(Trim(fields[1]));
    if (id.empty() || Slug(id) != id) {
      return Status::InvalidInput(
          "id '" + id + "' is not a lower-case ASCII slug (try '" + Slug(id) +
              "')",
          where);
    }
    if (type != "LOC" && type != "ORG" && type != "PER") {
      return Status::InvalidInput(
          "type '" + type + "' is not one of LOC, ORG, PER", where);
    }
    for (std::string_view name : Split(fields[2], '|')) {
      name = Trim(name);
      if (name.empty()) {
        return Status::InvalidInput("empty name in the list of '" + id + "'",
                                    where);
      }
      entries.push_back({std::string(name), type, id, source});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return entries;
}

std::vector<std::string> ParseStopList(std::string_view content) {
  std::vector<std::string> names;
  (void)ForEachLine(content, [&](int64_t, std::string_view line) {
    names.emplace_back(Trim(Split(line, '\t')[0]));
    return Status::Ok();
  });
  return names;
}

}  // namespace ieval
