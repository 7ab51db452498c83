#include "ieval/io/iob_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

#include "ieval/core/offset_index.h"
#include "ieval/io/atomic_file.h"

namespace ieval {
namespace {

// Splits one line into columns.
std::vector<std::string_view> Columns(std::string_view line, char delimiter) {
  std::vector<std::string_view> out;
  if (delimiter != 0) {
    size_t start = 0;
    for (;;) {
      const size_t end = line.find(delimiter, start);
      out.push_back(line.substr(start, end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return out;
  }
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// "B-PER" -> ('B', "PER"); "O" -> ('O', ""); malformed -> ('?', "").
std::pair<char, std::string_view> SplitTag(std::string_view tag) {
  if (tag == "O") return {'O', {}};
  if (tag.size() < 3 || tag[1] != '-') return {'?', {}};
  return {tag[0], tag.substr(2)};
}

bool PrefixAllowed(char prefix, TagScheme scheme) {
  switch (scheme) {
    case TagScheme::kIob1:
    case TagScheme::kIob2:
      return prefix == 'B' || prefix == 'I';
    case TagScheme::kIobes:
      return std::string_view("BIESUL").find(prefix) != std::string_view::npos;
  }
  return false;
}

bool IsSentenceFinal(const std::string& token) {
  return token == "." || token == "!" || token == "?";
}

// Tokens after which a '.' is an abbreviation, not a sentence end.
bool IsAbbreviation(const std::string& token) {
  static constexpr std::array<std::string_view, 10> kTitles = {
      "M", "MM", "Mme", "Mmes", "Mlle", "Mgr", "Dr", "St", "Ste", "etc"};
  if (token.size() == 1 && std::isalpha(static_cast<unsigned char>(token[0])))
    return true;
  return std::find(kTitles.begin(), kTitles.end(), token) != kTitles.end();
}

bool StartsLowercase(const std::string& token) {
  return !token.empty() && std::islower(static_cast<unsigned char>(token[0]));
}

// Cuts `s` into sentences of at most `max_tokens` where possible (see
// IobReadOptions::max_sentence_tokens).
std::vector<TaggedSentence> SplitLong(TaggedSentence s, int max_tokens) {
  std::vector<TaggedSentence> out;
  const size_t n = s.tokens.size();
  size_t begin = 0;
  auto emit = [&](size_t end) {
    TaggedSentence piece;
    piece.first_line = s.first_line + static_cast<int64_t>(begin);
    piece.tokens.assign(s.tokens.begin() + static_cast<ptrdiff_t>(begin),
                        s.tokens.begin() + static_cast<ptrdiff_t>(end));
    piece.tags.assign(s.tags.begin() + static_cast<ptrdiff_t>(begin),
                      s.tags.begin() + static_cast<ptrdiff_t>(end));
    out.push_back(std::move(piece));
    begin = end;
  };
  for (size_t i = 0; i + 1 < n; ++i) {
    const bool final_punct =
        IsSentenceFinal(s.tokens[i]) && s.tags[i] == "O" &&
        !(i > 0 && s.tokens[i] == "." && IsAbbreviation(s.tokens[i - 1])) &&
        !StartsLowercase(s.tokens[i + 1]);
    const bool too_long = i + 1 - begin >= static_cast<size_t>(max_tokens) &&
                          s.tags[i] == "O" && s.tags[i + 1] == "O";
    if (final_punct || too_long) emit(i + 1);
  }
  if (begin < n) emit(n);
  return out;
}

}  // namespace

std::optional<TagScheme> ParseTagScheme(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  if (upper == "IOB1") return TagScheme::kIob1;
  if (upper == "IOB2" || upper == "BIO") return TagScheme::kIob2;
  if (upper == "IOBES" || upper == "BIOES" || upper == "BILOU")
    return TagScheme::kIobes;
  return std::nullopt;
}

Result<std::vector<TaggedDocument>> ParseIob(std::string_view content,
                                             const std::string& file,
                                             TagScheme scheme,
                                             const IobReadOptions& options) {
  const std::string stem = std::filesystem::path(file).stem().string();
  std::vector<TaggedDocument> docs(1);
  TaggedSentence sentence;
  auto end_sentence = [&] {
    if (sentence.tokens.empty()) return;
    if (options.max_sentence_tokens > 0 &&
        sentence.tokens.size() >
            static_cast<size_t>(options.max_sentence_tokens)) {
      for (auto& piece :
           SplitLong(std::move(sentence), options.max_sentence_tokens))
        docs.back().sentences.push_back(std::move(piece));
    } else {
      docs.back().sentences.push_back(std::move(sentence));
    }
    sentence = TaggedSentence();
  };
  bool has_docstart = false;
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::vector<std::string_view> cols = Columns(line, options.delimiter);
    if (cols.empty() || (cols.size() == 1 && cols[0].find_first_not_of(" \t") ==
                                                 std::string_view::npos)) {
      end_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      end_sentence();
      docs.emplace_back();
      has_docstart = true;
      continue;
    }
    if (cols.size() < 2) {
      return Status::InvalidInput(
          "expected a token and a tag separated by white space, got \"" +
              std::string(line) + "\"",
          Where{file, line_no, "", ""});
    }
    const std::string_view tag = cols.back();
    const auto [prefix, type] = SplitTag(tag);
    if (prefix != 'O' && (prefix == '?' || !PrefixAllowed(prefix, scheme))) {
      return Status::InvalidInput(
          "tag \"" + std::string(tag) +
              "\" is not O or <prefix>-<TYPE> with a prefix of the scheme "
              "(IOB1/IOB2: B I; IOBES: B I E S, BILOU: B I L U)",
          Where{file, line_no, "", ""});
    }
    if (sentence.tokens.empty()) sentence.first_line = line_no;
    sentence.tokens.emplace_back(cols[0]);
    sentence.tags.emplace_back(tag);
  }
  end_sentence();
  // -DOCSTART- lines with nothing between them make no document.
  std::erase_if(docs,
                [](const TaggedDocument& d) { return d.sentences.empty(); });
  if (!has_docstart && options.sentences_per_document > 0 && !docs.empty()) {
    std::vector<TaggedSentence> all = std::move(docs.front().sentences);
    docs.clear();
    const size_t per = static_cast<size_t>(options.sentences_per_document);
    for (size_t i = 0; i < all.size(); i += per) {
      TaggedDocument doc;
      for (size_t j = i; j < std::min(all.size(), i + per); ++j)
        doc.sentences.push_back(std::move(all[j]));
      docs.push_back(std::move(doc));
    }
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string index = std::to_string(i);
    if (index.size() < 4) index.insert(0, 4 - index.size(), '0');
    docs[i].doc_id = docs.size() == 1 ? stem : stem + "-" + index;
  }
  return docs;
}

Result<std::vector<TaggedDocument>> ReadIobFile(const std::string& path,
                                                TagScheme scheme,
                                                const IobReadOptions& options) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  return ParseIob(*content, path, scheme, options);
}

std::vector<TokenChunk> ChunkTags(const std::vector<std::string>& tags,
                                  TagScheme scheme) {
  std::vector<TokenChunk> chunks;
  bool open = false;  // the last chunk may still grow
  for (size_t i = 0; i < tags.size(); ++i) {
    auto [prefix, type] = SplitTag(tags[i]);
    if (prefix == '?') prefix = 'O';
    if (prefix == 'O') {
      open = false;
      continue;
    }
    if (scheme == TagScheme::kIobes) {
      if (prefix == 'U') prefix = 'S';
      if (prefix == 'L') prefix = 'E';
    }
    const bool continues = open && chunks.back().type == type &&
                           (prefix == 'I' || prefix == 'E') &&
                           !(scheme == TagScheme::kIob1 && prefix == 'E');
    const int64_t index = static_cast<int64_t>(i);
    if (continues) {
      chunks.back().end = index + 1;
    } else {
      chunks.push_back({index, index + 1, std::string(type)});
    }
    open = !(scheme == TagScheme::kIobes && (prefix == 'E' || prefix == 'S'));
  }
  return chunks;
}

namespace {

bool NoSpaceBefore(std::string_view token) {
  return token == "," || token == "." || token == ")" || token == "]" ||
         token == "}" || token == "\xE2\x80\xA6";  // …
}

// l' d' qu' jusqu’ …: a few letters and an apostrophe (' or ’).
bool IsElided(std::string_view token) {
  size_t letters = token.size();
  if (token.ends_with('\'')) {
    letters -= 1;
  } else if (token.ends_with("\xE2\x80\x99")) {
    letters -= 3;
  } else {
    return false;
  }
  if (letters == 0 || letters > 7) return false;
  for (size_t i = 0; i < letters; ++i)
    if (!std::isalpha(static_cast<unsigned char>(token[i]))) return false;
  return true;
}

// Detokenize, with each token's first byte too.
std::string Join(const std::vector<std::string>& tokens,
                 std::vector<int64_t>* starts, std::vector<size_t>* bytes) {
  std::string text;
  int64_t cp = 0;
  starts->clear();
  bytes->clear();
  for (size_t i = 0; i < tokens.size(); ++i) {
    const bool glue =
        i > 0 && (NoSpaceBefore(tokens[i]) || tokens[i - 1] == "(" ||
                  tokens[i - 1] == "[" || IsElided(tokens[i - 1]));
    if (i > 0 && !glue) {
      text += ' ';
      ++cp;
    }
    starts->push_back(cp);
    bytes->push_back(text.size());
    text += tokens[i];
    cp += CountCodepoints(tokens[i]);
  }
  return text;
}

}  // namespace

std::string Detokenize(const std::vector<std::string>& tokens,
                       std::vector<int64_t>* starts) {
  std::vector<size_t> bytes;
  return Join(tokens, starts, &bytes);
}

AnnotatedDocument TaggedToAnnotated(const TaggedDocument& doc,
                                    TagScheme scheme) {
  AnnotatedDocument out;
  out.document.doc_id = doc.doc_id;
  out.has_text = true;
  int64_t base = 0;  // code point where the current sentence starts
  std::vector<int64_t> starts;
  std::vector<size_t> bytes;
  for (const TaggedSentence& s : doc.sentences) {
    if (base > 0) {
      out.document.text += '\n';
      ++base;
    }
    const std::string line = Join(s.tokens, &starts, &bytes);
    for (const TokenChunk& c : ChunkTags(s.tags, scheme)) {
      const auto first = static_cast<size_t>(c.begin);
      const auto last = static_cast<size_t>(c.end - 1);
      Mention m;
      m.id = "T" + std::to_string(out.annotations.mentions.size() + 1);
      m.start = base + starts[first];
      m.end = base + starts[last] + CountCodepoints(s.tokens[last]);
      m.type = c.type;
      m.text = line.substr(bytes[first],
                           bytes[last] + s.tokens[last].size() - bytes[first]);
      out.annotations.mentions.push_back(std::move(m));
    }
    out.document.text += line;
    base += CountCodepoints(line);
  }
  return out;
}

}  // namespace ieval
