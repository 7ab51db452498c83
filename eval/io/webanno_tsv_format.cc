#include "ieval/io/webanno_tsv_format.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "foreign_format.h"
#include "ieval/core/offset_index.h"
#include "json_parse.h"
#include "text_scan.h"
#include "webanno_tsv_escaping.h"

namespace ieval {

namespace {

using text_scan::Split;
using webanno::kNamedEntity;
using webanno::ParseInt;
using webanno::SplitStack;
using webanno::UnescapeText;
using webanno::UnescapeValue;
using webanno::Utf16Length;

// One named-entity annotation being read, offsets in UTF-16 units.
struct RawEntity {
  int64_t begin = 0;
  int64_t end = 0;
  std::optional<std::string> value;
  std::optional<std::string> identifier;
  int64_t line = 0;
  std::string first_token;  // its first token's address, "2-1"
  bool has_id = false;      // a [N] (several tokens, or stacked)
};

// One relation being read: placed on its dependent's first token, the
// governor's first token address in the BT_ column, with the
// disambiguation ids [governor_dependent] (0: the span's only annotation
// starting there, without an id).
struct RawRelation {
  std::string label;
  std::string governor_token;
  std::string dependent_token;
  int64_t governor_id = 0;
  int64_t dependent_id = 0;
  int64_t line = 0;
};

struct Token {
  int64_t begin = 0;
  int64_t end = 0;
  std::string text;
  int64_t line = 0;
};

// A relation layer between named entities: its label and BT_ columns.
struct RelationLayer {
  size_t label_column = 0;
  size_t bt_column = 0;
};

// A chain layer (coreference): the column of its referenceRelation
// feature, "rel->C-L" on each token of link L of chain C.
struct ChainLayer {
  std::string name;  // the layer's short name ("CoreferenceLink")
  size_t relation_column = 0;
};

// One link of a chain being read: the tokens marked with its C-L.
struct RawLink {
  int64_t begin = 0;
  int64_t end = 0;
  int64_t line = 0;
};

struct Schema {
  size_t columns = 0;
  std::optional<size_t> value_column;
  std::optional<size_t> identifier_column;
  bool has_named_entities = false;
  std::vector<std::string> span_layers;
  std::vector<RelationLayer> relation_layers;
  std::vector<ChainLayer> chain_layers;
};

class Reader {
 public:
  Reader(const std::string& file, std::vector<FormatRepair>* repairs)
      : file_(file), repairs_(repairs) {}

  Result<Corpus> Read(std::string_view content);

 private:
  Status Error(int64_t line, std::string what) const {
    return Status::InvalidInput(std::move(what),
                                Where{file_, line, doc_id_, ""});
  }
  Status ReadHeader(const std::vector<std::string_view>& lines, size_t* next);
  Status ReadTokenLine(std::string_view line, int64_t number, bool first);
  Status StartSentence(int64_t begin, int64_t number);
  // As INCEpTION: a line break after each sentence.
  void EndSentence() {
    text_ += '\n';
    ++text_units_;
  }
  Result<AnnotatedDocument> Finish();

  const std::string& file_;
  std::vector<FormatRepair>* repairs_;
  std::string doc_id_;
  int minor_version_ = 3;
  Schema schema_;
  std::string text_;
  int64_t text_units_ = 0;  // UTF-16 length of text_
  std::string sentence_text_;
  std::vector<Token> tokens_;
  std::vector<RawEntity> entities_;
  std::vector<RawRelation> relations_;
  std::map<int64_t, size_t> disambiguated_;  // [id] -> entities_ index
  // (chain layer, chain, link) -> the link's extent.
  std::map<std::tuple<size_t, int64_t, int64_t>, RawLink> links_;
};

Status Reader::ReadHeader(const std::vector<std::string_view>& lines,
                          size_t* next) {
  constexpr std::string_view kFormat = "#FORMAT=WebAnno TSV 3.";
  if (lines.empty() || !lines[0].starts_with(kFormat)) {
    return Error(1,
                 "not a WebAnno TSV 3 file: the first line is not "
                 "\"#FORMAT=WebAnno TSV 3.x\"");
  }
  const std::optional<int64_t> minor =
      ParseInt(lines[0].substr(kFormat.size()));
  if (!minor) return Error(1, "unreadable format version");
  minor_version_ = static_cast<int>(*minor);
  size_t i = 1;
  for (; i < lines.size() && lines[i].starts_with("#T_"); ++i) {
    const std::string_view line = lines[i];
    const size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return Error(static_cast<int64_t>(i) + 1, "unreadable layer line");
    }
    const std::string_view kind = line.substr(0, equals);
    const std::vector<std::string_view> fields =
        Split(line.substr(equals + 1), '|');
    const std::string_view type = fields[0];
    if (kind == "#T_SP") schema_.span_layers.emplace_back(type);
    if (kind == "#T_SP" && type == kNamedEntity) {
      schema_.has_named_entities = true;
      for (size_t f = 1; f < fields.size(); ++f) {
        if (fields[f] == "value")
          schema_.value_column = schema_.columns + f - 1;
        if (fields[f] == "identifier") {
          schema_.identifier_column = schema_.columns + f - 1;
        }
      }
    }
    if (kind == "#T_RL" && fields.size() >= 3 &&
        fields.back() == "BT_" + std::string(kNamedEntity)) {
      // The label is the first feature; the BT_ column comes last.
      schema_.relation_layers.push_back(
          {schema_.columns, schema_.columns + fields.size() - 2});
    }
    if (kind == "#T_CH") {
      for (size_t f = 1; f < fields.size(); ++f)
        if (fields[f] == "referenceRelation") {
          const size_t dot = type.rfind('.');
          schema_.chain_layers.push_back(
              {std::string(
                   dot == std::string_view::npos ? type : type.substr(dot + 1)),
               schema_.columns + f - 1});
        }
    }
    schema_.columns += std::max<size_t>(fields.size() - 1, 1);
  }
  if (!schema_.has_named_entities) {
    std::string layers;
    for (const std::string& l : schema_.span_layers) {
      layers += (layers.empty() ? "" : ", ") + l;
    }
    return Error(
        static_cast<int64_t>(i),
        "no named-entity layer (#T_SP=" + std::string(kNamedEntity) +
            "); span layers here: " + (layers.empty() ? "none" : layers));
  }
  if (!schema_.value_column) {
    return Error(static_cast<int64_t>(i),
                 "the named-entity layer has no `value` feature, the mention "
                 "type");
  }
  *next = i;
  return Status::Ok();
}

Status Reader::StartSentence(int64_t begin, int64_t number) {
  // As INCEpTION: a sentence that starts right after the previous one's last
  // character takes the place of the line break after it; a gap is filled
  // with spaces.
  if (text_units_ > begin) {
    if (text_units_ != begin + 1 || text_.empty() || text_.back() != '\n') {
      return Error(number, "sentence starts at " + std::to_string(begin) +
                               ", inside the previous sentence");
    }
    text_.pop_back();
    --text_units_;
  }
  text_.append(static_cast<size_t>(begin - text_units_), ' ');
  text_units_ = begin;
  text_ += sentence_text_;
  text_units_ += Utf16Length(sentence_text_);
  sentence_text_.clear();
  return Status::Ok();
}

Status Reader::ReadTokenLine(std::string_view line, int64_t number,
                             bool first) {
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < schema_.columns + 3) {
    return Error(number, "expected " + std::to_string(schema_.columns + 3) +
                             " tab-separated columns, found " +
                             std::to_string(fields.size()));
  }
  const std::vector<std::string_view> range = Split(fields[1], '-');
  const std::optional<int64_t> begin =
      range.size() == 2 ? ParseInt(range[0]) : std::nullopt;
  const std::optional<int64_t> end =
      range.size() == 2 ? ParseInt(range[1]) : std::nullopt;
  if (!begin || !end || *begin > *end) {
    return Error(number, "unreadable offsets " + JsonQuoted(fields[1]) +
                             " (expected BEGIN-END)");
  }
  const bool subtoken = fields[0].find('.') != std::string_view::npos;
  if (first) {
    if (subtoken) return Error(number, "a sentence starts with a sub-token");
    if (Status s = StartSentence(*begin, number); !s.ok()) return s;
  }
  if (!subtoken) {
    tokens_.push_back({*begin, *end, UnescapeValue(fields[2]), number});
  }
  // Annotations by stacking position on this unit: the value and identifier
  // columns of one annotation share it.
  std::map<size_t, size_t> on_unit;
  for (std::optional<size_t> column :
       {schema_.value_column, schema_.identifier_column}) {
    if (!column) continue;
    const std::string_view raw = fields[*column + 3];
    if (raw == "_") continue;
    const std::vector<std::string_view> stack = SplitStack(raw);
    for (size_t i = 0; i < stack.size(); ++i) {
      std::string_view value = stack[i];
      std::optional<int64_t> id;
      if (value.ends_with(']') && !value.ends_with("\\]")) {
        const size_t open = value.rfind('[');
        if (open == std::string_view::npos) {
          return Error(number, "unreadable value " + JsonQuoted(value));
        }
        id = ParseInt(value.substr(open + 1, value.size() - open - 2));
        if (!id) return Error(number, "unreadable id in " + JsonQuoted(value));
        value = value.substr(0, open);
      }
      size_t index;
      if (auto it = on_unit.find(i); it != on_unit.end()) {
        index = it->second;
      } else if (auto d = id ? disambiguated_.find(*id) : disambiguated_.end();
                 d != disambiguated_.end()) {
        index = d->second;
        entities_[index].end = std::max(entities_[index].end, *end);
      } else {
        index = entities_.size();
        entities_.push_back({*begin, *end, std::nullopt, std::nullopt, number,
                             std::string(fields[0]), id.has_value()});
        if (id) disambiguated_[*id] = index;
      }
      on_unit[i] = index;
      if (value != "*") {
        (column == schema_.value_column ? entities_[index].value
                                        : entities_[index].identifier) =
            UnescapeValue(value);
      }
    }
  }
  for (size_t c = 0; c < schema_.chain_layers.size(); ++c) {
    const std::string_view raw =
        fields[schema_.chain_layers[c].relation_column + 3];
    if (raw == "_") continue;
    for (std::string_view item : SplitStack(raw)) {
      // "coref->1-2", "*->1-3": link 2 of chain 1.
      const size_t arrow = item.rfind("->");
      const std::vector<std::string_view> at =
          arrow == std::string_view::npos ? std::vector<std::string_view>{}
                                          : Split(item.substr(arrow + 2), '-');
      const auto chain = at.size() == 2 ? ParseInt(at[0]) : std::nullopt;
      const auto link = at.size() == 2 ? ParseInt(at[1]) : std::nullopt;
      if (!chain || !link)
        return Error(number, "unreadable chain link " + JsonQuoted(item) +
                                 " (expected REL->CHAIN-LINK)");
      auto [it, fresh] =
          links_.try_emplace({c, *chain, *link}, RawLink{*begin, *end, number});
      if (!fresh) it->second.end = std::max(it->second.end, *end);
    }
  }
  for (const RelationLayer& layer : schema_.relation_layers) {
    if (fields[layer.bt_column + 3] == "_") continue;
    const std::vector<std::string_view> labels =
        SplitStack(fields[layer.label_column + 3]);
    const std::vector<std::string_view> targets =
        SplitStack(fields[layer.bt_column + 3]);
    for (size_t i = 0; i < targets.size(); ++i) {
      std::string_view target = targets[i];
      RawRelation r;
      r.label = i < labels.size() && labels[i] != "_" && labels[i] != "*"
                    ? UnescapeValue(labels[i])
                    : std::string();
      r.dependent_token = std::string(fields[0]);
      r.line = number;
      if (const size_t open = target.find('['); open != target.npos) {
        const size_t under = target.find('_', open);
        const auto g =
            under == target.npos
                ? std::nullopt
                : ParseInt(target.substr(open + 1, under - open - 1));
        const auto d =
            under == target.npos || !target.ends_with(']')
                ? std::nullopt
                : ParseInt(target.substr(under + 1, target.size() - under - 2));
        if (!g || !d)
          return Error(number, "unreadable relation target " +
                                   JsonQuoted(target) +
                                   " (expected S-T or S-T[G_D])");
        r.governor_id = *g;
        r.dependent_id = *d;
        target = target.substr(0, open);
      }
      r.governor_token = std::string(target);
      relations_.push_back(std::move(r));
    }
  }
  return Status::Ok();
}

Result<AnnotatedDocument> Reader::Finish() {
  // The line break after the last sentence is INCEpTION's, not the file's.
  if (!text_.empty() && text_.back() == '\n' && sentence_text_.empty()) {
    text_.pop_back();
  }
  if (FindInvalidUtf8(text_)) {
    return Error(0, "the #Text= lines hold an unpaired UTF-16 surrogate");
  }
  const OffsetIndex index(text_);
  // UTF-16 unit -> code point, -1 inside a surrogate pair: one table instead
  // of a search per token.
  std::vector<int64_t> codepoint_of(
      static_cast<size_t>(index.utf16_units()) + 1, -1);
  for (int64_t cp = 0; cp <= index.codepoints(); ++cp) {
    codepoint_of[static_cast<size_t>(index.CodepointToUtf16(cp))] = cp;
  }
  auto to_codepoint = [&](int64_t unit) -> std::optional<int64_t> {
    if (unit < 0 || unit > index.utf16_units()) return std::nullopt;
    const int64_t cp = codepoint_of[static_cast<size_t>(unit)];
    if (cp < 0) return std::nullopt;
    return cp;
  };
  for (const Token& t : tokens_) {
    const auto b = to_codepoint(t.begin);
    const auto e = to_codepoint(t.end);
    const std::string_view there =
        b && e && *b <= *e ? index.Slice(text_, *b, *e) : std::string_view();
    if (!b || !e || there != t.text) {
      return Error(t.line, "token " + JsonQuoted(t.text) + " at " +
                               std::to_string(t.begin) + "-" +
                               std::to_string(t.end) +
                               " (UTF-16 units) is not the text there (" +
                               JsonQuoted(there) + ")");
    }
  }
  AnnotatedDocument doc;
  doc.document.doc_id = doc_id_;
  doc.document.text = text_;
  doc.has_text = true;
  doc.source_file = file_;
  std::vector<std::string> mention_of(entities_.size());  // "" if left out
  for (size_t k = 0; k < entities_.size(); ++k) {
    const RawEntity& e = entities_[k];
    if (!e.value || e.value->empty()) {
      NoteRepair(repairs_, "WebAnno TSV named entities without a value skipped",
                 file_ + ":" + std::to_string(e.line));
      continue;
    }
    const auto b = to_codepoint(e.begin);
    const auto en = to_codepoint(e.end);
    if (b && en && *b == *en) {  // INCEpTION allows them; a span cannot be
      NoteRepair(repairs_, "WebAnno TSV zero-width named entities skipped",
                 file_ + ":" + std::to_string(e.line));
      continue;
    }
    if (!b || !en || *b > *en) {
      return Error(e.line, "named entity " + JsonQuoted(*e.value) +
                               " is not a span of the text");
    }
    Mention m;
    m.id = "T" + std::to_string(doc.annotations.mentions.size() + 1);
    m.start = *b;
    m.end = *en;
    m.type = *e.value;
    m.text = std::string(index.Slice(text_, m.start, m.end));
    if (e.identifier && !e.identifier->empty()) m.entity = e.identifier;
    mention_of[k] = m.id;
    doc.annotations.mentions.push_back(std::move(m));
    doc.mention_lines.push_back(e.line);
  }
  // The entity a relation end names: by its id, else the one annotation
  // without an id that starts at the token.
  auto end_of = [&](const std::string& token, int64_t id) -> std::string {
    if (id > 0) {
      auto it = disambiguated_.find(id);
      return it == disambiguated_.end() ? "" : mention_of[it->second];
    }
    for (size_t k = 0; k < entities_.size(); ++k)
      if (!entities_[k].has_id && entities_[k].first_token == token)
        return mention_of[k];
    return "";
  };
  for (const RawRelation& r : relations_) {
    const std::string arg1 = end_of(r.governor_token, r.governor_id);
    const std::string arg2 = end_of(r.dependent_token, r.dependent_id);
    if (arg1.empty() || arg2.empty())
      return Error(r.line, "relation " + JsonQuoted(r.label) + " from " +
                               r.governor_token +
                               " names no named entity "
                               "read here (a relation joins two named "
                               "entities with a value)");
    if (r.label.empty()) {
      NoteRepair(repairs_, "WebAnno TSV relations without a label skipped",
                 file_ + ":" + std::to_string(r.line));
      continue;
    }
    doc.annotations.relations.push_back({r.label, arg1, arg2});
  }
  // Each chain gives the named entities its links cover one entity id
  // ("CoreferenceLink-1"), unless their identifier gives one; a link on
  // no named entity has no type to be a mention with.
  for (const auto& [key, link] : links_) {
    const auto& [layer, chain, number] = key;
    const auto b = to_codepoint(link.begin);
    const auto en = to_codepoint(link.end);
    Mention* covered = nullptr;
    for (Mention& m : doc.annotations.mentions)
      if (b && en && m.start == *b && m.end == *en) covered = &m;
    if (covered == nullptr) {
      NoteRepair(repairs_,
                 "WebAnno TSV chain links on no named entity left out",
                 file_ + ":" + std::to_string(link.line));
      continue;
    }
    if (!covered->entity)
      covered->entity =
          schema_.chain_layers[layer].name + "-" + std::to_string(chain);
  }
  if (index.utf16_units() != index.codepoints() && !entities_.empty()) {
    NoteRepair(repairs_,
               "WebAnno TSV offsets converted from UTF-16 units to "
               "code points",
               file_);
  }
  return doc;
}

Result<Corpus> Reader::Read(std::string_view content) {
  doc_id_ = std::filesystem::path(file_).stem().string();
  if (const std::optional<int64_t> bad = FindInvalidUtf8(content)) {
    return Error(0, "invalid UTF-8 at byte " + std::to_string(*bad));
  }
  std::vector<std::string_view> lines = Split(content, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  bool crlf = false;
  for (std::string_view& line : lines) {
    if (line.ends_with('\r')) {  // a raw CR is never part of the text
      line.remove_suffix(1);
      crlf = true;
    }
  }
  if (crlf) {
    NoteRepair(repairs_, "WebAnno TSV lines ending in CRLF read as lines",
               file_);
  }
  size_t i = 0;
  if (Status s = ReadHeader(lines, &i); !s.ok()) return s;
  enum { kBetween, kHeader, kTokens } state = kBetween;
  for (; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const int64_t number = static_cast<int64_t>(i) + 1;
    if (line.empty()) {
      if (state == kHeader) return Error(number, "a sentence without tokens");
      if (state == kTokens) EndSentence();
      state = kBetween;
      continue;
    }
    if (state != kTokens && line.starts_with("#Text=")) {
      sentence_text_ += UnescapeText(line.substr(6), minor_version_);
      sentence_text_ += '\n';
      state = kHeader;
      continue;
    }
    if (state != kTokens && line.starts_with('#')) continue;  // #Sentence.id=
    if (state == kBetween) {
      return Error(number,
                   "a token line outside a sentence (no #Text= line "
                   "before it)");
    }
    if (state == kHeader) {  // the sentence's text ends with its last line
      sentence_text_.pop_back();
    }
    if (Status s = ReadTokenLine(line, number, state == kHeader); !s.ok()) {
      return s;
    }
    state = kTokens;
  }
  if (state == kHeader) {
    return Error(static_cast<int64_t>(lines.size()),
                 "a sentence without tokens");
  }
  if (state == kTokens) EndSentence();
  Result<AnnotatedDocument> doc = Finish();
  if (!doc.ok()) return doc.status();
  Corpus corpus;
  corpus.documents.push_back(std::move(doc).value());
  return corpus;
}

}  // namespace

Result<Corpus> ReadWebannoTsv(std::string_view content, const std::string& file,
                              const FormatReadOptions& /*options*/,
                              std::vector<FormatRepair>* repairs) {
  Reader reader(file, repairs);
  return reader.Read(foreign::SkipByteOrderMark(content, file, repairs));
}

}  // namespace ieval
