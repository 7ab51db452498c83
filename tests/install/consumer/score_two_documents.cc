// Scores two French documents (accents, « », no-break spaces) against a
// prediction with one miss, one boundary error and one spurious mention,
// through the installed API, and prints the strict and partial counts.
#include <cstdio>
#include <string>

#include "ieval/scoring.h"

namespace {

// A mention of `type` over the first occurrence of `words` in `text`, in
// code points (the unit ieval uses inside).
ieval::Mention Span(const std::string& text, const std::string& words,
                    const std::string& type, const std::string& id) {
  const ieval::OffsetIndex index(text);
  const size_t byte = text.find(words);
  ieval::Mention m;
  m.id = id;
  m.start = *index.ByteToCodepoint(static_cast<int64_t>(byte));
  m.end = *index.ByteToCodepoint(static_cast<int64_t>(byte + words.size()));
  m.type = type;
  return m;
}

}  // namespace

int main() {
  const ieval::Document a{
      "a", "«\u00a0Kim Jong-un\u00a0» a reçu Poutine à Pyongyang."};
  const ieval::Document b{"b", "L’Élysée et l’OTAN réagissent à Séoul."};
  ieval::Annotations gold_a, pred_a, gold_b, pred_b;
  gold_a.mentions = {Span(a.text, "Kim Jong-un", "PER", "T1"),
                     Span(a.text, "Poutine", "PER", "T2"),
                     Span(a.text, "Pyongyang", "LOC", "T3")};
  pred_a.mentions = {Span(a.text, "Kim Jong-un", "PER", "P1"),
                     Span(a.text, "Pyongyang.", "LOC", "P2")};  // too long
  gold_b.mentions = {Span(b.text, "Élysée", "ORG", "T1"),
                     Span(b.text, "OTAN", "ORG", "T2"),
                     Span(b.text, "Séoul", "LOC", "T3")};
  pred_b.mentions = {Span(b.text, "Élysée", "ORG", "P1"),
                     Span(b.text, "OTAN", "ORG", "P2"),
                     Span(b.text, "Séoul", "LOC", "P3"),
                     Span(b.text, "réagissent", "PER", "P4")};  // spurious

  ieval::ScoreOptions options;
  ieval::CorpusScores corpus(options.max_examples);
  corpus.Add(ieval::ScoreDocument(a, gold_a, pred_a, options));
  corpus.Add(ieval::ScoreDocument(b, gold_b, pred_b, options));
  for (ieval::SpanMode mode :
       {ieval::SpanMode::kStrict, ieval::SpanMode::kPartial}) {
    const ieval::PrfCounts& c = corpus.total().entities.mode(mode).overall;
    const ieval::Prf p = ieval::Micro(c);
    std::printf("%s: tp %g fp %g fn %g P %.3f R %.3f F1 %.3f\n",
                ieval::SpanModeName(mode), c.tp, c.fp, c.fn, p.precision,
                p.recall, p.f1);
  }
  return 0;
}
