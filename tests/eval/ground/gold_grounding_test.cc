// The shipped gold, its offsets removed, grounds back to exactly the gold
// offsets with every mention `exact`, so strict F1 is 1; perturbed copies
// of its strings land in the alignment their perturbation calls for.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/ground/grounding.h"
#include "ieval/ground/normalise.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/score/scorer.h"

namespace ieval {
namespace {

Corpus ReadGold() {
  std::vector<Status> problems;
  Result<Corpus> corpus = ReadCorpus(IEVAL_SOURCE_DIR "/gold/docs", &problems);
  EXPECT_TRUE(corpus.ok());
  EXPECT_TRUE(problems.empty());
  return corpus.ok() ? std::move(corpus).value() : Corpus{};
}

// The gold mentions as an LLM returns them: text and type, no offsets.
std::vector<Mention> WithoutOffsets(const std::vector<Mention>& gold) {
  std::vector<Mention> out = gold;
  for (Mention& m : out) m.start = m.end = 0;
  return out;
}

TEST(GoldGroundingTest, GoldWithoutOffsetsGroundsBackExactly) {
  const Corpus gold = ReadGold();
  ASSERT_EQ(gold.documents.size(), 5u);
  for (const AnnotatedDocument& doc : gold.documents) {
    const std::vector<Mention>& mentions = doc.annotations.mentions;
    ASSERT_FALSE(mentions.empty());
    const GroundResult grounded =
        Ground(doc.document.text, WithoutOffsets(mentions));
    ASSERT_EQ(grounded.mentions.size(), mentions.size());
    Annotations pred;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const GroundedMention& g = grounded.mentions[i];
      EXPECT_EQ(g.alignment, GroundAlignment::kExact)
          << doc.document.doc_id << " " << *mentions[i].text;
      EXPECT_EQ(g.mention.start, mentions[i].start) << *mentions[i].text;
      EXPECT_EQ(g.mention.end, mentions[i].end) << *mentions[i].text;
      pred.mentions.push_back(g.mention);
    }
    EXPECT_EQ(grounded.counts.exact, static_cast<int64_t>(mentions.size()));
    EXPECT_EQ(grounded.counts.grounding_rate(), 1.0);
    Annotations gold_only;
    gold_only.mentions = mentions;
    const DocumentScores scores =
        ScoreDocument(doc.document, gold_only, pred, ScoreOptions{});
    const PrfCounts& strict = scores.entities.mode(SpanMode::kStrict).overall;
    EXPECT_EQ(strict.tp, static_cast<double>(mentions.size()));
    EXPECT_EQ(F1(strict), 1.0) << doc.document.doc_id;
  }
}

// U+00E9 etc. -> e: the accents a careless copy loses.
std::string StripAccents(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[++i]);
      if (d >= 0xA8 && d <= 0xAB) {
        out.push_back('e');
      } else if (d >= 0x88 && d <= 0x8B) {
        out.push_back('E');
      } else if (d >= 0xA0 && d <= 0xA4) {
        out.push_back('a');
      } else if (d >= 0xB2 && d <= 0xB6) {
        out.push_back('o');
      } else {
        out.push_back(static_cast<char>(c));
        out.push_back(static_cast<char>(d));
      }
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string Upper(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

std::string SwapApostrophes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u2019") == 0) {
      out.push_back('\'');
      i += 2;
    } else if (s[i] == '\'') {
      out += "\u2019";
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The words of `s` but the second (for names of three words or more).
std::string DropSecondWord(const std::string& s) {
  const size_t a = s.find(' ');
  const size_t b = s.find(' ', a + 1);
  return s.substr(0, a) + s.substr(b);
}

TEST(GoldGroundingTest, PerturbedStringsLandInTheirAlignment) {
  const Corpus gold = ReadGold();
  int64_t checked[4] = {0, 0, 0, 0};
  for (const AnnotatedDocument& doc : gold.documents) {
    const std::string& text = doc.document.text;
    std::vector<Mention> pred = WithoutOffsets(doc.annotations.mentions);
    std::vector<GroundAlignment> expected;
    for (size_t i = 0; i < pred.size(); ++i) {
      const std::string original = *pred[i].text;
      std::string changed;
      GroundAlignment want = GroundAlignment::kNormalised;
      const size_t words = static_cast<size_t>(
          std::count(original.begin(), original.end(), ' ') + 1);
      switch (i % 4) {
        case 0:
          changed = Upper(original);
          break;
        case 1:
          changed = StripAccents(original);
          break;
        case 2:
          changed = SwapApostrophes(original);
          break;
        case 3:
          if (words >= 3) {
            changed = DropSecondWord(original);
            want = GroundAlignment::kFuzzy;
          }
          break;
        default:
          break;
      }
      // A change that leaves the string as it is, or makes it a string the
      // text holds verbatim, is no perturbation.
      if (changed.empty() || changed == original ||
          text.find(changed) != std::string::npos) {
        changed = original;
        want = GroundAlignment::kExact;
      }
      pred[i].text = changed;
      expected.push_back(want);
    }
    // A string the text does not hold.
    pred.push_back(pred.front());
    pred.back().text = "Atlantide";
    expected.push_back(GroundAlignment::kUngrounded);
    const GroundResult grounded = Ground(text, pred);
    ASSERT_EQ(grounded.mentions.size(), pred.size());
    Annotations placed;
    for (size_t i = 0; i < pred.size(); ++i) {
      const GroundedMention& g = grounded.mentions[i];
      EXPECT_EQ(GroundAlignmentName(g.alignment),
                std::string(GroundAlignmentName(expected[i])))
          << doc.document.doc_id << " " << *pred[i].text;
      ++checked[static_cast<int>(expected[i])];
      if (g.alignment != GroundAlignment::kUngrounded) {
        placed.mentions.push_back(g.mention);
      }
    }
    // The grounded spans are the gold spans (a shortened string may take
    // another occurrence of its name than the one it was made from, so
    // they are compared as a whole): strict F1 1 once the ungrounded
    // string is set aside.
    const DocumentScores scores =
        ScoreDocument(doc.document, doc.annotations, placed, ScoreOptions{});
    EXPECT_EQ(F1(scores.entities.mode(SpanMode::kStrict).overall), 1.0)
        << doc.document.doc_id;
  }
  // Every category was exercised, not only `exact`.
  for (int64_t n : checked) EXPECT_GT(n, 0);
}

}  // namespace
}  // namespace ieval
