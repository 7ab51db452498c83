#include "ieval/score/grounding_summary.h"

#include <algorithm>
#include <string>
#include <utility>

namespace ieval {
namespace {

// `mentions` with the pending ones (at `pending`, in order) replaced by
// their groundings.
std::vector<Mention> Replace(const std::vector<Mention>& mentions,
                             const std::vector<size_t>& pending,
                             const GroundResult& result) {
  std::vector<std::vector<Mention>> placed(pending.size());
  for (const GroundedMention& g : result.mentions) {
    Mention m = g.mention;
    m.alignment = ToMentionAlignment(g.alignment);
    if (m.alignment == MentionAlignment::kUngrounded) m.start = m.end = 0;
    std::vector<Mention>& slot = placed[g.source];
    if (!slot.empty()) m.id += "~" + std::to_string(slot.size() + 1);
    slot.push_back(std::move(m));
  }
  std::vector<Mention> out;
  out.reserve(mentions.size() + result.mentions.size());
  size_t next = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (next < pending.size() && pending[next] == i) {
      for (Mention& m : placed[next]) out.push_back(std::move(m));
      ++next;
      continue;
    }
    out.push_back(mentions[i]);
  }
  return out;
}

void CountRecorded(MentionAlignment a, GroundCounts* counts) {
  ++counts->predictions;
  switch (a) {
    case MentionAlignment::kExact:
      ++counts->exact;
      break;
    case MentionAlignment::kNormalised:
      ++counts->normalised;
      break;
    case MentionAlignment::kFuzzy:
      ++counts->fuzzy;
      break;
    default:
      ++counts->ungrounded;
  }
}

}  // namespace

GroundedPredictions GroundPending(std::string_view text, Annotations& pred,
                                  const GroundOptions& options,
                                  bool other_policies) {
  GroundedPredictions out;
  std::vector<size_t> pending;
  std::vector<Mention> to_ground;
  for (size_t i = 0; i < pred.mentions.size(); ++i) {
    const Mention& m = pred.mentions[i];
    if (m.alignment == MentionAlignment::kPending) {
      pending.push_back(i);
      to_ground.push_back(m);
    } else if (m.alignment != MentionAlignment::kGiven) {
      CountRecorded(m.alignment, &out.counts);
      out.grounded = true;
    }
  }
  if (pending.empty()) return out;
  out.grounded = true;
  out.as_read = pred.mentions;
  const GroundResult chosen = Ground(text, to_ground, options);
  out.counts += chosen.counts;
  if (other_policies) {
    for (GroundPolicy policy : kGroundPolicies) {
      Annotations a;
      a.relations = pred.relations;
      if (policy == options.policy) {
        a.mentions = Replace(pred.mentions, pending, chosen);
      } else {
        GroundOptions other = options;
        other.policy = policy;
        a.mentions =
            Replace(pred.mentions, pending, Ground(text, to_ground, other));
      }
      out.by_policy.push_back(std::move(a));
    }
  }
  pred.mentions = Replace(pred.mentions, pending, chosen);
  return out;
}

GroundingSummary& GroundingSummary::operator+=(const GroundingSummary& o) {
  documents += o.documents;
  grounded_documents += o.grounded_documents;
  given += o.given;
  counts += o.counts;
  by_alignment += o.by_alignment;
  strings += o.strings;
  for (size_t i = 0; i < strict_by_policy.size(); ++i)
    strict_by_policy[i] += o.strict_by_policy[i];
  return *this;
}

double GroundingSummary::StrictF1Spread() const {
  double lo = 1, hi = 0;
  for (const PrfCounts& c : strict_by_policy) {
    lo = std::min(lo, F1(c));
    hi = std::max(hi, F1(c));
  }
  return hi - lo;
}

void AddToSummary(const Document& document, const Annotations& gold,
                  const Annotations& pred, const GroundedPredictions& grounded,
                  const DocumentScores& scores, const ScoreOptions& options,
                  const OffsetIndex& text_index, GroundingSummary* summary) {
  ++summary->documents;
  summary->counts += grounded.counts;
  const std::vector<Mention>& read =
      grounded.as_read.empty() ? pred.mentions : grounded.as_read;
  // Copies only when the type map or filter changes something.
  const bool mapped = !options.types.empty() || !options.type_map.empty();
  std::vector<Mention> gold_copy, read_copy;
  if (mapped) {
    gold_copy = MappedMentions(gold.mentions, false, options);
    read_copy = MappedMentions(read, true, options);
  }
  const std::vector<Mention>& g = mapped ? gold_copy : gold.mentions;
  const std::vector<Mention>& p = mapped ? read_copy : read;
  summary->strings += ScoreStrings(document.text, text_index, g, p);
  for (const Mention& m : p)
    if (m.alignment == MentionAlignment::kGiven) ++summary->given;
  const PrfCounts strict = scores.entities.mode(SpanMode::kStrict).overall;
  if (!grounded.grounded) {
    // Every prediction given: no realignment needed.
    AlignmentCredit& given = summary->by_alignment[MentionAlignment::kGiven];
    given.predictions += scores.entities.predicted_mentions;
    for (SpanMode m : kSpanModes)
      given.tp[static_cast<size_t>(m)] += scores.entities.mode(m).overall.tp;
    for (PrfCounts& c : summary->strict_by_policy) c += strict;
    return;
  }
  ++summary->grounded_documents;
  summary->by_alignment += ScoreByAlignment(gold, pred, options);
  for (size_t i = 0; i < summary->strict_by_policy.size(); ++i) {
    if (grounded.by_policy.empty()) {
      summary->strict_by_policy[i] += strict;
      continue;
    }
    ScoreOptions counts_only = options;
    counts_only.max_examples = 0;
    summary->strict_by_policy[i] +=
        ScoreDocument(document, gold, grounded.by_policy[i], counts_only,
                      &text_index)
            .entities.mode(SpanMode::kStrict)
            .overall;
  }
}

}  // namespace ieval
