#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/io/webanno_tsv_format.h"
#include "webanno_tsv_escaping.h"

namespace ieval {

using webanno::EscapeText;
using webanno::EscapeValue;
using webanno::kNamedEntity;
using webanno::kRelation;

namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

struct Span {
  int64_t start = 0;  // code points
  int64_t end = 0;
};

}  // namespace

std::string WriteWebannoTsvDocument(const AnnotatedDocument& doc) {
  const bool has_relations = !doc.annotations.relations.empty();
  std::string out =
      "#FORMAT=WebAnno TSV 3.3\n#T_SP=" + std::string(kNamedEntity) +
      "|identifier|value\n";
  if (has_relations)
    out += "#T_RL=" + std::string(kRelation) + "|label|BT_" +
           std::string(kNamedEntity) + "\n";
  out += "\n\n";
  const std::string& text = doc.document.text;
  const OffsetIndex index(text);
  const int64_t n = index.codepoints();
  auto at = [&](int64_t cp) { return text[index.CodepointToByte(cp)]; };
  const std::vector<Mention>& mentions = doc.annotations.mentions;
  std::set<int64_t> cuts;
  for (const Mention& m : mentions) {
    cuts.insert(m.start);
    cuts.insert(m.end);
  }
  std::vector<Span> tokens;
  for (int64_t i = 0; i < n;) {
    if (IsAsciiSpace(at(i))) {
      ++i;
      continue;
    }
    int64_t j = i + 1;
    while (j < n && !IsAsciiSpace(at(j)) && !cuts.count(j)) ++j;
    tokens.push_back({i, j});
    i = j;
  }
  // covering[i]: how many mentions cover code point i (a running sum).
  std::vector<int64_t> covering(static_cast<size_t>(n) + 1, 0);
  // on_token[t]: the mentions covering token t, in mention order.
  std::vector<std::vector<size_t>> on_token(tokens.size());
  std::vector<int64_t> token_count(mentions.size(), 0);
  std::vector<size_t> first_token(mentions.size(), SIZE_MAX);
  for (size_t k = 0; k < mentions.size(); ++k) {
    const Mention& m = mentions[k];
    if (m.start < 0 || m.end > n || m.start >= m.end) continue;
    ++covering[static_cast<size_t>(m.start)];
    --covering[static_cast<size_t>(m.end)];
    auto t = std::lower_bound(
        tokens.begin(), tokens.end(), m.start,
        [](const Span& token, int64_t cp) { return token.start < cp; });
    for (; t != tokens.end() && t->end <= m.end; ++t) {
      const size_t at = static_cast<size_t>(t - tokens.begin());
      on_token[at].push_back(k);
      if (token_count[k]++ == 0) first_token[k] = at;
    }
  }
  for (int64_t i = 1; i <= n; ++i) {
    covering[static_cast<size_t>(i)] += covering[static_cast<size_t>(i - 1)];
  }
  // A sentence ends at a line break the reader rebuilds: one followed by
  // spaces only up to the next token, and inside no mention.
  std::vector<int64_t> breaks;
  for (int64_t p = 0; p < n; ++p) {
    if (at(p) != '\n' || covering[static_cast<size_t>(p)] > 0) continue;
    int64_t q = p + 1;
    while (q < n && at(q) == ' ') ++q;
    if (q < n && !IsAsciiSpace(at(q))) breaks.push_back(p);
  }
  breaks.push_back(n);
  // Each token's address ("2-1"), for the relations' BT_ column, which can
  // name a token after the one it is on.
  std::vector<std::string> address(tokens.size());
  {
    size_t t = 0;
    int64_t s = 0;
    for (const int64_t end : breaks) {
      if (t == tokens.size() || tokens[t].start >= end) continue;
      ++s;
      for (int64_t in = 1; t < tokens.size() && tokens[t].start < end;
           ++t, ++in)
        address[t] = std::to_string(s) + "-" + std::to_string(in);
    }
  }
  // A mention has an id [k + 1] when it spans several tokens or shares its
  // first token with another, so that a relation can name it.
  auto id_of = [&](size_t k) -> int64_t {
    const bool needs =
        token_count[k] > 1 ||
        (first_token[k] != SIZE_MAX && on_token[first_token[k]].size() > 1);
    return needs ? static_cast<int64_t>(k) + 1 : 0;
  };
  std::map<std::string_view, size_t> index_of;  // mention id -> k
  for (size_t k = 0; k < mentions.size(); ++k)
    index_of.emplace(mentions[k].id, k);
  // The relations on each token: those whose tail starts there.
  std::vector<std::vector<const Relation*>> relations_on(tokens.size());
  for (const Relation& r : doc.annotations.relations) {
    auto head = index_of.find(r.head), tail = index_of.find(r.tail);
    if (head == index_of.end() || tail == index_of.end() ||
        first_token[head->second] == SIZE_MAX ||
        first_token[tail->second] == SIZE_MAX)
      continue;
    relations_on[first_token[tail->second]].push_back(&r);
  }
  size_t next_token = 0;
  int64_t sentence = 0;
  for (const int64_t end : breaks) {
    if (next_token == tokens.size() || tokens[next_token].start >= end) {
      continue;
    }
    // INCEpTION's reader wants one blank line between sentences and none
    // after the last.
    if (sentence++ > 0) out += "\n";
    const int64_t start = tokens[next_token].start;
    // As INCEpTION writes it: a #Text= line per line of the sentence.
    const std::string_view sentence_text = index.Slice(text, start, end);
    for (size_t from = 0;;) {
      const size_t to = sentence_text.find('\n', from);
      out += "#Text=" +
             EscapeText(sentence_text.substr(
                 from, to == std::string_view::npos ? to : to - from)) +
             "\n";
      if (to == std::string_view::npos) break;
      from = to + 1;
    }
    for (int64_t in_sentence = 1;
         next_token < tokens.size() && tokens[next_token].start < end;
         ++next_token, ++in_sentence) {
      const Span& t = tokens[next_token];
      std::string identifiers;
      std::string values;
      for (const size_t k : on_token[next_token]) {
        const Mention& m = mentions[k];
        const std::string id =
            id_of(k) > 0 ? "[" + std::to_string(id_of(k)) + "]" : "";
        if (!values.empty()) {
          identifiers += '|';
          values += '|';
        }
        identifiers += (m.entity ? EscapeValue(*m.entity) : "*") + id;
        values += EscapeValue(m.type) + id;
      }
      if (values.empty()) identifiers = values = "_";
      out += std::to_string(sentence) + "-" + std::to_string(in_sentence) +
             "\t" + std::to_string(index.CodepointToUtf16(t.start)) + "-" +
             std::to_string(index.CodepointToUtf16(t.end)) + "\t" +
             EscapeValue(index.Slice(text, t.start, t.end)) + "\t" +
             identifiers + "\t" + values + "\t";
      if (has_relations) {
        std::string labels, targets;
        for (const Relation* r : relations_on[next_token]) {
          const size_t head = index_of.at(r->head);
          const size_t tail = index_of.at(r->tail);
          if (!labels.empty()) {
            labels += '|';
            targets += '|';
          }
          labels += EscapeValue(r->type);
          targets += address[first_token[head]];
          if (id_of(head) > 0 || id_of(tail) > 0)
            targets += "[" + std::to_string(id_of(head)) + "_" +
                       std::to_string(id_of(tail)) + "]";
        }
        if (labels.empty()) labels = targets = "_";
        out += labels + "\t" + targets + "\t";
      }
      out += "\n";  // INCEpTION ends each token line with a tab
    }
  }
  return out;
}

std::string WriteWebannoTsv(const Corpus& corpus) {
  if (corpus.documents.empty()) {
    return "#FORMAT=WebAnno TSV 3.3\n#T_SP=" + std::string(kNamedEntity) +
           "|identifier|value\n\n\n";
  }
  return WriteWebannoTsvDocument(corpus.documents.front());
}

}  // namespace ieval
