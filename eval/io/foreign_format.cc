#include "foreign_format.h"

#include <algorithm>
#include <map>
#include <utility>

#include "ieval/core/status_macros.h"
#include "json_parse.h"

namespace ieval::foreign {

namespace {

// Levenshtein distance, stopping early is not worth it for keys this short.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<std::string_view> Keys(std::string_view space_separated) {
  std::vector<std::string_view> keys;
  size_t pos = 0;
  while (pos < space_separated.size()) {
    const size_t end =
        std::min(space_separated.find(' ', pos), space_separated.size());
    if (end > pos) keys.push_back(space_separated.substr(pos, end - pos));
    pos = end + 1;
  }
  return keys;
}

std::string ClosestKey(std::string_view key,
                       const std::vector<std::string_view>& known) {
  std::string best;
  size_t best_distance = 3;
  for (std::string_view candidate : known) {
    const size_t d = EditDistance(key, candidate);
    if (d < best_distance && 2 * d < key.size()) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

Status CheckKeys(const JsonValue& object, std::string_view known_keys,
                 const FormatReadOptions& options, const std::string& doc_id,
                 const std::function<bool(const std::string&,
                                          const JsonValue&)>& also_allowed) {
  const std::vector<std::string_view> known = Keys(known_keys);
  if (options.ignore_unknown_keys) return Status::Ok();
  for (const auto& [key, value] : object.Members()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (also_allowed && also_allowed(key, value)) continue;
    std::string what = "unknown key " + JsonQuoted(key);
    const std::string meant = ClosestKey(key, known);
    if (!meant.empty()) what += " (did you mean " + JsonQuoted(meant) + "?)";
    what += "; --ignore-unknown-keys reads the file anyway";
    const Status error = object.Error(what);
    return Status::InvalidInput(error.message(),
                                Where{error.where().file, 0, doc_id, ""});
  }
  return Status::Ok();
}

std::string Printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> IdText(const JsonValue& value) {
  if (value.is_string()) return value.String().value();
  if (value.is_integer()) return std::to_string(value.Integer().value());
  return std::nullopt;
}

std::optional<JsonValue> FindIdField(const JsonValue& record,
                                     const std::string& id_field) {
  constexpr std::string_view kMeta = "meta.";
  if (id_field.starts_with(kMeta)) {
    const std::optional<JsonValue> meta = record.Find("meta");
    if (!meta) return std::nullopt;
    return meta->Find(std::string_view(id_field).substr(kMeta.size()));
  }
  return record.Find(id_field);
}

Status At(const JsonValue& value, std::string_view what,
          const std::string& doc_id) {
  const Status error = value.Error(what);
  return Status::InvalidInput(error.message(),
                              Where{error.where().file, 0, doc_id, ""});
}

Result<std::string> RecordId(const JsonValue& record,
                             const FormatReadOptions& options, int64_t line,
                             std::initializer_list<std::string_view> keys) {
  std::optional<JsonValue> id;
  if (!options.id_field.empty()) {
    id = FindIdField(record, options.id_field);
    if (!id)
      return record.Error("no key " + JsonQuoted(options.id_field) +
                          " (--id-field) in the record");
  } else {
    for (std::string_view key : keys)
      if ((id = record.Find(key))) break;
  }
  if (!id) return std::to_string(line);
  std::optional<std::string> text = IdText(*id);
  if (!text || text->empty())
    return id->Expected("a document id (a non-empty string or an integer)");
  return *text;
}

Result<Corpus> ReadJsonlCorpus(
    std::string_view content, const std::string& file,
    std::vector<FormatRepair>* repairs,
    const std::function<Result<std::optional<AnnotatedDocument>>(
        const JsonValue& record, int64_t line)>& read) {
  Corpus corpus;
  std::map<std::string, int64_t, std::less<>> seen;
  IEVAL_RETURN_IF_ERROR(ForEachJsonlRecord(
      SkipByteOrderMark(content, file, repairs), file,
      [&](const JsonValue& record, int64_t line) -> Status {
        IEVAL_ASSIGN_OR_RETURN(std::optional<AnnotatedDocument> doc,
                               read(record, line));
        if (!doc) return Status::Ok();
        auto [it, fresh] = seen.emplace(doc->document.doc_id, line);
        if (!fresh)
          return Status::InvalidInput(
              "document id " + JsonQuoted(doc->document.doc_id) +
                  " is also line " + std::to_string(it->second) +
                  "'s; name a unique key with --id-field",
              Where{file, line, "", ""});
        corpus.documents.push_back(std::move(*doc));
        return Status::Ok();
      }));
  return corpus;
}

std::string_view SkipByteOrderMark(std::string_view content,
                                   const std::string& file,
                                   std::vector<FormatRepair>* repairs) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (!content.starts_with(kBom)) return content;
  NoteRepair(repairs, "UTF-8 byte-order mark at the start of the file skipped",
             file);
  return content.substr(kBom.size());
}

Status ForEachJsonlRecord(
    std::string_view content, const std::string& file,
    const std::function<Status(const JsonValue& record, int64_t line)>& visit) {
  int64_t line = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = content.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Result<JsonDocument> json = JsonDocument::Parse(text, file);
    if (!json.ok()) {
      return Status::InvalidInput(json.status().message(),
                                  Where{file, line, "", ""});
    }
    Status status = visit(json->root(), line);
    if (!status.ok()) {
      if (status.where().line != 0) return status;
      Where where = status.where();
      where.line = line;
      return Status::InvalidInput(status.message(), std::move(where));
    }
  }
  return Status::Ok();
}

Status CheckUtf8(std::string_view text, const JsonValue& where,
                 const std::string& doc_id) {
  const std::optional<int64_t> bad = FindInvalidUtf8(text);
  if (!bad) return Status::Ok();
  const Status error = where.Error("invalid UTF-8 at byte " +
                                   std::to_string(*bad) + " of the text");
  return Status::InvalidInput(error.message(),
                              Where{error.where().file, 0, doc_id, ""});
}

SpanConverter::SpanConverter(std::string_view text)
    : text_(text), index_(text) {
  int64_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    if (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      crlf_.push_back(cp);
    }
    ++cp;
  }
}

std::optional<std::pair<int64_t, int64_t>> SpanConverter::ToCodepoints(
    int64_t start, int64_t end, SpanUnit unit) const {
  if (start < 0 || start >= end) return std::nullopt;
  std::optional<int64_t> s;
  std::optional<int64_t> e;
  switch (unit) {
    case SpanUnit::kCodepoints:
      if (end > index_.codepoints()) return std::nullopt;
      return std::make_pair(start, end);
    case SpanUnit::kUtf16:
      s = index_.Utf16ToCodepoint(start);
      e = index_.Utf16ToCodepoint(end);
      break;
    case SpanUnit::kCrlfAsOne: {
      // A CRLF whose CR is the i-th of them sits at crlf_[i] - i when each
      // CRLF counts as one character; an offset past it skips both.
      // crlf_[i] - i grows with i: the CRLFs before an offset are a prefix.
      auto real = [this](int64_t collapsed) {
        size_t low = 0;
        size_t high = crlf_.size();
        while (low < high) {
          const size_t mid = low + (high - low) / 2;
          if (crlf_[mid] - static_cast<int64_t>(mid) < collapsed) {
            low = mid + 1;
          } else {
            high = mid;
          }
        }
        return collapsed + static_cast<int64_t>(low);
      };
      s = real(start);
      e = real(end);
      if (*e > index_.codepoints()) return std::nullopt;
      break;
    }
  }
  if (!s || !e || *s >= *e) return std::nullopt;
  return std::make_pair(*s, *e);
}

std::optional<SpanUnit> SpanConverter::MatchText(
    int64_t start, int64_t end, std::string_view expected) const {
  for (SpanUnit unit :
       {SpanUnit::kCodepoints, SpanUnit::kUtf16, SpanUnit::kCrlfAsOne}) {
    if (unit == SpanUnit::kUtf16 && !has_astral()) continue;
    if (unit == SpanUnit::kCrlfAsOne && !has_crlf()) continue;
    const auto span = ToCodepoints(start, end, unit);
    if (span && index_.Slice(text_, span->first, span->second) == expected) {
      return unit;
    }
  }
  return std::nullopt;
}

std::string SpanConverter::DescribeSpan(int64_t start, int64_t end) const {
  const auto span = ToCodepoints(start, end, SpanUnit::kCodepoints);
  if (!span) return "nothing (not a span of the text)";
  return JsonQuoted(index_.Slice(text_, span->first, span->second));
}

std::string SpanConverter::Mismatch(int64_t start, int64_t end,
                                    std::string_view expected,
                                    std::string_view what) const {
  std::string out = "start " + std::to_string(start) + ", end " +
                    std::to_string(end) + " pick out " +
                    DescribeSpan(start, end) + ", not " + std::string(what) +
                    " " + JsonQuoted(expected) +
                    " (in code points, UTF-16 units or with CRLF as one "
                    "character)";
  const std::optional<int64_t> s = index_.ByteToCodepoint(start);
  const std::optional<int64_t> e = index_.ByteToCodepoint(end);
  if (s && e && *s < *e && index_.Slice(text_, *s, *e) == expected) {
    out +=
        "; they pick it out counted in UTF-8 bytes, a unit the format "
        "does not use: the tool that wrote the file counts bytes";
  }
  return out;
}

std::string RepairText(std::string_view tool, SpanUnit unit) {
  std::string out(tool);
  switch (unit) {
    case SpanUnit::kCodepoints:
      return out + " offsets read as code points";
    case SpanUnit::kUtf16:
      return out + " offsets converted from UTF-16 units to code points";
    case SpanUnit::kCrlfAsOne:
      return out + " offsets converted from a count with CRLF as one " +
             "character to code points";
  }
  return out;
}

}  // namespace ieval::foreign
