#include "ieval/extractors/tagger/names_only.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_set>

#include "ieval/core/offset_index.h"
#include "ieval/extractors/tagger/tokens.h"

namespace ieval::tagger {
namespace {

std::string Lower(const std::string& s) {
  std::string out;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT_UNSAFE(s.data(), i, c);
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, u_tolower(c));
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Titles and forms of address: capitalised, rarely written in lower case
// ("Mlle", "Mgr"), and never part of an ieval name (ANNOTATION_SPEC.md:
// "Sergei Lavrov" in "M. Sergei Lavrov").
bool IsTitle(const std::string& lower) {
  static const std::unordered_set<std::string> kTitles = {
      "m",        "mm",     "mme",          "mmes",       "mlle",
      "mlles",    "mgr",    "dr",           "me",         "pr",
      "monsieur", "madame", "mademoiselle", "messieurs",  "mesdames",
      "sir",      "lord",   "lady",         "monseigneur"};
  return kTitles.count(lower) > 0;
}

UChar32 First(const std::string& s) {
  UChar32 c = 0;
  int32_t i = 0;
  if (!s.empty()) U8_NEXT_UNSAFE(s.data(), i, c);
  return c;
}

}  // namespace

AnnotatedDocument NamesOnly(const AnnotatedDocument& doc, Segmenter& segmenter,
                            NamesOnlyStats* stats) {
  const TokenizedText tt = Tokenize(segmenter, doc.document.text);
  std::unordered_set<std::string> lower_forms;
  for (const Token& t : tt.tokens)
    if (t.is_word && u_islower(First(t.text))) lower_forms.insert(t.text);
  auto is_name = [&](const Token& t) {
    const UChar32 c = First(t.text);
    if (!t.is_word || !(u_isupper(c) || u_istitle(c))) return false;
    const std::string lower = Lower(t.text);
    return !lower_forms.count(lower) && !IsTitle(lower);
  };
  AnnotatedDocument out = doc;
  out.annotations.mentions.clear();
  out.annotations.relations.clear();  // ids may go; nothing here needs them
  const OffsetIndex index(doc.document.text);
  for (const Mention& m : doc.annotations.mentions) {
    auto it = std::lower_bound(
        tt.tokens.begin(), tt.tokens.end(), m.start,
        [](const Token& t, int64_t start) { return t.start < start; });
    const Token* first = nullptr;
    const Token* last = nullptr;
    for (; it != tt.tokens.end() && it->end <= m.end; ++it) {
      if (!is_name(*it)) continue;
      if (first == nullptr) first = &*it;
      last = &*it;
    }
    if (first == nullptr) {
      ++stats->dropped;
      continue;
    }
    Mention kept = m;
    kept.start = first->start;
    kept.end = last->end;
    kept.text =
        std::string(index.Slice(doc.document.text, kept.start, kept.end));
    if (kept.start != m.start || kept.end != m.end) ++stats->trimmed;
    ++stats->kept;
    out.annotations.mentions.push_back(std::move(kept));
  }
  return out;
}

}  // namespace ieval::tagger
