#include "ieval/extractors/ensemble/ensemble_extractor.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "ieval/extractors/run.h"

namespace ieval {
namespace {

using SpanKey = std::tuple<int64_t, int64_t, std::string>;  // start, end, type

struct Candidate {
  Mention mention;  // from the first member that found it
  size_t first_member = 0;
  int64_t votes = 0;
  size_t last_voter = SIZE_MAX;
  bool kept = false;
};

// Keeps candidates in `order` unless they overlap one kept before; returns
// the mentions kept, sorted by start and numbered, with the id each member
// mention maps to.
Annotations Combine(const std::vector<Annotations>& outputs, bool vote,
                    int64_t min_votes) {
  std::vector<Candidate> candidates;
  std::map<SpanKey, size_t> by_key;
  for (size_t m = 0; m < outputs.size(); ++m) {
    for (const Mention& mention : outputs[m].mentions) {
      const SpanKey key{mention.start, mention.end, mention.type};
      auto [it, added] = by_key.emplace(key, candidates.size());
      if (added) candidates.push_back({mention, m, 0, SIZE_MAX, false});
      Candidate& c = candidates[it->second];
      if (!c.mention.entity) c.mention.entity = mention.entity;
      if (!c.mention.value) c.mention.value = mention.value;
      if (c.last_voter != m) {
        ++c.votes;
        c.last_voter = m;
      }
    }
  }
  const int64_t needed =
      min_votes > 0 ? min_votes : static_cast<int64_t>(outputs.size()) / 2 + 1;
  std::vector<size_t> order;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!vote || candidates[i].votes >= needed) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    if (vote && x.votes != y.votes) return x.votes > y.votes;
    if (x.first_member != y.first_member)
      return x.first_member < y.first_member;
    if (x.mention.start != y.mention.start)
      return x.mention.start < y.mention.start;
    return x.mention.end > y.mention.end;  // the longer first
  });
  std::map<int64_t, int64_t> taken;  // start -> end of kept spans
  for (size_t i : order) {
    Mention& m = candidates[i].mention;
    auto next = taken.lower_bound(m.start);
    if (next != taken.end() && next->first < m.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.start) continue;
    taken.emplace(m.start, m.end);
    candidates[i].kept = true;
  }

  // Number the kept mentions in text order.
  std::vector<size_t> kept;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].kept) kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    const Mention& x = candidates[a].mention;
    const Mention& y = candidates[b].mention;
    return std::tie(x.start, x.end, x.type) < std::tie(y.start, y.end, y.type);
  });
  Annotations out;
  std::map<size_t, std::string> new_id;  // candidate -> id
  for (size_t i : kept) {
    out.mentions.push_back(candidates[i].mention);
    out.mentions.back().id = "T" + std::to_string(out.mentions.size());
    new_id[i] = out.mentions.back().id;
  }

  // Relations whose two mentions were kept, voted for like mentions.
  std::map<Relation, std::pair<int64_t, size_t>> relation_votes;  // votes, last
  std::vector<Relation> relation_order;
  for (size_t m = 0; m < outputs.size(); ++m) {
    std::map<std::string, const Mention*> by_id;
    for (const Mention& mention : outputs[m].mentions)
      by_id[mention.id] = &mention;
    auto map_id = [&](const std::string& id) -> const std::string* {
      auto it = by_id.find(id);
      if (it == by_id.end()) return nullptr;
      const Mention& x = *it->second;
      auto c = by_key.find(SpanKey{x.start, x.end, x.type});
      auto n = new_id.find(c->second);
      return n == new_id.end() ? nullptr : &n->second;
    };
    for (const Relation& r : outputs[m].relations) {
      const std::string* head = map_id(r.head);
      const std::string* tail = map_id(r.tail);
      if (head == nullptr || tail == nullptr) continue;
      Relation mapped{r.type, *head, *tail};
      auto [it, added] =
          relation_votes.emplace(mapped, std::make_pair(0, SIZE_MAX));
      if (added) relation_order.push_back(mapped);
      if (it->second.second != m) {
        ++it->second.first;
        it->second.second = m;
      }
    }
  }
  for (const Relation& r : relation_order) {
    if (!vote || relation_votes[r].first >= needed) out.relations.push_back(r);
  }
  return out;
}

class EnsembleExtractor : public Extractor {
 public:
  struct Member {
    std::string name;
    std::unique_ptr<Extractor> extractor;
  };

  EnsembleExtractor(std::vector<Member> voters, std::vector<Member> after,
                    bool vote, int64_t min_votes)
      : voters_(std::move(voters)),
        after_(std::move(after)),
        vote_(vote),
        min_votes_(min_votes) {}

  std::string Name() const override { return "ensemble"; }
  std::string Version() const override {
    std::string version = vote_ ? "vote" : "priority";
    if (vote_ && min_votes_ > 0) version += ">=" + std::to_string(min_votes_);
    version += "(";
    for (const auto* group : {&voters_, &after_}) {
      for (const Member& m : *group) {
        version += (version.back() == '(' ? "" : ", ") + m.name + " " +
                   m.extractor->Version();
      }
    }
    return version + ")";
  }

  Result<Annotations> Extract(const Document& doc) const override {
    std::vector<Annotations> outputs;
    for (const Member& m : voters_) {
      auto out = RunExtractor(*m.extractor, doc, m.name);
      if (!out.ok()) return out.status();
      outputs.push_back(std::move(*out));
    }
    Annotations combined = Combine(outputs, vote_, min_votes_);
    for (const Member& m : after_) {
      auto out = RunExtractorOver(*m.extractor, doc, combined, m.name);
      if (!out.ok()) return out.status();
      combined = std::move(*out);
    }
    return combined;
  }

  // Every member is ended, even after one failed; the first failure is
  // the ensemble's, naming its member.
  Status Finish() override {
    Status first;
    for (auto* group : {&voters_, &after_}) {
      for (Member& m : *group) {
        Status s = m.extractor->Finish();
        if (!s.ok() && first.ok())
          first =
              Status::ExtractorFailed(m.name + ": " + s.message(), s.where());
      }
    }
    return first;
  }

 private:
  std::vector<Member> voters_, after_;
  bool vote_;
  int64_t min_votes_;
};

Result<std::unique_ptr<Extractor>> Create(const OptionValues& options,
                                          const VariantLookup& variants) {
  const std::string& strategy = options.at("strategy");
  if (strategy != "priority" && strategy != "vote") {
    return Status::Usage(
        "option 'strategy' of extractor 'ensemble' must be "
        "priority or vote, not '" +
        strategy + "'");
  }
  const int64_t min_votes = IntOption(options, "min_votes");
  if (min_votes < 0)
    return Status::Usage(
        "option 'min_votes' of extractor 'ensemble' must be >= 0");
  const std::vector<std::string> names = ListOption(options, "members");
  if (names.empty()) {
    return Status::Usage(
        "extractor 'ensemble' needs --option members=VARIANT,VARIANT,…");
  }
  std::vector<EnsembleExtractor::Member> voters, after;
  for (const std::string& name : names) {
    const ExtractorInfo* info = variants.InfoOf(name);
    auto member = variants.Create(name);
    if (!member.ok()) return member.status();
    auto& group =
        info != nullptr && info->capabilities.uses_upstream ? after : voters;
    group.push_back({name, std::move(*member)});
  }
  return std::unique_ptr<Extractor>(new EnsembleExtractor(
      std::move(voters), std::move(after), strategy == "vote", min_votes));
}

}  // namespace

Annotations CombineByPriority(const std::vector<Annotations>& outputs) {
  return Combine(outputs, false, 0);
}

Annotations CombineByVote(const std::vector<Annotations>& outputs,
                          int64_t min_votes) {
  return Combine(outputs, true, min_votes);
}

ExtractorInfo EnsembleExtractorInfo() {
  ExtractorInfo info;
  info.name = "ensemble";
  info.description =
      "Combines other variants' output: union with priority, or majority "
      "vote; members that build on others' mentions (relations) run last, "
      "over the combination. Emits what its members emit.";
  info.options = {
      {"members", "variants", "",
       "comma-separated variant names (from the same variants file), in "
       "priority order"},
      {"strategy", "string", "priority",
       "priority (union; on overlap the earlier member wins) or vote (kept "
       "when min_votes members agree on span and type)"},
      {"min_votes", "int", "0",
       "votes a mention needs with strategy=vote; 0 = a strict majority of "
       "the voting members",
       0},
  };
  info.create_composite = Create;
  return info;
}

}  // namespace ieval
