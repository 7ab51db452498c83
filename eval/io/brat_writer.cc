// WriteBrat and ReadBratLabelSet (brat_format.h).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_format.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view item = s.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
      item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
      item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

// BRAT's surface column holds no line breaks or tabs.
std::string Surface(std::string_view span) {
  std::string out(span);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

std::optional<Result<LabelSet>> ReadBratLabelSet(const std::string& path) {
  std::error_code ec;
  const fs::path folder = fs::is_directory(path, ec)
                              ? fs::path(path)
                              : fs::path(path).parent_path();
  const fs::path conf = folder / "annotation.conf";
  if (!fs::exists(conf, ec)) return std::nullopt;
  auto text = ReadFile(conf.string());
  if (!text.ok()) return Result<LabelSet>(text.status());
  LabelSet labels;
  std::string section;
  std::vector<std::pair<std::string, std::string>> relation_lines;
  int64_t line_no = 0;
  for (const std::string& raw : SplitList(*text, '\n')) {
    ++line_no;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      section = std::string(line.substr(1, line.find(']') - 1));
      continue;
    }
    // Entity hierarchies indent with tabs; '!' marks a grouping-only type.
    std::string_view name = line.substr(0, line.find_first_of(" \t"));
    if (section == "entities") {
      if (name.starts_with("!")) continue;
      labels.entity_types.emplace_back(name);
    } else if (section == "relations") {
      if (name.starts_with("<")) continue;  // <OVERLAP>, macros
      const size_t space = line.find_first_of(" \t");
      relation_lines.emplace_back(std::string(name),
                                  space == std::string_view::npos
                                      ? ""
                                      : std::string(line.substr(space)));
    }
  }
  for (const auto& [name, args] : relation_lines) {
    RelationTypeSpec spec;
    spec.name = name;
    std::vector<std::string> heads, tails;
    for (const std::string& arg : SplitList(args, ',')) {
      const size_t colon = arg.find(':');
      if (colon == std::string::npos) continue;
      std::vector<std::string> types = SplitList(arg.substr(colon + 1), '|');
      if (std::find(types.begin(), types.end(), "<ENTITY>") != types.end())
        types = labels.entity_types;
      if (arg.starts_with("Arg1")) heads = types;
      if (arg.starts_with("Arg2")) tails = types;
    }
    for (const std::string& h : heads)
      for (const std::string& t : tails) spec.allowed.emplace_back(h, t);
    labels.relation_types.push_back(std::move(spec));
  }
  if (labels.entity_types.empty())
    return Result<LabelSet>(
        Status::InvalidInput("no entity type in its [entities] section",
                             Where{conf.string(), 0, "", ""}));
  return Result<LabelSet>(std::move(labels));
}

Status WriteBrat(const Corpus& corpus, const std::string& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    return Status::IoError("cannot create the folder: " + ec.message(),
                           Where{folder, 0, "", ""});
  std::set<std::string> entity_types;
  std::map<std::string, std::set<std::pair<std::string, std::string>>>
      relation_types;
  bool values = false;
  for (const AnnotatedDocument& doc : corpus.documents) {
    const std::string& id = doc.document.doc_id;
    const Where where{doc.source_file, doc.source_line, id, ""};
    if (id.empty() || id.find_first_of("/\\") != std::string::npos ||
        id == "." || id == ".." || id == "annotation")
      return Status::InvalidInput(
          "this doc_id cannot name a BRAT file pair (NAME.txt, NAME.ann)",
          where);
    const OffsetIndex index(doc.document.text);
    std::map<std::string, std::string> brat_id;  // mention id -> T<n>
    std::map<std::string, std::string> type_of;
    std::string ann;
    int n = 0, notes = 0, attributes = 0;
    for (const Mention& m : doc.annotations.mentions) {
      const std::string t = "T" + std::to_string(++n);
      brat_id[m.id] = t;
      type_of[m.id] = m.type;
      entity_types.insert(m.type);
      ann += t + "\t" + m.type + " " + std::to_string(m.start) + " " +
             std::to_string(m.end) + "\t" +
             Surface(index.Slice(doc.document.text, m.start, m.end)) + "\n";
      if (m.entity) {
        const std::string ref = m.entity->find(':') == std::string::npos
                                    ? "ieval:" + *m.entity
                                    : *m.entity;
        ann += "N" + std::to_string(++notes) + "\tReference " + t + " " + ref +
               "\t" + *m.entity + "\n";
      }
      if (m.value) {
        if (m.value->empty() ||
            m.value->find_first_of(" \t\n\r") != std::string::npos)
          return Status::InvalidInput(
              "value \"" + *m.value +
                  "\" cannot be a BRAT attribute value (one word)",
              Where{where.file, where.line, id, m.id});
        values = true;
        ann += "A" + std::to_string(++attributes) + "\tValue " + t + " " +
               *m.value + "\n";
      }
    }
    int r = 0;
    for (const Relation& rel : doc.annotations.relations) {
      ann += "R" + std::to_string(++r) + "\t" + rel.type +
             " Arg1:" + brat_id[rel.head] + " Arg2:" + brat_id[rel.tail] + "\n";
      relation_types[rel.type].emplace(type_of[rel.head], type_of[rel.tail]);
    }
    const fs::path base = fs::path(folder) / id;
    if (Status s =
            WriteFileAtomically(base.string() + ".txt", doc.document.text);
        !s.ok())
      return s;
    if (Status s = WriteFileAtomically(base.string() + ".ann", ann); !s.ok())
      return s;
  }
  std::string conf = "[entities]\n";
  for (const std::string& t : entity_types) conf += t + "\n";
  conf += "\n[relations]\n";
  for (const auto& [name, pairs] : relation_types) {
    std::set<std::string> heads, tails;
    for (const auto& [h, t] : pairs) {
      heads.insert(h);
      tails.insert(t);
    }
    auto join = [](const std::set<std::string>& s) {
      std::string out;
      for (const std::string& x : s) out += (out.empty() ? "" : "|") + x;
      return out;
    };
    conf += name + "\tArg1:" + join(heads) + ", Arg2:" + join(tails) + "\n";
  }
  conf += "\n[events]\n\n[attributes]\n";
  if (values) conf += "Value\tArg:<ENTITY>\n";
  return WriteFileAtomically((fs::path(folder) / "annotation.conf").string(),
                             conf);
}

}  // namespace ieval
