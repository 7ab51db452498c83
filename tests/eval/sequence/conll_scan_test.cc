// ConllReader::Scan (conll_scan.h), the fused loop every CoNLL scorer runs,
// against the general path it stands for: Next() line by line. Both must
// give the same lines (boundary or token: last two columns, line number,
// -DOCSTART-) and stop at the same error, on every reference case, on
// hand-made tricky files and on random ones larger than the reader's index
// chunk (16 KiB) and buffer (256 KiB); and the scores made through Scan
// (ScoreConll, which `ieval conlleval` and `ieval score --conll` call)
// must equal the scores made from Next()'s lines.
#include "ieval/sequence/conll_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/sequence_score.h"

namespace ieval {
namespace {

// What a scorer is told, one string per line, and how reading ended.
struct Events {
  std::vector<std::string> lines;
  ConllError error = ConllError::kNone;
  std::string status;
  bool operator==(const Events&) const = default;
};

std::string TokenEvent(std::string_view gold, std::string_view pred,
                       int64_t number, bool docstart) {
  return std::to_string(number) + (docstart ? " docstart " : " token ") +
         std::string(gold) + "|" + std::string(pred);
}

struct Recorder {
  std::vector<std::string>* lines;
  void Boundary() { lines->push_back("boundary"); }
  void Token(std::string_view gold, std::string_view pred, int64_t number,
             bool docstart) {
    lines->push_back(TokenEvent(gold, pred, number, docstart));
  }
};

// A FILE* over `content` (fmemopen refuses a zero-length buffer).
std::FILE* OpenText(const std::string& content) {
  if (content.empty()) return std::tmpfile();
  return fmemopen(const_cast<char*>(content.data()), content.size(), "rb");
}

FieldSplitter Splitter(const std::string& delimiter) {
  return delimiter.empty() ? FieldSplitter()
                           : FieldSplitter::Parse(delimiter).value();
}

Events ByScan(const std::string& content, const std::string& delimiter) {
  std::FILE* file = OpenText(content);
  Events events;
  {
    ConllReader reader(file, "t.conll", Splitter(delimiter));
    Recorder recorder{&events.lines};
    const bool ok = reader.Scan(recorder);
    EXPECT_EQ(ok, reader.error() == ConllError::kNone);
    events.error = reader.error();
    events.status = reader.status().ToString();
  }
  std::fclose(file);
  return events;
}

Events ByNext(const std::string& content, const std::string& delimiter) {
  std::FILE* file = OpenText(content);
  Events events;
  {
    ConllReader reader(file, "t.conll", Splitter(delimiter));
    ConllLine line;
    while (reader.Next(&line)) {
      events.lines.push_back(line.boundary()
                                 ? "boundary"
                                 : TokenEvent(line.gold(), line.pred(),
                                              line.number, line.docstart()));
    }
    events.error = reader.error();
    events.status = reader.status().ToString();
  }
  std::fclose(file);
  return events;
}

// The general path of the scorers: Next() fed to them as sequence_score.cc
// fed them before Scan.
Result<SequenceCounts> ScoreByNext(const std::string& content,
                                   const std::string& delimiter,
                                   const SequenceOptions& options) {
  std::FILE* file = OpenText(content);
  ConllReader reader(file, "t.conll", Splitter(delimiter));
  ConllLine line;
  Result<SequenceCounts> result = SequenceCounts{};
  if (options.mode == SequenceMode::kConlleval) {
    ConllevalScorer scorer(options.conlleval);
    while (reader.Next(&line)) {
      if (line.boundary()) {
        scorer.AddBoundary();
      } else {
        scorer.AddToken(line.gold(), line.pred());
      }
    }
    result = scorer.Finish();
  } else {
    auto feed = [&](auto& scorer) -> Result<SequenceCounts> {
      while (reader.Next(&line)) {
        if (line.boundary() || line.docstart()) {
          scorer.EndSentence();
        } else {
          scorer.AddToken(line.gold(), line.pred(), line.number);
        }
      }
      auto counts = scorer.Finish();
      if (counts.ok()) return counts;
      // ScoreConll names the file in the scorers' errors.
      Where where = counts.status().where();
      where.file = "t.conll";
      return Status::InvalidInput(counts.status().message(), where);
    };
    if (options.mode == SequenceMode::kSeqeval) {
      SeqevalScorer scorer;
      result = feed(scorer);
    } else {
      StrictScorer scorer(options.scheme);
      result = feed(scorer);
    }
  }
  if (!reader.status().ok()) result = reader.status();
  std::fclose(file);
  return result;
}

Result<SequenceCounts> ScoreByScan(const std::string& content,
                                   const std::string& delimiter,
                                   const SequenceOptions& options) {
  std::FILE* file = OpenText(content);
  Result<SequenceCounts> counts = SequenceCounts{};
  {
    ConllReader reader(file, "t.conll", Splitter(delimiter));
    auto result = ScoreConll(reader, options);
    if (result.ok()) {
      counts = std::move(result).value().counts;
    } else {
      counts = result.status();
    }
  }
  std::fclose(file);
  return counts;
}

std::vector<SequenceOptions> AllModes() {
  std::vector<SequenceOptions> modes(4);
  modes[1].mode = SequenceMode::kSeqeval;
  modes[2].mode = SequenceMode::kStrict;
  modes[2].scheme = Scheme::kIOB2;
  modes[3].mode = SequenceMode::kStrict;
  modes[3].scheme = Scheme::kIOBES;
  return modes;
}

// Scan and Next agree on the lines, and every mode scores the same
// (counts, or the same error message) through both.
void ExpectSameAsGeneralPath(const std::string& content,
                             const std::string& delimiter = "") {
  const Events next = ByNext(content, delimiter);
  EXPECT_EQ(ByScan(content, delimiter), next);
  for (const SequenceOptions& options : AllModes()) {
    const auto want = ScoreByNext(content, delimiter, options);
    const auto got = ScoreByScan(content, delimiter, options);
    ASSERT_EQ(got.ok(), want.ok()) << SequenceModeName(options.mode);
    if (want.ok()) {
      EXPECT_EQ(*got, *want) << SequenceModeName(options.mode);
    } else {
      EXPECT_EQ(got.status().ToString(), want.status().ToString());
    }
  }
}

TEST(ConllScan, BlankLinesAndSentences) {
  ExpectSameAsGeneralPath(
      "\n\nKim B-PER B-PER\nsaid O O\n\n\nit O O\n\n \n  \nx O O\n");
}

TEST(ConllScan, DocstartAndBoundaryLines) {
  ExpectSameAsGeneralPath(
      "-DOCSTART- O O\n\nKim B-PER B-PER\n-X- O O\nParis B-LOC O\n"
      "-DOCSTART- -X- O\n- O O\n-- O O\n-X-\n");
}

TEST(ConllScan, IAfterOAndTypeChanges) {
  ExpectSameAsGeneralPath(
      "a O O\nb I-PER I-PER\nc I-LOC I-PER\nd O I-ORG\ne B-X B-X\n"
      "f I-X I-X\n\ng I-X O\n");
}

TEST(ConllScan, IobesTags) {
  ExpectSameAsGeneralPath(
      "a S-PER S-PER\nb B-LOC B-LOC\nc I-LOC I-LOC\nd E-LOC E-LOC\n"
      "e E-LOC B-LOC\nf O S-ORG\n");
}

TEST(ConllScan, CrlfLineEndings) {
  ExpectSameAsGeneralPath("a B-PER B-PER\r\nb O O\r\n\r\nc O O\r\n");
}

TEST(ConllScan, MissingFinalNewline) {
  ExpectSameAsGeneralPath("a O O\nb B-PER B-PER");
  ExpectSameAsGeneralPath("a O O\n\nb O O");
}

TEST(ConllScan, EmptyAndOnlyBlankFiles) {
  ExpectSameAsGeneralPath("");
  ExpectSameAsGeneralPath("\n\n\n");
}

TEST(ConllScan, EmptyColumnsAndTrailingDelimiters) {
  ExpectSameAsGeneralPath("a O O\n O O\nb  O\nc O O \nd O \ne B-PER B-PER\n");
}

TEST(ConllScan, AColumnCountChangeStopsAtTheSameLine) {
  const Events events = ByScan("a O O\nb O O\nc x O O\nd O O\n", "");
  EXPECT_EQ(events.error, ConllError::kFieldCount);
  EXPECT_EQ(events.lines.size(), 2u);
  EXPECT_NE(events.status.find("t.conll:3:"), std::string::npos)
      << events.status;
  ExpectSameAsGeneralPath("a O O\nb O O\nc x O O\nd O O\n");
  ExpectSameAsGeneralPath("a O O\n\nb O\n");
  // Fewer columns, then lines whose offsets would make up the count.
  ExpectSameAsGeneralPath("a O O\nb O\nc\nd O O\n");
  ExpectSameAsGeneralPath("a O O\nb O\nc O O\nd O O\n");
}

TEST(ConllScan, AOneColumnTokenLineStopsAtTheSameLine) {
  ExpectSameAsGeneralPath("a\nb\n");
  ExpectSameAsGeneralPath("-X-\na\n");
  ExpectSameAsGeneralPath("\n-X-\nb O O\n");
}

TEST(ConllScan, TwoAndFiveColumns) {
  ExpectSameAsGeneralPath("B-PER B-PER\nO O\n\nI-LOC O\n");
  ExpectSameAsGeneralPath("a NN x B-PER B-PER\nb VB y O O\n\nc NN z O I-X\n");
}

// A line of `columns` columns: `first`, filler, then the two tags.
std::string Row(int columns, const std::string& first, const std::string& gold,
                const std::string& pred) {
  std::string row = columns > 2 ? first + " " : "";
  for (int c = 3; c < columns; ++c) row += "w ";
  return row + gold + " " + pred + "\n";
}

// Scan has a loop per usual column count (3, 4, 5) and one for any other:
// each with blank lines, boundaries, an empty first column, then a line
// with a column too few (which its offsets alone would not show) or too
// many.
TEST(ConllScan, EveryColumnCountFromTwoToSeven) {
  for (int columns = 2; columns <= 7; ++columns) {
    SCOPED_TRACE(columns);
    std::string content;
    for (int i = 0; i < 40; ++i) {
      if (i % 9 == 0) content += "\n";
      if (columns > 2 && i % 13 == 0) {
        content += Row(columns, "-X-", "O", "O");
      } else {
        content += Row(columns, "t", i % 5 == 0 ? "B-PER" : "O",
                       i % 7 == 0 ? "I-PER" : "O");
      }
    }
    content += Row(columns, "", "O", "O");
    ExpectSameAsGeneralPath(content);
    ExpectSameAsGeneralPath(content + Row(columns - 1, "t", "O", "O") + "x\n" +
                            Row(columns, "t", "O", "O"));
    ExpectSameAsGeneralPath(content + Row(columns + 1, "t", "O", "O"));
  }
}

TEST(ConllScan, OtherDelimiters) {
  const std::string tabs = "a\tB-PER\tB-PER\nb c\tO\tO\n\nd\tO\tI-X\n";
  ExpectSameAsGeneralPath(tabs, "\\t");
  // A pattern that is no single byte: Next() splits every line (no index).
  ExpectSameAsGeneralPath("a  B-PER B-PER\nb O   O\n", " +");
}

TEST(ConllScan, ALineLongerThanTheBuffer) {
  const std::string token(3 << 20, 'x');
  ExpectSameAsGeneralPath("a O O\n" + token + " B-PER B-PER\nb O O\n");
}

// Random files of up to 600 KiB: many index chunks and buffer refills;
// lines of every kind the fast path must take or hand over.
std::string RandomConll(uint32_t seed, size_t size, bool errors) {
  std::mt19937 random(seed);
  const std::vector<std::string> tags = {
      "O",     "O",     "O",     "O",     "O",     "B-PER",   "I-PER",
      "B-LOC", "I-LOC", "E-LOC", "S-ORG", "I-ORG", "O\r",     "B-",
      "-X-",   "B-0",   "[-X",   "]-X",   ".",     "I-MISC-2"};
  const std::vector<std::string> tokens = {
      "the", "Kim", "-", "--", "-X-", "-DOCSTART-", "", "é", "x y", "Paris"};
  auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  std::string out;
  while (out.size() < size) {
    const uint32_t kind = random() % 100;
    if (kind < 8) {
      out += "\n";
    } else if (kind < 9) {
      out += "-X- O O\n";
    } else if (kind < 10) {
      out += "-DOCSTART- -X- O\n";
    } else if (errors && kind < 11 && random() % 50 == 0) {
      // A column too many, or too few.
      const char* wrong[] = {"x O O O\n", "x O\n", "x\n", "O\n"};
      out += wrong[random() % 4];
    } else {
      // "x y" as a token adds a column: only in files meant to fail.
      std::string token = pick(tokens);
      if (!errors && token == "x y") token = "xy";
      out += token + " " + pick(tags) + " " + pick(tags) + "\n";
    }
  }
  if (random() % 2 == 0) out.pop_back();  // no final newline
  return out;
}

TEST(ConllScan, RandomFilesAgreeWithTheGeneralPath) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    SCOPED_TRACE(seed);
    ExpectSameAsGeneralPath(RandomConll(seed, 600 << 10, false));
  }
}

TEST(ConllScan, RandomFilesWithErrorsStopWhereTheGeneralPathStops) {
  for (uint32_t seed = 11; seed <= 14; ++seed) {
    SCOPED_TRACE(seed);
    ExpectSameAsGeneralPath(RandomConll(seed, 200 << 10, true));
  }
}

TEST(ConllScan, AFileOfFourBuffersAgrees) {
  ExpectSameAsGeneralPath(RandomConll(99, 1 << 20, false));
}

// Every shared reference case and every case of our own, as files.
std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ConllScan, EveryReferenceCaseAgreesWithTheGeneralPath) {
  int cases = 0;
  for (const std::string& dir :
       {std::string(IEVAL_SHARED_DIR) + "/reference/cases",
        std::string(IEVAL_SOURCE_DIR) + "/tests/eval/sequence/cases"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".conll") continue;
      SCOPED_TRACE(entry.path().string());
      const std::string content = ReadBytes(entry.path());
      // The one tab-separated case is read with -d '\t', as its args say.
      const bool tabs = content.find('\t') != std::string::npos;
      ExpectSameAsGeneralPath(content, tabs ? "\\t" : "");
      ++cases;
    }
  }
  EXPECT_GE(cases, 33);
}

}  // namespace
}  // namespace ieval
