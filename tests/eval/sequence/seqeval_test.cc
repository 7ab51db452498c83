// seqeval's default and strict modes. The streaming scorers are checked
// against slow list-based references written here the way seqeval 1.2.2
// writes them (get_entities over the joined sequence; Tokens.entities with
// _forward/_is_end, the schemes' patterns as boolean expressions) on random
// sequences, and the error order and quirks are pinned one by one.
#include "ieval/sequence/seqeval.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ieval/sequence/conlleval.h"

namespace ieval {
namespace {

using Sentence = std::vector<std::string>;
using Corpus = std::vector<Sentence>;

template <typename Scorer>
Result<SequenceCounts> Run(Scorer& scorer, const Corpus& gold,
                           const Corpus& pred) {
  int64_t line = 0;
  for (size_t s = 0; s < gold.size(); ++s) {
    for (size_t i = 0; i < gold[s].size(); ++i)
      scorer.AddToken(gold[s][i], pred[s][i], ++line);
    scorer.EndSentence();
    ++line;
  }
  return scorer.Finish();
}

Result<SequenceCounts> Default(const Corpus& gold, const Corpus& pred) {
  SeqevalScorer scorer;
  return Run(scorer, gold, pred);
}

Result<SequenceCounts> Strict(Scheme scheme, const Corpus& gold,
                              const Corpus& pred) {
  StrictScorer scorer(scheme);
  return Run(scorer, gold, pred);
}

// ---- slow references
// ---------------------------------------------------------

using Entity =
    std::tuple<std::string, int, int, int>;  // type, sent, start, end

std::set<Entity> GetEntities(const Corpus& corpus) {
  std::vector<std::string> seq;
  for (const auto& s : corpus) {
    seq.insert(seq.end(), s.begin(), s.end());
    seq.push_back("O");
  }
  seq.push_back("O");
  auto is = [](const std::string& a, const char* b) { return a == b; };
  std::string prev_tag = "O", prev_type;
  int begin = 0;
  std::set<Entity> chunks;
  for (int i = 0; i < static_cast<int>(seq.size()); ++i) {
    const std::string tag = seq[i].substr(0, 1);
    std::string rest = seq[i].substr(1);
    const size_t dash = rest.find('-');
    std::string type = dash == std::string::npos ? rest : rest.substr(dash + 1);
    if (type.empty()) type = "_";
    const bool end =
        is(prev_tag, "E") || is(prev_tag, "S") ||
        ((is(prev_tag, "B") || is(prev_tag, "I")) &&
         (is(tag, "B") || is(tag, "S") || is(tag, "O"))) ||
        (!is(prev_tag, "O") && !is(prev_tag, ".") && prev_type != type);
    const bool start =
        is(tag, "B") || is(tag, "S") ||
        ((is(prev_tag, "E") || is(prev_tag, "S") || is(prev_tag, "O")) &&
         (is(tag, "E") || is(tag, "I"))) ||
        (!is(tag, "O") && !is(tag, ".") && prev_type != type);
    if (end) chunks.emplace(prev_type, 0, begin, i - 1);
    if (start) begin = i;
    prev_tag = tag;
    prev_type = type;
  }
  return chunks;
}

struct Tok {
  char p;
  std::string tag;
};

Tok MakeTok(const std::string& s) {
  std::string tag = s.substr(1);
  while (!tag.empty() && tag.front() == '-') tag.erase(0, 1);
  while (!tag.empty() && tag.back() == '-') tag.pop_back();
  return {s[0], tag.empty() ? "_" : tag};
}

bool RefStart(Scheme sc, const Tok& a, const Tok& b) {
  const char pp = a.p, cp = b.p;
  const bool same = a.tag == b.tag;
  switch (sc) {
    case Scheme::kIOB1:
      return (pp == 'O' && cp == 'I') || (pp == 'I' && cp == 'I' && !same) ||
             (pp == 'B' && cp == 'I') || (pp == 'I' && cp == 'B' && same) ||
             (pp == 'B' && cp == 'B' && same);
    case Scheme::kIOE1:
      return (pp == 'O' && cp == 'I') || (pp == 'I' && cp == 'I' && !same) ||
             (pp == 'E' && cp == 'I') || (pp == 'E' && cp == 'E' && same);
    case Scheme::kIOB2:
      return cp == 'B';
    case Scheme::kIOE2:
      return ((pp == 'O' || pp == 'E') && (cp == 'I' || cp == 'E')) ||
             (pp == 'I' && (cp == 'I' || cp == 'E') && !same);
    case Scheme::kIOBES:
      return cp == 'B' || cp == 'S';
    case Scheme::kBILOU:
      return cp == 'B' || cp == 'U';
  }
  return false;
}

bool RefInside(Scheme sc, const Tok& a, const Tok& b) {
  const char pp = a.p, cp = b.p;
  if (a.tag != b.tag) return false;
  switch (sc) {
    case Scheme::kIOB1:
    case Scheme::kIOB2:
      return (pp == 'B' || pp == 'I') && cp == 'I';
    case Scheme::kIOE1:
    case Scheme::kIOE2:
      return pp == 'I' && (cp == 'I' || cp == 'E');
    case Scheme::kIOBES:
      return (pp == 'B' || pp == 'I') && (cp == 'I' || cp == 'E');
    case Scheme::kBILOU:
      return (pp == 'B' || pp == 'I') && (cp == 'I' || cp == 'L');
  }
  return false;
}

bool RefEnd(Scheme sc, const Tok& a, const Tok& b) {
  const char pp = a.p, cp = b.p;
  const bool same = a.tag == b.tag;
  switch (sc) {
    case Scheme::kIOB1:
      return (pp == 'I' && cp == 'I' && !same) || (pp == 'I' && cp == 'O') ||
             (pp == 'I' && cp == 'B') || (pp == 'B' && cp == 'O') ||
             (pp == 'B' && cp == 'I' && !same) ||
             (pp == 'B' && cp == 'B' && same);
    case Scheme::kIOE1:
      return (pp == 'I' && cp == 'I' && !same) || (pp == 'I' && cp == 'O') ||
             (pp == 'I' && cp == 'E' && !same) ||
             (pp == 'E' && cp == 'I' && same) ||
             (pp == 'E' && cp == 'E' && same);
    case Scheme::kIOB2:
      return (pp == 'I' && cp == 'O') || (pp == 'I' && cp == 'I' && !same) ||
             (pp == 'I' && cp == 'B') || (pp == 'B' && cp == 'O') ||
             (pp == 'B' && cp == 'I' && !same) || (pp == 'B' && cp == 'B');
    case Scheme::kIOE2:
      return pp == 'E';
    case Scheme::kIOBES:
      return pp == 'S' || pp == 'E';
    case Scheme::kBILOU:
      return pp == 'U' || pp == 'L';
  }
  return false;
}

std::set<Entity> StrictEntities(Scheme sc, const Corpus& corpus) {
  std::set<Entity> out;
  for (int s = 0; s < static_cast<int>(corpus.size()); ++s) {
    std::vector<Tok> ext;
    for (const auto& t : corpus[s]) ext.push_back(MakeTok(t));
    ext.push_back(MakeTok("O"));
    const int n = static_cast<int>(ext.size());
    Tok prev = MakeTok("O");
    int i = 0;
    while (i < n) {
      if (RefStart(sc, prev, ext[i])) {
        int end = i + 1;  // _forward
        Tok p = ext[i];
        while (end < n && RefInside(sc, p, ext[end])) p = ext[end++];
        if (end >= n) end = n - 1;
        if (RefEnd(sc, ext[end - 1], ext[end]))
          out.emplace(ext[i].tag, s, i, end);
        i = end;
      } else {
        ++i;
      }
      prev = ext[i - 1];
    }
  }
  return out;
}

TypeCountMap CountsOf(const std::set<Entity>& gold,
                      const std::set<Entity>& pred) {
  TypeCountMap counts;
  for (const auto& e : gold) ++counts[std::get<0>(e)].gold;
  for (const auto& e : pred) {
    ++counts[std::get<0>(e)].predicted;
    if (gold.count(e)) ++counts[std::get<0>(e)].correct;
  }
  return counts;
}

Corpus RandomCorpus(std::mt19937& rng, const std::string& prefixes,
                    int sentences) {
  const std::vector<std::string> types = {"PER", "LOC"};
  Corpus corpus(static_cast<size_t>(sentences));
  for (auto& s : corpus) {
    const int n = static_cast<int>(rng() % 9);
    for (int i = 0; i < n; ++i) {
      const char p = prefixes[rng() % prefixes.size()];
      s.push_back(p == 'O' ? "O" : std::string(1, p) + "-" + types[rng() % 2]);
    }
  }
  return corpus;
}

Corpus SameShape(std::mt19937& rng, const Corpus& like,
                 const std::string& prefixes) {
  Corpus out = like;
  const std::vector<std::string> types = {"PER", "LOC"};
  for (auto& s : out) {
    for (auto& t : s) {
      const char p = prefixes[rng() % prefixes.size()];
      t = p == 'O' ? "O" : std::string(1, p) + "-" + types[rng() % 2];
    }
  }
  return out;
}

// ---- cross-checks
// --------------------------------------------------------------

TEST(SeqevalDefault, StreamingMatchesTheListReference) {
  std::mt19937 rng(1);
  for (int trial = 0; trial < 500; ++trial) {
    // All of seqeval's letters, plus ones it does not know.
    const Corpus gold = RandomCorpus(rng, "OOBIESXU.", 4);
    const Corpus pred = SameShape(rng, gold, "OOBIESXU.");
    auto counts = Default(gold, pred);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->per_type, CountsOf(GetEntities(gold), GetEntities(pred)))
        << "trial " << trial;
  }
}

TEST(SeqevalStrict, StreamingMatchesTheListReferenceForEveryScheme) {
  const std::vector<std::pair<Scheme, std::string>> schemes = {
      {Scheme::kIOB1, "OIB"},    {Scheme::kIOB2, "OIB"},
      {Scheme::kIOE1, "OIE"},    {Scheme::kIOE2, "OIE"},
      {Scheme::kIOBES, "OIBES"}, {Scheme::kBILOU, "OBILU"}};
  std::mt19937 rng(2);
  for (const auto& [scheme, prefixes] : schemes) {
    for (int trial = 0; trial < 300; ++trial) {
      const Corpus gold = RandomCorpus(rng, prefixes, 3);
      const Corpus pred = SameShape(rng, gold, prefixes);
      auto counts = Strict(scheme, gold, pred);
      ASSERT_TRUE(counts.ok()) << counts.status().ToString();
      EXPECT_EQ(counts->per_type, CountsOf(StrictEntities(scheme, gold),
                                           StrictEntities(scheme, pred)))
          << SchemeName(scheme) << " trial " << trial;
    }
  }
}

TEST(SeqevalDefault, AgreesWithConllevalOnBioTags) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 500; ++trial) {
    const Corpus gold = RandomCorpus(rng, "OBI", 3);
    const Corpus pred = SameShape(rng, gold, "OBI");
    ConllevalScorer conlleval;
    for (size_t s = 0; s < gold.size(); ++s) {
      for (size_t i = 0; i < gold[s].size(); ++i)
        conlleval.AddToken(gold[s][i], pred[s][i]);
      conlleval.AddBoundary();
    }
    auto seqeval = Default(gold, pred);
    ASSERT_TRUE(seqeval.ok());
    const SequenceCounts c = conlleval.Finish();
    EXPECT_EQ(c.per_type, seqeval->per_type) << "trial " << trial;
    EXPECT_EQ(c.correct_tags, seqeval->correct_tags);
  }
}

// ---- behaviours
// ------------------------------------------------------------------

TEST(SeqevalDefault, EThenBOfTheSameTypeIsTwoChunks) {
  auto c = Default({{"B-PER", "E-PER", "B-PER", "E-PER"}},
                   {{"B-PER", "E-PER", "B-PER", "E-PER"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->per_type.at("PER"), (ChunkCounts{2, 2, 2}));
}

TEST(SeqevalDefault, AnUnknownTagBeforeATypeChangeEndsAChunkOfType_) {
  // end_of_chunk fires after any tag but O and '.' when the type changes,
  // whether or not a chunk was started: X (type "_") then I-PER ends one.
  auto c = Default({{"O", "X", "I-PER"}}, {{"O", "O", "O"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->per_type.at("_"), (ChunkCounts{1, 0, 0}));
  EXPECT_EQ(c->per_type.at("PER"), (ChunkCounts{1, 0, 0}));
}

TEST(SeqevalDefault, TypeIsWhatFollowsTheFirstHyphenAfterTheLetter) {
  auto c = Default({{"PER", "B-0", "B-", "BX-Y"}}, {{"O", "O", "O", "O"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->per_type.count("ER"), 1u);
  EXPECT_EQ(c->per_type.count("0"), 1u);
  EXPECT_EQ(c->per_type.count("_"), 1u);
  EXPECT_EQ(c->per_type.count("Y"), 1u);
}

TEST(SeqevalDefault, WarnsAboutTagsThatAreNotNeTags) {
  SeqevalScorer scorer;
  scorer.AddToken("X", "b-per", 1);
  scorer.AddToken("B-PER", "PER", 2);
  scorer.EndSentence();
  ASSERT_TRUE(scorer.Finish().ok());
  EXPECT_EQ(scorer.non_ne_tags(), 3);
  EXPECT_EQ(scorer.non_ne_examples(),
            (std::vector<std::string>{"X", "b-per", "PER"}));
}

TEST(SeqevalDefault, AnEmptyTagIsSeqevalsIndexError) {
  auto c = Default({{"", "O"}}, {{"O", "O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("IndexError: string index out of range"),
            std::string::npos);
}

TEST(SeqevalStrict, Iob2DropsIAfterO) {
  auto c = Strict(Scheme::kIOB2, {{"O", "I-PER", "I-PER"}},
                  {{"O", "I-PER", "I-PER"}});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->per_type.empty());
}

TEST(SeqevalStrict, Iob1AcceptsIAfterO) {
  auto c = Strict(Scheme::kIOB1, {{"O", "I-PER", "I-PER"}},
                  {{"O", "I-PER", "I-PER"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->per_type.at("PER"), (ChunkCounts{1, 1, 1}));
}

TEST(SeqevalStrict, EntitiesOfDifferentSentencesNeverMatch) {
  auto c = Strict(Scheme::kIOB2, {{"B-PER"}, {"O"}}, {{"O"}, {"B-PER"}});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->per_type.at("PER"), (ChunkCounts{1, 1, 0}));
}

TEST(SeqevalStrict, DisallowedPrefixIsSeqevalsValueError) {
  auto c = Strict(Scheme::kIOB2, {{"B-PER", "E-PER"}}, {{"O", "O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find(
                "ValueError: Invalid token is found: E-PER. Allowed prefixes "
                "are: I|O|B."),
            std::string::npos)
      << c.status().message();
  EXPECT_EQ(c.status().where().line, 2);
}

TEST(SeqevalStrict, NoPrefixLetterIsSeqevalsKeyErrorAndWinsInItsSentence) {
  // Token objects of a sentence are all built before any is validated.
  auto c = Strict(Scheme::kIOB2, {{"E-PER", "X"}}, {{"O", "O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("KeyError: 'X'"), std::string::npos);
}

TEST(SeqevalStrict, AnEarlierSentencesValueErrorWinsOverALaterKeyError) {
  auto c = Strict(Scheme::kIOB2, {{"E-PER"}, {"X"}}, {{"O"}, {"O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("ValueError"), std::string::npos);
}

TEST(SeqevalStrict, GoldErrorsComeBeforePredictionErrors) {
  auto c = Strict(Scheme::kIOB2, {{"O"}, {"E-PER"}}, {{"X"}, {"O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("gold tag 'E-PER'"), std::string::npos)
      << c.status().message();
}

TEST(SeqevalStrict, KeyErrorQuotesLikePython) {
  auto c = Strict(Scheme::kIOBES, {{"'A"}}, {{"O"}});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("KeyError: \"'\""), std::string::npos);
  auto nbsp = Strict(Scheme::kIOBES, {{"\xC2\xA0PER"}}, {{"O"}});
  ASSERT_FALSE(nbsp.ok());
  EXPECT_NE(nbsp.status().message().find("KeyError: '\\xa0'"),
            std::string::npos);
}

TEST(SeqevalStrict, SchemeNamesRoundTrip) {
  for (Scheme s : {Scheme::kIOB1, Scheme::kIOE1, Scheme::kIOB2, Scheme::kIOE2,
                   Scheme::kIOBES, Scheme::kBILOU}) {
    EXPECT_EQ(ParseScheme(SchemeName(s)), s);
  }
  EXPECT_FALSE(ParseScheme("BIO").has_value());
}

}  // namespace
}  // namespace ieval
