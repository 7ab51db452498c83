// WriteConll (conll_format.h): mentions as tags of the given tokens.
#include <algorithm>
#include <cctype>

#include "ieval/core/offset_index.h"
#include "ieval/io/conll_format.h"
#include "ieval/sequence/seqeval.h"

namespace ieval {
namespace {

// One token piece and the mention it lies in (-1: none).
struct Piece {
  int64_t start = 0;
  int64_t end = 0;
  int mention = -1;
};

// The tags of the pieces of one mention, given whether an entity of its
// type ends right before it (IOB1's B-) or starts right after it (IOE1's E-).
void TagMention(Scheme scheme, const std::string& type, size_t n,
                bool same_type_before, bool same_type_after,
                std::vector<std::string>* tags) {
  for (size_t i = 0; i < n; ++i) {
    char prefix = 'I';
    const bool first = i == 0, last = i + 1 == n;
    switch (scheme) {
      case Scheme::kIOB1:
        prefix = first && same_type_before ? 'B' : 'I';
        break;
      case Scheme::kIOB2:
        prefix = first ? 'B' : 'I';
        break;
      case Scheme::kIOE1:
        prefix = last && same_type_after ? 'E' : 'I';
        break;
      case Scheme::kIOE2:
        prefix = last ? 'E' : 'I';
        break;
      case Scheme::kIOBES:
        prefix = n == 1 ? 'S' : first ? 'B' : last ? 'E' : 'I';
        break;
      case Scheme::kBILOU:
        prefix = n == 1 ? 'U' : first ? 'B' : last ? 'L' : 'I';
        break;
    }
    tags->push_back(std::string(1, prefix) + "-" + type);
  }
}

}  // namespace

Result<std::string> WriteConll(
    const Corpus& corpus, const std::vector<std::vector<TokenSpan>>& tokens,
    const std::vector<std::vector<int64_t>>& sentence_starts,
    const std::string& scheme_name) {
  std::string upper = scheme_name.empty() ? "IOB2" : scheme_name;
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  const std::optional<Scheme> scheme = ParseScheme(upper);
  if (!scheme)
    return Status::Usage(
        "--scheme: expected IOB1, IOB2, IOE1, IOE2, IOBES "
        "or BILOU, not \"" +
        scheme_name + "\"");
  std::string out;
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const AnnotatedDocument& doc = corpus.documents[d];
    std::vector<const Mention*> mentions;
    for (const Mention& m : doc.annotations.mentions) mentions.push_back(&m);
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention* a, const Mention* b) {
                return a->start != b->start ? a->start < b->start
                                            : a->end < b->end;
              });
    for (size_t i = 1; i < mentions.size(); ++i) {
      if (mentions[i]->start < mentions[i - 1]->end)
        return Status::InvalidInput(
            "mentions " + mentions[i - 1]->id + " and " + mentions[i]->id +
                " overlap: CoNLL tags hold one entity per token (convert "
                "to a format that keeps nested spans, such as ieval or brat)",
            Where{doc.source_file, doc.source_line, doc.document.doc_id, ""});
    }
    // Tokens cut at mention boundaries, each given its mention.
    std::vector<Piece> pieces;
    size_t next = 0;  // the first mention not ended before the piece
    for (const TokenSpan& t : tokens[d]) {
      int64_t start = t.start;
      while (start < t.end) {
        while (next < mentions.size() && mentions[next]->end <= start) ++next;
        int64_t end = t.end;
        int mention = -1;
        if (next < mentions.size()) {
          const Mention& m = *mentions[next];
          if (m.start <= start) {
            mention = static_cast<int>(next);
            end = std::min(end, m.end);
          } else {
            end = std::min(end, m.start);
          }
        }
        pieces.push_back({start, end, mention});
        start = end;
      }
    }
    std::vector<std::string> tags;
    for (size_t i = 0; i < pieces.size();) {
      const int m = pieces[i].mention;
      if (m < 0) {
        tags.emplace_back("O");
        ++i;
        continue;
      }
      size_t j = i;
      while (j < pieces.size() && pieces[j].mention == m) ++j;
      const Mention& mention = *mentions[static_cast<size_t>(m)];
      const bool before =
          i > 0 && pieces[i - 1].mention >= 0 &&
          mentions[static_cast<size_t>(pieces[i - 1].mention)]->type ==
              mention.type;
      const bool after =
          j < pieces.size() && pieces[j].mention >= 0 &&
          mentions[static_cast<size_t>(pieces[j].mention)]->type ==
              mention.type;
      TagMention(*scheme, mention.type, j - i, before, after, &tags);
      i = j;
    }
    const OffsetIndex index(doc.document.text);
    const std::vector<int64_t>& starts = sentence_starts[d];
    size_t sentence = 0;
    out += "-DOCSTART- " + doc.document.doc_id + " O\n\n";
    for (size_t i = 0; i < pieces.size(); ++i) {
      bool new_sentence = false;
      while (sentence < starts.size() && starts[sentence] <= pieces[i].start) {
        ++sentence;
        new_sentence = true;
      }
      if (new_sentence && i > 0) out += '\n';
      const int64_t b = index.CodepointToByte(pieces[i].start);
      const int64_t e = index.CodepointToByte(pieces[i].end);
      out.append(doc.document.text, static_cast<size_t>(b),
                 static_cast<size_t>(e - b));
      out += ' ';
      out += tags[i];
      out += '\n';
    }
    if (!pieces.empty()) out += '\n';
  }
  return out;
}

}  // namespace ieval
