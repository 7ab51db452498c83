#include "ieval/io/brat_format.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_reader.h"
#include "text_scan.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

using text_scan::Split;

// Letters and digits only, for comparing a span with BRAT's surface column
// (which has line breaks turned into spaces).
std::string Squeezed(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  return out;
}

int SurfaceMatches(const BratDocument& doc) {
  const OffsetIndex index(doc.text);
  int n = 0;
  for (const BratEntity& e : doc.entities) {
    if (e.fragments.size() != 1 || e.surface.empty()) continue;
    n += Squeezed(index.Slice(doc.text, e.fragments[0].start,
                              e.fragments[0].end)) == Squeezed(e.surface);
  }
  return n;
}

// The text BRAT writes in a T line's third column for `e`: its fragments'
// texts joined by a space.
std::string SpanText(const BratDocument& doc, const OffsetIndex& index,
                     const BratEntity& e) {
  std::string out;
  for (const BratFragment& f : e.fragments) {
    if (!out.empty()) out += ' ';
    out += index.Slice(doc.text, f.start, f.end);
  }
  return out;
}

// Each T line's text column against the span its offsets give (white space
// aside: BRAT writes line breaks as spaces). A mismatch means offsets that
// do not point at what was annotated: an error, with the unit that would
// fit when the offsets read as UTF-8 bytes or UTF-16 units match.
Status CheckSurfaces(const BratDocument& doc, const std::string& ann,
                     const std::string& ann_path) {
  const OffsetIndex index(doc.text);
  for (const BratEntity& e : doc.entities) {
    if (e.surface.empty()) continue;
    const std::string span = SpanText(doc, index, e);
    if (Squeezed(span) == Squeezed(e.surface)) continue;
    std::string hint =
        "; BRAT counts code points of the .txt (\"\\r\\n\" as one): fix "
        "the offsets or the .txt";
    for (OffsetUnit unit : {OffsetUnit::kByte, OffsetUnit::kUtf16}) {
      auto other = ParseBrat(doc.doc_id, doc.text, ann, ann_path, unit);
      if (!other.ok()) continue;
      const OffsetIndex other_index(other->text);
      bool all = true;
      for (const BratEntity& o : other->entities)
        all = all && (o.surface.empty() ||
                      Squeezed(SpanText(*other, other_index, o)) ==
                          Squeezed(o.surface));
      if (all) {
        const std::string units =
            unit == OffsetUnit::kByte ? "UTF-8 bytes" : "UTF-16 units";
        hint = "; read as " + units +
               ", every span matches its text: the tool that wrote this .ann "
               "counted " +
               units +
               " where BRAT counts code points: convert them to code points";
        break;
      }
    }
    std::string at;
    for (const BratFragment& f : e.fragments)
      at += (at.empty() ? "" : ";") + std::to_string(f.start) + "-" +
            std::to_string(f.end);
    return Status::InvalidInput(
        "span " + at + " is " + QuotedForMessage(span) + " in the .txt, but " +
            "the line's text column says " + QuotedForMessage(e.surface) + hint,
        Where{ann_path, e.line, doc.doc_id, e.id});
  }
  return Status::Ok();
}

// Reads one document, resolving how its offsets count CR line ends.
Result<BratDocument> ReadOne(const std::string& ann_path,
                             const std::string& ann_text,
                             std::vector<FormatRepair>* repairs) {
  const fs::path txt_path = fs::path(ann_path).replace_extension(".txt");
  const std::string* ann = &ann_text;
  auto text = ReadFile(txt_path.string());
  if (!text.ok())
    return Status::InvalidInput("no " + txt_path.filename().string() +
                                    " beside it (BRAT keeps each document's "
                                    "text in NAME.txt next to NAME.ann)",
                                Where{ann_path, 0, "", ""});
  const std::string stem = fs::path(ann_path).stem().string();
  if (text->find('\r') == std::string::npos)
    return ParseBrat(stem, std::move(*text), *ann, ann_path);
  // BRAT's count: "\r\n" and a lone "\r" are one character ("\n").
  std::string lf;
  std::vector<int64_t> raw_of;  // code point of lf -> code point of *text
  int64_t raw_cp = 0;
  for (size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      raw_of.push_back(raw_cp);
    if (c == '\r') {
      lf += '\n';
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') {
        ++i;
        ++raw_cp;
      }
    } else {
      lf += c;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++raw_cp;
  }
  raw_of.push_back(raw_cp);
  auto as_brat = ParseBrat(stem, lf, *ann, ann_path);
  auto as_raw = ParseBrat(stem, *text, *ann, ann_path);
  const bool raw_fits_better =
      as_raw.ok() &&
      (!as_brat.ok() || SurfaceMatches(*as_raw) > SurfaceMatches(*as_brat));
  if (raw_fits_better) {
    NoteRepair(repairs,
               "the .txt has CR line ends and the offsets count \"\\r\\n\" "
               "as two characters (BRAT itself counts one): read as they are",
               ann_path);
    return as_raw;
  }
  if (!as_brat.ok()) return as_brat.status();
  NoteRepair(repairs,
             "the .txt has CR line ends: offsets read as BRAT counts them "
             "(\"\\r\\n\" one character, Python's universal newlines) and "
             "mapped to the file's text",
             ann_path);
  BratDocument doc = std::move(*as_brat);
  for (BratEntity& e : doc.entities)
    for (BratFragment& f : e.fragments)
      f = {raw_of[static_cast<size_t>(f.start)],
           raw_of[static_cast<size_t>(f.end)]};
  doc.text = std::move(*text);
  return doc;
}

// The N, *, A, M and E lines ParseBrat leaves out, applied to `out`.
void ApplyExtras(std::string_view ann, const std::string& file,
                 AnnotatedDocument* out, std::vector<FormatRepair>* repairs) {
  std::map<std::string, Mention*, std::less<>> by_id;
  for (Mention& m : out->annotations.mentions) by_id[m.id] = &m;
  std::vector<std::vector<std::string>> equivs;
  int64_t line_no = 0;
  for (std::string_view line : Split(ann, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::string where = file + ":" + std::to_string(line_no);
    const std::vector<std::string_view> cols = Split(line, '\t');
    const std::vector<std::string_view> args =
        cols.size() >= 2 ? Split(cols[1], ' ')
                         : std::vector<std::string_view>{};
    const char kind = line[0];
    auto target = [&](size_t i) -> Mention* {
      if (i >= args.size()) return nullptr;
      auto it = by_id.find(args[i]);
      return it == by_id.end() ? nullptr : it->second;
    };
    if (kind == 'N' && args.size() >= 3) {
      Mention* m = target(1);
      if (!m) continue;
      std::string_view ref = args[2];
      if (ref.starts_with("ieval:")) ref.remove_prefix(6);
      m->entity = std::string(ref);
    } else if (kind == '*' && args.size() >= 2 && args[0] == "Equiv") {
      std::vector<std::string> members;
      for (size_t i = 1; i < args.size(); ++i)
        if (target(i)) members.emplace_back(args[i]);
      equivs.push_back(std::move(members));
    } else if ((kind == 'A' || kind == 'M') && args.size() >= 2) {
      Mention* m = target(1);
      if (args[0] == "Value" && m && args.size() >= 3) {
        m->value = std::string(args[2]);
      } else {
        NoteRepair(repairs,
                   "attribute \"" + std::string(args[0]) +
                       "\" left out (ieval mentions hold an `entity` and a "
                       "`value` only)",
                   where);
      }
    } else if (kind == 'E') {
      NoteRepair(repairs, "event (E) lines left out (ieval has no events)",
                 where);
    }
  }
  for (const std::vector<std::string>& members : equivs) {
    std::string entity = members.empty() ? "" : members.front();
    for (const std::string& id : members)
      if (by_id[id]->entity) entity = *by_id[id]->entity;
    for (const std::string& id : members)
      if (!by_id[id]->entity) by_id[id]->entity = entity;
  }
}

Result<AnnotatedDocument> ToAnnotated(const BratDocument& doc,
                                      std::string_view ann,
                                      const FormatReadOptions& options,
                                      std::vector<FormatRepair>* repairs) {
  AnnotatedDocument out;
  out.document = {doc.doc_id, doc.text};
  out.has_text = true;
  out.source_file = doc.ann_file;
  out.source_line = 1;
  const OffsetIndex index(doc.text);
  auto space_at = [&](int64_t cp) {
    return text_scan::IsWhiteSpace(text_scan::CodepointAt(doc.text, index, cp));
  };
  std::set<std::string> kept;
  for (const BratEntity& e : doc.entities) {
    const std::string where = doc.ann_file + ":" + std::to_string(e.line);
    int64_t start = e.fragments.front().start, end = e.fragments.front().end;
    if (e.fragments.size() > 1) {
      if (options.discontinuous == DiscontinuousMode::kError)
        return Status::InvalidInput(
            "a discontinuous span (" + std::to_string(e.fragments.size()) +
                " fragments) has no ieval equivalent: give "
                "--discontinuous=hull (one mention over the fragments) or "
                "--discontinuous=skip (left out)",
            Where{doc.ann_file, e.line, doc.doc_id, e.id});
      if (options.discontinuous == DiscontinuousMode::kSkip) {
        NoteRepair(repairs,
                   "discontinuous span left out (--discontinuous=skip)", where);
        continue;
      }
      NoteRepair(repairs,
                 "discontinuous span read as one mention over its fragments "
                 "(--discontinuous=hull)",
                 where);
      for (const BratFragment& f : e.fragments) {
        start = std::min(start, f.start);
        end = std::max(end, f.end);
      }
    }
    const int64_t before = end - start;
    while (start < end && space_at(start)) ++start;
    while (end > start && space_at(end - 1)) --end;
    if (start == end) {
      NoteRepair(repairs, "span of white space only left out", where);
      continue;
    }
    if (end - start != before)
      NoteRepair(repairs,
                 "white space at a span's ends trimmed (ieval spans never "
                 "start or end with it)",
                 where);
    Mention m;
    m.id = e.id;
    m.start = start;
    m.end = end;
    m.type = e.type;
    m.text = std::string(index.Slice(doc.text, start, end));
    out.annotations.mentions.push_back(std::move(m));
    out.mention_lines.push_back(e.line);
    kept.insert(e.id);
  }
  for (const BratRelation& r : doc.relations) {
    if (kept.count(r.arg1) && kept.count(r.arg2)) {
      out.annotations.relations.push_back({r.type, r.arg1, r.arg2});
    } else {
      NoteRepair(repairs, "relation to a left-out span left out",
                 doc.ann_file + ": " + r.id);
    }
  }
  ApplyExtras(ann, doc.ann_file, &out, repairs);
  return out;
}

}  // namespace

Result<Corpus> ReadBrat(const std::string& path,
                        const FormatReadOptions& options,
                        std::vector<FormatRepair>* repairs) {
  std::error_code ec;
  std::vector<std::string> anns;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      const fs::path& p = entry.path();
      if (p.extension() == ".ann" && !p.filename().string().starts_with("."))
        anns.push_back(p.string());
    }
    std::sort(anns.begin(), anns.end());
    if (anns.empty())
      return Status::InvalidInput(
          "no .ann file in this folder (a BRAT folder holds NAME.txt and "
          "NAME.ann pairs)",
          Where{path, 0, "", ""});
  } else if (fs::exists(path, ec)) {
    anns.push_back(path);
  } else {
    return Status::IoError("no such file or folder", Where{path, 0, "", ""});
  }
  Corpus corpus;
  for (const std::string& ann_path : anns) {
    auto ann = ReadFile(ann_path);
    if (!ann.ok()) return ann.status();
    auto doc = ReadOne(ann_path, *ann, repairs);
    if (!doc.ok()) return doc.status();
    if (Status s = CheckSurfaces(*doc, *ann, ann_path); !s.ok()) return s;
    auto annotated = ToAnnotated(*doc, *ann, options, repairs);
    if (!annotated.ok()) return annotated.status();
    corpus.documents.push_back(std::move(*annotated));
  }
  return corpus;
}

}  // namespace ieval
