#include "ieval/io/conll_format.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "conll_chunker.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"

namespace ieval {
namespace {

void SplitColumns(std::string_view line, std::vector<std::string_view>* cols) {
  cols->clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) cols->push_back(line.substr(start, i - start));
  }
}

// The length in bytes of the white-space character at `text[i]`, 0 when it
// is not one: ASCII spaces and the Unicode White_Space characters (U+00A0,
// U+202F, U+2000–U+200A …), and the byte-order mark.
size_t SpaceAt(std::string_view text, size_t i) {
  const auto b = [&](size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char c = b(0);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0x80) return 0;
  if (c == 0xC2 && (b(1) == 0x85 || b(1) == 0xA0)) return 2;
  if (c == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;  // U+1680
  if (c == 0xE2 && b(1) == 0x80 &&
      (b(2) <= 0x8A || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF))
    return 3;
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;  // BOM
  return 0;
}

int64_t Codepoints(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Up to 20 characters either side of byte `at`, line breaks escaped.
std::string Around(std::string_view text, size_t at) {
  size_t begin = at, end = at;
  for (int n = 0; n < 20 && begin > 0; ++n) {
    do --begin;
    while (begin > 0 &&
           (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80);
  }
  for (int n = 0; n < 20 && end < text.size(); ++n) {
    do ++end;
    while (end < text.size() &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
  }
  std::string out;
  for (char c : text.substr(begin, end - begin)) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

// One document as the file lists it.
struct RawConllDocument {
  std::string doc_id;  // empty: named after the file
  std::vector<std::string_view> tokens;
  std::vector<int64_t> lines;
  std::vector<int64_t> sentence_ends;  // token index after each sentence
  std::vector<ConllChunk> chunks;
  int64_t first_line = 0;
  // CoNLL-U: the `# text = …` of each sentence, one a line, and how many.
  std::string comment_text;
  size_t comment_texts = 0;
};

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// The value of the NE= or NER= item of a CoNLL-U MISC column ("O" when it
// has neither): "SpaceAfter=No|NE=B-PER" -> "B-PER".
std::string_view MiscTag(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    const std::string_view item = misc.substr(pos, bar - pos);
    for (std::string_view key : {"NE=", "NER="})
      if (item.starts_with(key)) return item.substr(key.size());
    pos = bar + 1;
  }
  return "O";
}

// A CoNLL-U comment line: `#` at the start of a sentence, either
// `# key = value` or a line whose last column is no tag (so a token `#`
// tagged O stays a token). `key` and `value` are trimmed.
bool ParseComment(std::string_view line,
                  const std::vector<std::string_view>& cols,
                  std::string_view* key, std::string_view* value) {
  if (line.empty() || line[0] != '#') return false;
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t'))
      v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    return v;
  };
  const std::string_view body = line.substr(1);
  const size_t eq = body.find('=');
  const std::string_view last = cols.back();
  const bool tag_like =
      cols.size() >= 2 && (last == "O" || (last.size() >= 3 && last[1] == '-'));
  if (eq == std::string_view::npos && tag_like) return false;
  *key = trim(eq == std::string_view::npos ? body : body.substr(0, eq));
  *value = eq == std::string_view::npos ? std::string_view()
                                        : trim(body.substr(eq + 1));
  return true;
}

Result<Scheme> SchemeOf(const FormatReadOptions& options) {
  if (options.scheme.empty()) return Scheme::kIOB2;
  std::string upper = options.scheme;
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  if (upper == "BIO") upper = "IOB2";
  if (upper == "BIOES") upper = "IOBES";
  auto scheme = ParseScheme(upper);
  if (!scheme)
    return Status::Usage(
        "--scheme: expected IOB1, IOB2, IOE1, IOE2, IOBES "
        "or BILOU, not \"" +
        options.scheme + "\"");
  return *scheme;
}

Result<std::vector<RawConllDocument>> ParseColumns(
    std::string_view content, const std::string& file,
    const FormatReadOptions& options, Scheme scheme,
    std::vector<FormatRepair>* repairs) {
  std::vector<RawConllDocument> docs(1);
  ConllChunker chunker(scheme, file, repairs);
  std::vector<std::string_view> cols;
  int64_t line_no = 0;
  auto end_sentence = [&] {
    RawConllDocument& d = docs.back();
    const auto n = static_cast<int64_t>(d.tokens.size());
    if (d.sentence_ends.empty() ? n > 0 : d.sentence_ends.back() < n) {
      chunker.End(line_no);
      d.sentence_ends.push_back(n);
    }
  };
  auto end_document = [&] {
    end_sentence();
    docs.back().chunks = std::move(chunker.chunks());
    chunker.chunks().clear();
  };
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    SplitColumns(line, &cols);
    if (cols.empty()) {
      end_sentence();
      continue;
    }
    const Where where{file, line_no, "", ""};
    std::string_view key, value;
    const RawConllDocument& current = docs.back();
    const bool sentence_start =
        current.tokens.size() ==
        (current.sentence_ends.empty()
             ? 0
             : static_cast<size_t>(current.sentence_ends.back()));
    if (sentence_start && ParseComment(line, cols, &key, &value)) {
      // CoNLL-U: `# newdoc [id = X]` starts a document, `# text = …` is the
      // sentence's text; other comments (`# sent_id`, `# newpar`) say
      // nothing spans need.
      if (key == "newdoc id" || key == "newdoc") {
        end_document();
        docs.emplace_back();
        docs.back().first_line = line_no;
        docs.back().doc_id = std::string(value);
      } else if (key == "text") {
        RawConllDocument& d = docs.back();
        if (d.comment_texts > 0) d.comment_text += '\n';
        d.comment_text += value;
        ++d.comment_texts;
      }
      continue;
    }
    // CoNLL-U token lines: ID FORM … (ten columns); a multiword token's
    // range (1-2) and an empty node (1.1) are no tokens of their own.
    if (cols.size() >= 10 && !cols[0].empty() && cols[0][0] >= '0' &&
        cols[0][0] <= '9' && !IsDigits(cols[0]))
      continue;
    const size_t token_column = cols.size() >= 10 && IsDigits(cols[0]) ? 1 : 0;
    if (cols[0] == "-DOCSTART-") {
      end_document();
      docs.emplace_back();
      docs.back().first_line = line_no;
      if (cols.size() >= 3 && cols[1] != "-X-")
        docs.back().doc_id = std::string(cols[1]);
      continue;
    }
    const size_t tag_column = options.tag_column > 0
                                  ? static_cast<size_t>(options.tag_column - 1)
                                  : cols.size() - 1;
    if (cols.size() < 2 || tag_column >= cols.size() ||
        tag_column <= token_column) {
      return Status::InvalidInput(
          "expected a token and its tag in " +
              (options.tag_column > 0
                   ? "column " + std::to_string(options.tag_column)
                   : std::string("the last column")) +
              ", got " + std::to_string(cols.size()) + " column(s): \"" +
              Around(line, 0) + "\"",
          where);
    }
    std::string_view tag = cols[tag_column];
    // Plain CoNLL-U (ten columns, no tag column given): the tag is the
    // MISC column's NE= (or NER=) item, O without one.
    if (token_column == 1 && cols.size() == 10 && options.tag_column == 0)
      tag = MiscTag(tag);
    char prefix = 'O';
    std::string_view type;
    if (tag != "O") {
      if (tag.size() < 3 || tag[1] != '-')
        return Status::InvalidInput(
            "tag \"" + std::string(tag) +
                "\" is not O or <prefix>-<TYPE> (column " +
                std::to_string(tag_column + 1) +
                "; another column with --tag-column N)",
            where);
      prefix = tag[0];
      type = tag.substr(2);
      if (!ConllChunker::Allows(scheme, prefix))
        return Status::InvalidInput(
            "tag \"" + std::string(tag) + "\": " + std::string(1, prefix) +
                "- is no prefix of " + std::string(SchemeName(scheme)) +
                " (give the file's scheme with --scheme IOB1|IOB2|IOE1|"
                "IOE2|IOBES|BILOU)",
            where);
    }
    RawConllDocument& d = docs.back();
    if (d.tokens.empty() && d.first_line == 0) d.first_line = line_no;
    chunker.Add(prefix, type, static_cast<int64_t>(d.tokens.size()), line_no);
    d.tokens.push_back(cols[token_column]);
    d.lines.push_back(line_no);
  }
  end_document();
  // Unnamed -DOCSTART- sections with nothing in them make no document.
  std::erase_if(docs, [](const RawConllDocument& d) {
    return d.doc_id.empty() && d.tokens.empty();
  });
  const std::string stem = std::filesystem::path(file).stem().string();
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].doc_id.empty()) continue;
    std::string index = std::to_string(i);
    if (index.size() < 4) index.insert(0, 4 - index.size(), '0');
    docs[i].doc_id = docs.size() == 1 ? stem : stem + "-" + index;
  }
  return docs;
}

// The tokens joined by single spaces, one sentence a line.
std::string JoinTokens(const RawConllDocument& d) {
  std::string text;
  size_t sentence = 0;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (i > 0) {
      const bool new_sentence =
          sentence < d.sentence_ends.size() &&
          static_cast<size_t>(d.sentence_ends[sentence]) == i;
      if (new_sentence) ++sentence;
      text += new_sentence ? '\n' : ' ';
    }
    text += d.tokens[i];
  }
  return text;
}

// `joined`: the text is JoinTokens', so each token is one character after
// the previous one and nothing needs checking.
Status ToAnnotated(const RawConllDocument& d, std::string text, bool joined,
                   const std::string& file, AnnotatedDocument* out) {
  // Reused from document to document.
  thread_local std::vector<size_t> byte_start, byte_end;
  thread_local std::vector<int64_t> cp_start, cp_end;
  byte_start.resize(d.tokens.size());
  byte_end.resize(d.tokens.size());
  cp_start.resize(d.tokens.size());
  cp_end.resize(d.tokens.size());
  size_t pos = 0;
  int64_t cp = 0;
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (joined) {
      if (i > 0) {
        ++pos;
        ++cp;
      }
      byte_start[i] = pos;
      cp_start[i] = cp;
      pos += d.tokens[i].size();
      cp += Codepoints(d.tokens[i]);
      byte_end[i] = pos;
      cp_end[i] = cp;
      continue;
    }
    while (pos < text.size()) {
      const size_t space = SpaceAt(text, pos);
      if (space == 0) break;
      pos += space;
      ++cp;
    }
    const std::string_view token = d.tokens[i];
    if (std::string_view(text).substr(pos, token.size()) != token) {
      return Status::InvalidInput(
          "token \"" + std::string(token) +
              "\" does not match the text at character " + std::to_string(cp) +
              " (\"" + Around(text, pos) +
              "\"): the tokens must be the text's own, in order (give the "
              "texts they were cut from with --text DIR, or no text to join "
              "the tokens by spaces)",
          Where{file, d.lines[i], d.doc_id, ""});
    }
    byte_start[i] = pos;
    cp_start[i] = cp;
    pos += token.size();
    cp += Codepoints(token);
    byte_end[i] = pos;
    cp_end[i] = cp;
  }
  out->document.doc_id = d.doc_id;
  out->has_text = true;
  out->source_file = file;
  out->source_line = d.first_line;
  int n = 0;
  for (const ConllChunk& c : d.chunks) {
    const auto b = static_cast<size_t>(c.begin);
    const auto e = static_cast<size_t>(c.end - 1);
    Mention m;
    m.id = "T" + std::to_string(++n);
    m.start = cp_start[b];
    m.end = cp_end[e];
    m.type = std::string(c.type);
    m.text = text.substr(byte_start[b], byte_end[e] - byte_start[b]);
    out->annotations.mentions.push_back(std::move(m));
    out->mention_lines.push_back(d.lines[b]);
  }
  out->document.text = std::move(text);
  return Status::Ok();
}

}  // namespace

Result<Corpus> ReadConll(std::string_view content, const std::string& file,
                         const FormatReadOptions& options,
                         const DocumentTexts* texts,
                         std::vector<FormatRepair>* repairs,
                         std::vector<ConllTokens>* tokens) {
  auto scheme = SchemeOf(options);
  if (!scheme.ok()) return scheme.status();
  if (auto bad = FindInvalidUtf8(content))
    return Status::InvalidInput("invalid UTF-8 at byte " +
                                    std::to_string(*bad) +
                                    " (CoNLL files are read as UTF-8)",
                                Where{file, 0, "", ""});
  auto docs = ParseColumns(content, file, options, *scheme, repairs);
  if (!docs.ok()) return docs.status();
  Corpus corpus;
  corpus.documents.reserve(docs->size());
  for (const RawConllDocument& d : *docs) {
    std::string text;
    bool joined = false;
    if (!options.text_dir.empty()) {
      const std::string path =
          (std::filesystem::path(options.text_dir) / (d.doc_id + ".txt"))
              .string();
      auto read = ReadFile(path);
      if (!read.ok())
        return Status::InvalidInput(
            "no text " + path +
                " for this document (--text DIR holds one "
                "<doc_id>.txt per document)",
            Where{file, d.first_line, d.doc_id, ""});
      text = std::move(*read);
    } else if (auto t = texts ? texts->find(d.doc_id)
                              : DocumentTexts::const_iterator();
               texts && t != texts->end()) {
      text = t->second;
    } else if (d.comment_texts > 0 &&
               d.comment_texts == d.sentence_ends.size()) {
      NoteRepair(repairs,
                 "no text given (--text DIR): each document's text is its "
                 "CoNLL-U `# text =` lines, one sentence a line",
                 file + ": " + d.doc_id);
      text = d.comment_text;
    } else {
      NoteRepair(repairs,
                 "no text given (--text DIR): each document's text is its "
                 "tokens joined by single spaces, one sentence a line",
                 file + ": " + d.doc_id);
      text = JoinTokens(d);
      joined = true;
    }
    AnnotatedDocument& out = corpus.documents.emplace_back();
    if (Status s = ToAnnotated(d, std::move(text), joined, file, &out); !s.ok())
      return s;
    if (tokens) {
      ConllTokens& t = tokens->emplace_back();
      t.doc_id = d.doc_id;
      for (std::string_view token : d.tokens) {
        t.tokens += token;
        t.tokens += '\n';
      }
      t.lines = d.lines;
    }
  }
  return corpus;
}

Status CheckSameTokens(const std::vector<ConllTokens>& gold,
                       const std::string& gold_file,
                       const std::vector<ConllTokens>& pred,
                       const std::string& pred_file) {
  const std::string same =
      " (gold and predictions must list the same tokens, line by line)";
  for (size_t d = 0; d < std::max(gold.size(), pred.size()); ++d) {
    if (d >= pred.size())
      return Status::InvalidInput(
          "the predictions end before the gold's "
          "document \"" +
              gold[d].doc_id + "\"" + same,
          Where{pred_file, 0, "", ""});
    if (d >= gold.size())
      return Status::InvalidInput(
          "document \"" + pred[d].doc_id + "\" after the gold's last, " +
              gold[d - 1].doc_id + " of " + gold_file + same,
          Where{pred_file, pred[d].lines.empty() ? 0 : pred[d].lines[0],
                pred[d].doc_id, ""});
    const ConllTokens& g = gold[d];
    const ConllTokens& p = pred[d];
    if (g.tokens == p.tokens && g.lines == p.lines) continue;
    // The first token that differs, for the message.
    size_t gpos = 0, ppos = 0;
    for (size_t i = 0;; ++i) {
      const size_t gend = g.tokens.find('\n', gpos);
      const size_t pend = p.tokens.find('\n', ppos);
      const std::string_view gt =
          gend == std::string::npos
              ? std::string_view()
              : std::string_view(g.tokens).substr(gpos, gend - gpos);
      const std::string_view pt =
          pend == std::string::npos
              ? std::string_view()
              : std::string_view(p.tokens).substr(ppos, pend - ppos);
      if (pend == std::string::npos)
        return Status::InvalidInput(
            "the document ends where the gold " + gold_file + ":" +
                std::to_string(g.lines[i]) + " has \"" + std::string(gt) +
                "\"" + same,
            Where{pred_file, p.lines.empty() ? 0 : p.lines.back(), p.doc_id,
                  ""});
      if (gend == std::string::npos || gt != pt || g.lines[i] != p.lines[i])
        return Status::InvalidInput(
            "token \"" + std::string(pt) + "\" where the gold " + gold_file +
                (gend != std::string::npos
                     ? ":" + std::to_string(g.lines[i]) + " has \"" +
                           std::string(gt) + "\""
                     : " has no more tokens") +
                same,
            Where{pred_file, p.lines[i], p.doc_id, ""});
      gpos = gend + 1;
      ppos = pend + 1;
    }
  }
  return Status::Ok();
}

}  // namespace ieval
