#include "ieval/io/brat_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <numeric>
#include <optional>
#include <set>

#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"
#include "text_scan.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

using text_scan::Split;

std::optional<int64_t> ParseOffset(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "TYPE 0 5;7 9" -> type and fragments, offsets still in the file's unit.
bool ParseTypeAndOffsets(std::string_view s, std::string* type,
                         std::vector<BratFragment>* fragments) {
  const size_t space = s.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  *type = std::string(s.substr(0, space));
  for (std::string_view piece : Split(s.substr(space + 1), ';')) {
    const std::vector<std::string_view> pair = Split(piece, ' ');
    if (pair.size() != 2) return false;
    auto start = ParseOffset(pair[0]);
    auto end = ParseOffset(pair[1]);
    if (!start || !end) return false;
    fragments->push_back({*start, *end});
  }
  return !fragments->empty();
}

}  // namespace

Result<BratDocument> ParseBrat(std::string doc_id, std::string text,
                               std::string_view ann, const std::string& file,
                               OffsetUnit unit) {
  if (auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidInput("the .txt beside it is not valid UTF-8 (byte " +
                                    std::to_string(*bad) + ")",
                                Where{file, 0, doc_id, ""});
  }
  const OffsetIndex index(text);
  BratDocument doc;
  doc.doc_id = std::move(doc_id);
  doc.ann_file = file;
  std::set<std::string> ids;
  int64_t line_no = 0;
  for (std::string_view line : Split(ann, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const Where where{file, line_no, doc.doc_id, ""};
    const std::vector<std::string_view> cols = Split(line, '\t');
    const char kind = line[0];
    if (kind == 'T') {
      BratEntity e;
      e.id = std::string(cols[0]);
      e.line = line_no;
      if (cols.size() < 2 ||
          !ParseTypeAndOffsets(cols[1], &e.type, &e.fragments)) {
        return Status::InvalidInput(
            "expected \"T<n><TAB>TYPE START END[;START END]<TAB>text\"",
            Where{file, line_no, doc.doc_id, e.id});
      }
      if (cols.size() >= 3) e.surface = std::string(cols[2]);
      for (BratFragment& f : e.fragments) {
        auto start = index.ToCodepoint(f.start, unit);
        auto end = index.ToCodepoint(f.end, unit);
        if (!start || !end || *start >= *end) {
          return Status::InvalidInput(
              "span " + std::to_string(f.start) + "-" + std::to_string(f.end) +
                  " (" + OffsetUnitName(unit) +
                  ") is empty, outside the text (" +
                  std::to_string(index.Size(unit)) + ") or inside a character",
              Where{file, line_no, doc.doc_id, e.id});
        }
        f = {*start, *end};
      }
      ids.insert(e.id);
      doc.entities.push_back(std::move(e));
    } else if (kind == 'R') {
      BratRelation r;
      r.id = std::string(cols[0]);
      const std::vector<std::string_view> args =
          cols.size() >= 2 ? Split(cols[1], ' ')
                           : std::vector<std::string_view>{};
      if (args.size() != 3 || args[1].find(':') == std::string_view::npos ||
          args[2].find(':') == std::string_view::npos) {
        return Status::InvalidInput(
            "expected \"R<n><TAB>TYPE Arg1:T<i> Arg2:T<j>\"",
            Where{file, line_no, doc.doc_id, r.id});
      }
      r.type = std::string(args[0]);
      r.arg1 = std::string(args[1].substr(args[1].find(':') + 1));
      r.arg2 = std::string(args[2].substr(args[2].find(':') + 1));
      doc.relations.push_back(std::move(r));
    } else if (std::string_view("EAMN#*").find(kind) ==
               std::string_view::npos) {
      return Status::InvalidInput(
          "unknown annotation line (expected T, R, E, A, M, N, * or #)", where);
    }
  }
  for (const BratRelation& r : doc.relations) {
    for (const std::string& arg : {r.arg1, r.arg2}) {
      if (!ids.count(arg)) {
        return Status::InvalidInput(
            "relation argument " + arg + " is not a text-bound annotation",
            Where{file, 0, doc.doc_id, r.id});
      }
    }
  }
  doc.text = std::move(text);
  return doc;
}

Result<BratDocument> ReadBratDocument(const std::string& ann_path,
                                      OffsetUnit unit) {
  fs::path txt_path = fs::path(ann_path).replace_extension(".txt");
  auto ann = ReadFile(ann_path);
  if (!ann.ok()) return ann.status();
  auto text = ReadFile(txt_path.string());
  if (!text.ok()) return text.status();
  return ParseBrat(fs::path(ann_path).stem().string(), std::move(*text), *ann,
                   ann_path, unit);
}

Result<std::vector<BratDocument>> ReadBratFolder(const std::string& folder,
                                                 OffsetUnit unit) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Status::IoError("not a folder of BRAT .txt/.ann files",
                           Where{folder, 0, "", ""});
  }
  std::vector<std::string> anns;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const fs::path& p = entry.path();
    if (p.extension() == ".ann" &&
        fs::exists(fs::path(p).replace_extension(".txt")))
      anns.push_back(p.string());
  }
  std::sort(anns.begin(), anns.end());
  std::vector<BratDocument> docs;
  for (const std::string& ann : anns) {
    auto doc = ReadBratDocument(ann, unit);
    if (!doc.ok()) return doc.status();
    docs.push_back(std::move(*doc));
  }
  return docs;
}

namespace {

bool IsLeadingPunct(char32_t c) {
  if (c < 0x80) return c != '_' && std::ispunct(static_cast<int>(c));
  return c == 0x00AB || c == 0x00BB || c == 0x2018 || c == 0x2019 ||
         c == 0x201C || c == 0x201D || c == 0x2013 || c == 0x2014 ||
         c == 0x2026;
}

}  // namespace

AnnotatedDocument BratToAnnotated(const BratDocument& doc,
                                  const BratConversion& conversion) {
  AnnotatedDocument out;
  out.document = {doc.doc_id, doc.text};
  out.has_text = true;
  out.source_file = doc.ann_file;
  const OffsetIndex text_index(doc.text);
  struct Candidate {
    Mention mention;
    std::string brat_id;
  };
  std::vector<Candidate> candidates;
  for (const BratEntity& e : doc.entities) {
    std::string type = e.type;
    if (!conversion.type_map.empty()) {
      auto it = conversion.type_map.find(e.type);
      if (it == conversion.type_map.end()) continue;
      type = it->second;
    }
    std::vector<BratFragment> pieces;
    if (e.fragments.size() == 1 ||
        conversion.discontinuous == DiscontinuousPolicy::kFragments) {
      pieces = e.fragments;
    } else if (conversion.discontinuous == DiscontinuousPolicy::kCover) {
      // Fragments need not be in text order ("40 47;8 24"): the cover runs
      // from the earliest start to the latest end.
      BratFragment cover = e.fragments.front();
      for (const BratFragment& f : e.fragments) {
        cover.start = std::min(cover.start, f.start);
        cover.end = std::max(cover.end, f.end);
      }
      pieces = {cover};
    }
    for (size_t k = 0; k < pieces.size(); ++k) {
      int64_t start = pieces[k].start, end = pieces[k].end;
      if (conversion.trim) {
        auto at = [&](int64_t i) {
          return text_scan::CodepointAt(doc.text, text_index, i);
        };
        while (start < end && (text_scan::IsWhiteSpace(at(start)) ||
                               IsLeadingPunct(at(start))))
          ++start;
        while (end > start && text_scan::IsWhiteSpace(at(end - 1))) --end;
        if (start == end) continue;
      }
      Mention m;
      m.id = k == 0 ? e.id : e.id + "." + std::to_string(k + 1);
      m.start = start;
      m.end = end;
      m.type = type;
      candidates.push_back({std::move(m), e.id});
    }
  }
  // Merge exact duplicates; optionally keep the longest of overlapping ones.
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  if (conversion.flatten) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Mention& x = candidates[a].mention;
      const Mention& y = candidates[b].mention;
      if (x.length() != y.length()) return x.length() > y.length();
      return x.start < y.start;
    });
  }
  std::vector<bool> keep(candidates.size(), false);
  std::vector<const Mention*> kept;
  for (size_t i : order) {
    const Mention& m = candidates[i].mention;
    bool drop = false;
    for (const Mention* k : kept) {
      if ((k->start == m.start && k->end == m.end && k->type == m.type) ||
          (conversion.flatten && k->Overlaps(m))) {
        drop = true;
        break;
      }
    }
    if (drop) continue;
    keep[i] = true;
    kept.push_back(&m);
  }
  const OffsetIndex& index = text_index;
  std::set<std::string> kept_ids;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!keep[i]) continue;
    Mention m = candidates[i].mention;
    m.text = std::string(index.Slice(doc.text, m.start, m.end));
    kept_ids.insert(m.id);
    out.annotations.mentions.push_back(std::move(m));
  }
  for (const BratRelation& r : doc.relations) {
    if (kept_ids.count(r.arg1) && kept_ids.count(r.arg2))
      out.annotations.relations.push_back({r.type, r.arg1, r.arg2});
  }
  return out;
}

}  // namespace ieval
