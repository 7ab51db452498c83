// ConllevalScorer against a slow, obviously correct reference: conlleval.pl's
// main loop transcribed statement by statement, on strings (prefixes and
// types compared as text, hashes of counts by type), run on random tag
// sequences. The scorer reads prefixes as kinds, interns types, caches
// tags and pairs of adjacent tags and counts "O O" runs inline, so every
// shortcut is checked here: unusual prefixes and types, types that appear
// late, many distinct pairs, raw mode, boundaries anywhere, and tags given
// both as separate strings and adjacent in one line as a reader gives
// them.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ieval/sequence/conlleval.h"

namespace ieval {
namespace {

using Line = std::pair<std::string, std::string>;  // gold, pred; "" = break

// conlleval.pl 2004-01-26, lines 100-190, for lines of three columns.
SequenceCounts Reference(const std::vector<Line>& lines, bool raw,
                         const std::string& outside) {
  std::string last_correct = "O", last_guessed = "O";
  std::string last_correct_type, last_guessed_type;
  bool in_correct = false, in_sentence = false;
  std::map<std::string, ChunkCounts> counts;
  SequenceCounts out;
  auto split = [](std::string tag, std::string* prefix, std::string* type) {
    const size_t dash = tag.find('-');  // /^([^-]*)-(.*)$/
    *prefix = dash == std::string::npos ? tag : tag.substr(0, dash);
    *type = dash == std::string::npos ? "" : tag.substr(dash + 1);
    if (*type == "0") *type = "";  // $type ? $type : ""
  };
  for (Line line : lines) {
    const bool boundary = line.first.empty();
    if (boundary) line = {"O", "O"};
    if (raw) {
      for (std::string* tag : {&line.first, &line.second}) {
        if (*tag == outside) *tag = "O";
        if (*tag != "O") *tag = "B-" + *tag;
      }
    }
    std::string correct, correct_type, guessed, guessed_type;
    split(line.first, &correct, &correct_type);
    split(line.second, &guessed, &guessed_type);
    if (boundary) guessed = "O";
    const bool end_correct = ConllevalEndOfChunk(
        last_correct, correct, last_correct_type, correct_type);
    const bool end_guessed = ConllevalEndOfChunk(
        last_guessed, guessed, last_guessed_type, guessed_type);
    const bool start_correct = ConllevalStartOfChunk(
        last_correct, correct, last_correct_type, correct_type);
    const bool start_guessed = ConllevalStartOfChunk(
        last_guessed, guessed, last_guessed_type, guessed_type);
    if (in_correct) {
      if (end_correct && end_guessed &&
          last_guessed_type == last_correct_type) {
        in_correct = false;
        ++counts[last_correct_type].correct;
      } else if (end_correct != end_guessed || guessed_type != correct_type) {
        in_correct = false;
      }
    }
    if (start_correct && start_guessed && guessed_type == correct_type)
      in_correct = true;
    if (start_correct) ++counts[correct_type].gold;
    if (start_guessed) ++counts[guessed_type].predicted;
    if (!boundary) {
      if (!in_sentence) ++out.sentences;
      if (correct == guessed && guessed_type == correct_type)
        ++out.correct_tags;
      ++out.tokens;
    }
    in_sentence = !boundary;
    last_guessed = guessed;
    last_correct = correct;
    last_guessed_type = guessed_type;
    last_correct_type = correct_type;
  }
  if (in_correct) ++counts[last_correct_type].correct;
  for (const auto& [type, c] : counts) out.per_type.emplace(type, c);
  return out;
}

// The scorer, each line's two tags given as a reader gives them (adjacent,
// one space apart) or as two separate strings.
SequenceCounts Scored(const std::vector<Line>& lines, bool raw,
                      const std::string& outside, bool as_reader) {
  ConllevalScorer scorer(ConllevalOptions{raw, outside});
  std::string buffer;
  for (const Line& line : lines) {
    if (line.first.empty()) {
      scorer.AddBoundary();
    } else if (as_reader) {
      buffer = line.first + " " + line.second;
      const std::string_view view(buffer);
      scorer.AddToken(view.substr(0, line.first.size()),
                      view.substr(line.first.size() + 1));
    } else {
      scorer.AddToken(line.first, line.second);
    }
  }
  return scorer.Finish();
}

// Random lines; the prediction copies the gold tag two times in three (as
// a tagger's mostly does), so chunks are often correct, often not.
std::vector<Line> RandomLines(std::mt19937& random,
                              const std::vector<std::string>& tags, int n) {
  std::vector<Line> lines;
  for (int i = 0; i < n; ++i) {
    if (random() % 12 == 0) {
      lines.emplace_back("", "");
    } else {
      const std::string& gold = tags[random() % tags.size()];
      lines.emplace_back(
          gold, random() % 3 != 0 ? gold : tags[random() % tags.size()]);
    }
  }
  return lines;
}

void ExpectSameAsReference(const std::vector<Line>& lines, bool raw = false,
                           const std::string& outside = "O") {
  const SequenceCounts want = Reference(lines, raw, outside);
  // The reference lists every type with a count; the scorer too, but only
  // nonzero ones (a type counted nowhere has no entry in either).
  EXPECT_EQ(Scored(lines, raw, outside, false), want);
  EXPECT_EQ(Scored(lines, raw, outside, true), want);
}

const std::vector<std::string> kUsualTags = {"O",     "O",     "O",     "B-PER",
                                             "I-PER", "B-LOC", "I-LOC", "E-LOC",
                                             "S-ORG", "I-ORG", "B-MISC"};
const std::vector<std::string> kOddTags = {"O",
                                           "B-",
                                           "I-0",
                                           "O\r",
                                           "-X",
                                           "[-A",
                                           "]-A",
                                           ".",
                                           "E-A",
                                           "x",
                                           "B-A-B",
                                           "I-A-B",
                                           "B-LONG_TYPE_NAME",
                                           "I-LONG_TYPE_NAME",
                                           "B1-A",
                                           "I-A\r",
                                           "E-",
                                           "S-A"};

TEST(ConllevalCrosscheck, UsualTagsMatchConllevalPl) {
  std::mt19937 random(1);
  for (int trial = 0; trial < 200; ++trial) {
    SCOPED_TRACE(trial);
    ExpectSameAsReference(RandomLines(random, kUsualTags, 60));
  }
}

TEST(ConllevalCrosscheck, OddPrefixesAndTypesMatchConllevalPl) {
  std::mt19937 random(2);
  for (int trial = 0; trial < 200; ++trial) {
    SCOPED_TRACE(trial);
    ExpectSameAsReference(RandomLines(random, kOddTags, 60));
  }
}

TEST(ConllevalCrosscheck, ManyDistinctPairs) {
  // 40 tags: up to 1,600 distinct pairs, more than the scorer's pair
  // cache holds, and new types appear late in the file.
  std::vector<std::string> tags = {"O", "O", "O"};
  for (int t = 0; t < 12; ++t) {
    for (const char* prefix : {"B-", "I-", "E-"})
      tags.push_back(prefix + std::to_string(t));
  }
  tags.push_back("S-Z");
  std::mt19937 random(3);
  ExpectSameAsReference(RandomLines(random, tags, 20000));
}

TEST(ConllevalCrosscheck, RawModeMatchesConllevalPl) {
  const std::vector<std::string> tags = {"NONE", "NONE", "O",  "PER",
                                         "LOC",  "0",    "A-B"};
  std::mt19937 random(4);
  for (int trial = 0; trial < 100; ++trial) {
    SCOPED_TRACE(trial);
    ExpectSameAsReference(RandomLines(random, tags, 40), true, "NONE");
  }
}

}  // namespace
}  // namespace ieval
