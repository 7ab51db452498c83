#include "ieval/ground/grounding.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "fuzzy.h"
#include "ieval/core/offset_index.h"
#include "ieval/ground/normalise.h"
#include "ieval/ground/occurrence_index.h"

namespace ieval {
namespace {

// The predictions sharing one GroundKey, in the order listed.
struct Group {
  std::string key;
  std::vector<size_t> members;
};

struct Candidate {
  int64_t start = 0;  // original code points
  int64_t end = 0;
  // 0 best: exact and free, then normalised and free, then exact but
  // inside an already placed mention or not on word boundaries, then
  // normalised so.
  int tier = 0;
};

bool IsWordChar(UChar32 c) {
  return c >= 0 &&
         (c < 0x80 ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                         (c >= 'A' && c <= 'Z')
                   : u_isalnum(c) != 0);
}

// An occurrence [begin, end) of `key` in `text` (normalised bytes) that
// does not start or end inside a word: "Iran" is not in "Iranien".
bool OnWordBoundaries(std::string_view text, size_t begin, size_t end,
                      std::string_view key) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto* k = reinterpret_cast<const uint8_t*>(key.data());
  const auto n = static_cast<int32_t>(text.size());
  const auto kn = static_cast<int32_t>(key.size());
  UChar32 first, last;
  int32_t i = 0;
  U8_NEXT(k, i, kn, first);
  i = kn;
  U8_PREV(k, 0, i, last);
  if (IsWordChar(first) && begin > 0) {
    auto at = static_cast<int32_t>(begin);
    UChar32 before;
    U8_PREV(p, 0, at, before);
    if (IsWordChar(before)) return false;
  }
  if (IsWordChar(last) && end < text.size()) {
    auto at = static_cast<int32_t>(end);
    UChar32 after;
    U8_NEXT(p, at, n, after);
    if (IsWordChar(after)) return false;
  }
  return true;
}

bool Overlaps(const std::vector<uint8_t>& taken, int64_t start, int64_t end) {
  for (int64_t cp = start; cp < end; ++cp) {
    if (taken[static_cast<size_t>(cp)] != 0) return true;
  }
  return false;
}

void Mark(std::vector<uint8_t>& taken, int64_t start, int64_t end) {
  std::fill(taken.begin() + start, taken.begin() + end, uint8_t{1});
}

}  // namespace

MentionAlignment ToMentionAlignment(GroundAlignment a) {
  switch (a) {
    case GroundAlignment::kExact:
      return MentionAlignment::kExact;
    case GroundAlignment::kNormalised:
      return MentionAlignment::kNormalised;
    case GroundAlignment::kFuzzy:
      return MentionAlignment::kFuzzy;
    case GroundAlignment::kUngrounded:
      return MentionAlignment::kUngrounded;
  }
  return MentionAlignment::kUngrounded;
}

const char* GroundAlignmentName(GroundAlignment alignment) {
  switch (alignment) {
    case GroundAlignment::kExact:
      return "exact";
    case GroundAlignment::kNormalised:
      return "normalised";
    case GroundAlignment::kFuzzy:
      return "fuzzy";
    case GroundAlignment::kUngrounded:
      return "ungrounded";
  }
  return "ungrounded";
}

const char* GroundPolicyName(GroundPolicy policy) {
  switch (policy) {
    case GroundPolicy::kOrder:
      return "order";
    case GroundPolicy::kFirst:
      return "first";
    case GroundPolicy::kAll:
      return "all";
  }
  return "order";
}

std::optional<GroundPolicy> ParseGroundPolicy(std::string_view name) {
  if (name == "order") return GroundPolicy::kOrder;
  if (name == "first") return GroundPolicy::kFirst;
  if (name == "all") return GroundPolicy::kAll;
  return std::nullopt;
}

GroundCounts& GroundCounts::operator+=(const GroundCounts& other) {
  predictions += other.predictions;
  exact += other.exact;
  normalised += other.normalised;
  fuzzy += other.fuzzy;
  ungrounded += other.ungrounded;
  ambiguous += other.ambiguous;
  return *this;
}

GroundResult Ground(std::string_view text,
                    const std::vector<Mention>& predicted,
                    const GroundOptions& options) {
  const NormalisedText normalised = NormaliseText(text);
  const OffsetIndex offsets(text);
  std::vector<Group> groups;
  std::unordered_map<std::string, size_t> group_of;
  std::vector<size_t> no_key;
  for (size_t i = 0; i < predicted.size(); ++i) {
    std::string key = predicted[i].text ? GroundKey(*predicted[i].text) : "";
    if (key.empty()) {
      no_key.push_back(i);
      continue;
    }
    auto [it, added] = group_of.emplace(key, groups.size());
    if (added) groups.push_back({std::move(key), {}});
    groups[it->second].members.push_back(i);
  }
  std::vector<std::string> keys;
  keys.reserve(groups.size());
  for (const Group& g : groups) keys.push_back(g.key);
  const std::vector<std::vector<int64_t>> occurrences =
      OccurrenceIndex(keys).FindAll(normalised.text);

  // Longer strings first, so "Poutine" does not take the place of the
  // "Poutine" inside "Vladimir Poutine" when both are predicted.
  std::vector<size_t> order(groups.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return groups[a].key.size() > groups[b].key.size();
  });

  GroundResult result;
  result.counts.predictions = static_cast<int64_t>(predicted.size());
  std::vector<uint8_t> taken(static_cast<size_t>(normalised.codepoints), 0);
  std::vector<size_t> left;  // for the fuzzy pass, in the order listed
  auto place = [&](size_t source, int64_t start, int64_t end,
                   GroundAlignment alignment) {
    GroundedMention g{predicted[source], alignment, source};
    g.mention.start = start;
    g.mention.end = end;
    result.mentions.push_back(std::move(g));
  };
  auto alignment_of = [&](size_t source, int64_t start, int64_t end) {
    return offsets.Slice(text, start, end) == *predicted[source].text
               ? GroundAlignment::kExact
               : GroundAlignment::kNormalised;
  };
  std::vector<Candidate> candidates;
  for (size_t g : order) {
    const Group& group = groups[g];
    candidates.clear();
    for (int64_t begin : occurrences[g]) {
      const auto b = static_cast<size_t>(begin);
      const size_t e = b + group.key.size();
      const auto [start, end] = normalised.OriginalSpan(b, e);
      const std::string_view slice = offsets.Slice(text, start, end);
      bool exact = false;
      for (size_t m : group.members)
        exact = exact || slice == *predicted[m].text;
      const bool free = !Overlaps(taken, start, end) &&
                        OnWordBoundaries(normalised.text, b, e, group.key);
      candidates.push_back({start, end, (free ? 0 : 2) + (exact ? 0 : 1)});
    }
    if (candidates.empty()) {
      left.insert(left.end(), group.members.begin(), group.members.end());
      continue;
    }
    if (candidates.size() > group.members.size()) {
      result.counts.ambiguous += static_cast<int64_t>(group.members.size());
    }
    auto better = [](const Candidate& a, const Candidate& b) {
      return a.tier != b.tier ? a.tier < b.tier : a.start < b.start;
    };
    if (options.policy == GroundPolicy::kAll) {
      for (size_t m : group.members) {
        for (const Candidate& c : candidates) {
          place(m, c.start, c.end, alignment_of(m, c.start, c.end));
        }
      }
      continue;
    }
    if (options.policy == GroundPolicy::kFirst) {
      const Candidate& c =
          *std::min_element(candidates.begin(), candidates.end(), better);
      for (size_t m : group.members) {
        place(m, c.start, c.end, alignment_of(m, c.start, c.end));
      }
      Mark(taken, c.start, c.end);
      continue;
    }
    const size_t chosen = std::min(candidates.size(), group.members.size());
    std::partial_sort(candidates.begin(),
                      candidates.begin() + static_cast<ptrdiff_t>(chosen),
                      candidates.end(), better);
    std::sort(candidates.begin(),
              candidates.begin() + static_cast<ptrdiff_t>(chosen),
              [](const Candidate& a, const Candidate& b) {
                return a.start < b.start;
              });
    for (size_t k = 0; k < group.members.size(); ++k) {
      const size_t m = group.members[k];
      if (k >= chosen) {
        place(m, 0, 0, GroundAlignment::kUngrounded);
        continue;
      }
      const Candidate& c = candidates[k];
      place(m, c.start, c.end, alignment_of(m, c.start, c.end));
      Mark(taken, c.start, c.end);
    }
  }

  std::sort(left.begin(), left.end());
  if (!left.empty() && options.fuzzy_threshold <= 1.0) {
    const FuzzyMatcher matcher(normalised);
    for (size_t m : left) {
      const std::optional<FuzzyHit> hit =
          matcher.Find(groups[group_of.at(GroundKey(*predicted[m].text))].key,
                       options.fuzzy_threshold, taken);
      if (hit) {
        place(m, hit->start, hit->end, GroundAlignment::kFuzzy);
        if (options.policy != GroundPolicy::kAll) {
          Mark(taken, hit->start, hit->end);
        }
      } else {
        place(m, 0, 0, GroundAlignment::kUngrounded);
      }
    }
  } else {
    for (size_t m : left) place(m, 0, 0, GroundAlignment::kUngrounded);
  }
  for (size_t m : no_key) place(m, 0, 0, GroundAlignment::kUngrounded);

  std::stable_sort(result.mentions.begin(), result.mentions.end(),
                   [](const GroundedMention& a, const GroundedMention& b) {
                     return a.source != b.source
                                ? a.source < b.source
                                : a.mention.start < b.mention.start;
                   });
  // Counted per prediction: the first of its grounded mentions.
  for (size_t i = 0; i < result.mentions.size(); ++i) {
    if (i > 0 && result.mentions[i].source == result.mentions[i - 1].source) {
      continue;
    }
    switch (result.mentions[i].alignment) {
      case GroundAlignment::kExact:
        ++result.counts.exact;
        break;
      case GroundAlignment::kNormalised:
        ++result.counts.normalised;
        break;
      case GroundAlignment::kFuzzy:
        ++result.counts.fuzzy;
        break;
      case GroundAlignment::kUngrounded:
        ++result.counts.ungrounded;
        break;
    }
  }
  return result;
}

}  // namespace ieval
