#include "ieval/extractors/relations/relations.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "ieval/extractors/gazetteer/gazetteer.h"
#include "ieval/extractors/lexicon/text_view.h"
#include "ieval/extractors/relations/patterns.h"
#include "ieval/extractors/rules/rules.h"

namespace ieval {
namespace {

// Longer than any pattern needs: contexts are cut to this many code points.
constexpr int64_t kMaxContext = 160;

bool IsNamed(const Mention& m) {
  return m.type == "PER" || m.type == "ORG" || m.type == "LOC";
}

// Indexes of `mentions` kept by a longest-first, non-overlapping choice, in
// text order. `rank` breaks ties between equal lengths (lower wins).
std::vector<size_t> FlatChoice(const std::vector<Mention>& mentions,
                               const std::vector<int>& rank) {
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    if (x.length() != y.length()) return x.length() > y.length();
    if (rank[a] != rank[b]) return rank[a] < rank[b];
    return x.start < y.start;
  });
  std::map<int64_t, int64_t> taken;  // start -> end of kept spans
  std::vector<size_t> kept;
  for (size_t i : order) {
    const Mention& m = mentions[i];
    if (m.length() <= 0) continue;
    auto next = taken.lower_bound(m.start);
    if (next != taken.end() && next->first < m.end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.start) continue;
    taken.emplace(m.start, m.end);
    kept.push_back(i);
  }
  std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
    return mentions[a].start < mentions[b].start;
  });
  return kept;
}

// Code point -> byte offsets of a UTF-8 text.
class Utf8Slicer {
 public:
  explicit Utf8Slicer(std::string_view text) : text_(text) {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const int64_t n = static_cast<int64_t>(text.size());
    for (int64_t i = 0; i < n;) {
      bytes_.push_back(i);
      U8_FWD_1(p, i, n);
    }
    bytes_.push_back(n);
  }
  std::string_view Slice(int64_t start, int64_t end) const {
    const int64_t last = static_cast<int64_t>(bytes_.size()) - 1;
    start = std::clamp<int64_t>(start, 0, last);
    end = std::clamp<int64_t>(end, start, last);
    const auto b = bytes_[static_cast<size_t>(start)];
    return text_.substr(
        static_cast<size_t>(b),
        static_cast<size_t>(bytes_[static_cast<size_t>(end)] - b));
  }

 private:
  std::string_view text_;
  std::vector<int64_t> bytes_;
};

OptionValues Defaults(const ExtractorInfo& info) {
  OptionValues values;
  for (const OptionSpec& spec : info.options) {
    values[spec.name] = spec.default_value;
  }
  return values;
}

}  // namespace

std::vector<Relation> FindRelations(const Document& doc,
                                    const Annotations& mentions,
                                    const std::vector<Sentence>& sentences) {
  std::vector<Mention> named;
  for (const Mention& m : mentions.mentions) {
    if (IsNamed(m) && !m.id.empty()) named.push_back(m);
  }
  const std::vector<int> rank(named.size(), 0);
  const std::vector<size_t> kept = FlatChoice(named, rank);
  const Utf8Slicer text(doc.text);
  std::vector<Relation> relations;
  std::set<Relation> seen;
  size_t next = 0;  // first kept mention not before the current sentence
  for (const Sentence& sentence : sentences) {
    while (next < kept.size() && named[kept[next]].start < sentence.start) {
      ++next;
    }
    std::vector<const Mention*> in;
    for (size_t k = next;
         k < kept.size() && named[kept[k]].start < sentence.end; ++k) {
      if (named[kept[k]].end <= sentence.end) in.push_back(&named[kept[k]]);
    }
    for (size_t k = 0; k + 1 < in.size(); ++k) {
      const Mention& a = *in[k];
      const Mention& b = *in[k + 1];
      if (b.start - a.end > kMaxContext) continue;
      const int64_t left_from =
          std::max({sentence.start, k > 0 ? in[k - 1]->end : sentence.start,
                    a.start - kMaxContext});
      const int64_t right_to = std::min(
          {sentence.end, k + 2 < in.size() ? in[k + 2]->start : sentence.end,
           b.end + kMaxContext});
      PairContext context;
      context.a_type = a.type;
      context.b_type = b.type;
      context.left = NormalizeContext(text.Slice(left_from, a.start));
      context.gap = NormalizeContext(text.Slice(a.end, b.start));
      context.right = NormalizeContext(text.Slice(b.end, right_to));
      const auto match = MatchPatterns(context);
      if (!match) continue;
      Relation r{match->type, match->a_is_head ? a.id : b.id,
                 match->a_is_head ? b.id : a.id};
      if (seen.insert(r).second) relations.push_back(std::move(r));
    }
  }
  return relations;
}

std::vector<Mention> MergeFlat(const std::vector<std::vector<Mention>>& lists) {
  std::vector<Mention> all;
  std::vector<int> rank;
  for (size_t l = 0; l < lists.size(); ++l) {
    for (const Mention& m : lists[l]) {
      all.push_back(m);
      rank.push_back(static_cast<int>(l));
    }
  }
  std::vector<Mention> out;
  for (size_t i : FlatChoice(all, rank)) out.push_back(all[i]);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].id = "T" + std::to_string(i + 1);
  }
  return out;
}

Result<std::unique_ptr<RelationsExtractor>> RelationsExtractor::Create(
    const std::vector<std::string>& upstream) {
  auto extractor = std::unique_ptr<RelationsExtractor>(new RelationsExtractor);
  for (const std::string& name : upstream) {
    ExtractorInfo info;
    if (name == "gazetteer") {
      info = GazetteerExtractorInfo();
    } else if (name == "rules") {
      info = RulesExtractorInfo();
    } else {
      return Status::Usage("relations: unknown upstream extractor '" + name +
                           "' in option upstream (known: gazetteer, rules)");
    }
    auto created = info.create(Defaults(info));
    if (!created.ok()) return created.status();
    extractor->upstream_.push_back(std::move(created).value());
  }
  if (extractor->upstream_.empty()) {
    return Status::Usage(
        "relations: option upstream names no extractor (use gazetteer, "
        "rules)");
  }
  return extractor;
}

std::string RelationsExtractor::Version() const {
  std::string version = "relations/1 [";
  for (size_t i = 0; i < upstream_.size(); ++i) {
    version += (i > 0 ? "; " : "") + upstream_[i]->Version();
  }
  return version + "]";
}

Result<Annotations> RelationsExtractor::Extract(const Document& doc) const {
  std::vector<std::vector<Mention>> lists;
  for (const auto& extractor : upstream_) {
    auto found = extractor->Extract(doc);
    if (!found.ok()) return found.status();
    lists.push_back(std::move(found->mentions));
  }
  Annotations out;
  out.mentions = MergeFlat(lists);
  auto sentences = SplitSentences(doc.text);
  if (!sentences.ok()) {
    return Status::ExtractorFailed("relations: " + sentences.status().message(),
                                   Where{"", 0, doc.doc_id, ""});
  }
  out.relations = FindRelations(doc, out, *sentences);
  return out;
}

Result<Annotations> RelationsExtractor::ExtractWithUpstream(
    const Document& doc, const Annotations& upstream) const {
  auto sentences = SplitSentences(doc.text);
  if (!sentences.ok()) {
    return Status::ExtractorFailed("relations: " + sentences.status().message(),
                                   Where{"", 0, doc.doc_id, ""});
  }
  Annotations out;
  out.relations = FindRelations(doc, upstream, *sentences);
  return out;
}

ExtractorInfo RelationsExtractorInfo() {
  ExtractorInfo info;
  info.name = "relations";
  info.description =
      "Relations from general French patterns between neighbouring mentions "
      "of one sentence (apposition, treaty/alliance between X and Y, troops "
      "of X in Y, X, analyste à Y), over the mentions of built-in back ends; "
      "returns those mentions too.";
  info.options = {
      {"upstream", "string", "gazetteer,rules",
       "built-in back ends whose mentions are related, in priority order for "
       "equal-length overlaps (gazetteer, rules)"},
  };
  info.capabilities.entity_types = {"PER", "ORG", "LOC", "DATE", "QUANTITY"};
  info.capabilities.entity_ids = true;
  info.capabilities.values = true;
  info.capabilities.relations = true;
  info.capabilities.uses_upstream = true;
  info.create =
      [](const OptionValues& values) -> Result<std::unique_ptr<Extractor>> {
    std::vector<std::string> upstream;
    std::stringstream in(values.at("upstream"));
    std::string name;
    while (std::getline(in, name, ',')) {
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      if (!name.empty()) upstream.push_back(name);
    }
    auto created = RelationsExtractor::Create(upstream);
    if (!created.ok()) return created.status();
    return std::unique_ptr<Extractor>(std::move(created).value());
  };
  return info;
}

}  // namespace ieval
