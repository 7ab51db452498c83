// The streaming CoNLL reader: Perl's line rules and conlleval.pl's column
// checks.
#include "ieval/sequence/conll_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {
namespace {

struct Read {
  std::vector<std::string> lines;  // each line's fields joined by '|'
  ConllError error = ConllError::kNone;
  std::string status;
};

Read ReadAll(const std::string& content, FieldSplitter splitter = {}) {
  std::FILE* file =
      content.empty()
          ? std::tmpfile()
          : fmemopen(const_cast<char*>(content.data()), content.size(), "rb");
  Read read;
  {
    ConllReader reader(file, "test.conll", std::move(splitter));
    ConllLine line;
    while (reader.Next(&line)) {
      std::string joined;
      for (auto f : line.fields)
        joined += (joined.empty() ? "" : "|") + std::string(f);
      read.lines.push_back(std::to_string(line.number) + ":" + joined);
    }
    read.error = reader.error();
    read.status = reader.status().ToString();
  }
  std::fclose(file);
  return read;
}

TEST(ConllReader, ReadsALastLineWithoutNewline) {
  EXPECT_EQ(ReadAll("a O O\nb O O").lines,
            (std::vector<std::string>{"1:a|O|O", "2:b|O|O"}));
}

TEST(ConllReader, AFinalNewlineMakesNoExtraLine) {
  EXPECT_EQ(ReadAll("a O O\n").lines, (std::vector<std::string>{"1:a|O|O"}));
}

TEST(ConllReader, EmptyInputHasNoLines) {
  EXPECT_TRUE(ReadAll("").lines.empty());
}

TEST(ConllReader, OnlyTheNewlineIsStripped) {
  EXPECT_EQ(ReadAll("a O B-PER\r\n").lines,
            (std::vector<std::string>{"1:a|O|B-PER\r"}));
}

TEST(ConllReader, BlankLinesAreExemptFromTheColumnCount) {
  const Read read = ReadAll("\na B-PER B-PER\n\n  \nb O O\n");
  EXPECT_EQ(read.error, ConllError::kNone);
  EXPECT_EQ(read.lines.size(), 5u);
}

TEST(ConllReader, ADifferentColumnCountIsAnErrorNamingFileAndLine) {
  const Read read = ReadAll("a O O\nb  O O\n");
  EXPECT_EQ(read.error, ConllError::kFieldCount);
  EXPECT_NE(
      read.status.find("test.conll:2: unexpected number of features: 4 (3)"),
      std::string::npos)
      << read.status;
}

TEST(ConllReader, TheFirstLineWithFieldsFixesTheCount) {
  EXPECT_EQ(ReadAll("\n\na O\nb O O\n").error, ConllError::kFieldCount);
}

TEST(ConllReader, AOneColumnTokenLineIsAnError) {
  const Read read = ReadAll("a\nb\n");
  EXPECT_EQ(read.error, ConllError::kTooFewFields);
  EXPECT_NE(read.status.find("test.conll:1:"), std::string::npos);
}

TEST(ConllReader, AOneColumnBoundaryLineIsFine) {
  const Read read = ReadAll("-X-\n-X-\n");
  EXPECT_EQ(read.error, ConllError::kNone);
  EXPECT_EQ(read.lines.size(), 2u);
}

TEST(ConllReader, ReadsLinesLongerThanItsBuffer) {
  const std::string token(3 << 20, 'x');  // 3 MiB: more than one buffer
  const Read read = ReadAll(token + " O O\nb O O\n");
  ASSERT_EQ(read.lines.size(), 2u);
  EXPECT_EQ(read.lines[0].size(), std::string("1:").size() + token.size() + 4);
  EXPECT_EQ(read.lines[1], "2:b|O|O");
}

TEST(ConllReader, SplitsLikeTheGeneralSplitterAcrossBufferRefills) {
  // The one-byte delimiter's bit index against FieldSplitter::Split line
  // by line, over lines of every length mod 64, empty first and middle
  // fields, a trailing delimiter, blank lines, 10 buffers and a last line
  // without newline.
  std::string content;
  for (int i = 0; content.size() < (5u << 20) / 2; ++i) {
    content += std::string(static_cast<size_t>(i % 67), 'a');
    content += i % 11 == 0 ? " " : " B-X";
    content += i % 5 == 0 ? " I-Y " : " I-Y";
    content += i % 7 == 0 ? "\n\n" : "\n";
  }
  content += "last O O";
  const Read fast = ReadAll(content);
  ASSERT_EQ(fast.error, ConllError::kNone) << fast.status;
  std::vector<std::string> expected;
  std::vector<std::string_view> fields;
  const FieldSplitter space;
  size_t start = 0;
  for (int64_t number = 1; start <= content.size(); ++number) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    space.Split(std::string_view(content).substr(start, end - start), &fields);
    std::string joined;
    for (auto f : fields)
      joined += (joined.empty() ? "" : "|") + std::string(f);
    expected.push_back(std::to_string(number) + ":" + joined);
    start = end + 1;
  }
  EXPECT_EQ(fast.lines, expected);
}

TEST(ConllReader, MarksBoundariesAndDocumentStarts) {
  const std::string content = "-DOCSTART- O O\n-X- O O\n\nKim B-PER O\n";
  std::FILE* file =
      fmemopen(const_cast<char*>(content.data()), content.size(), "rb");
  ConllReader reader(file, "t", {});
  ConllLine line;
  std::vector<std::string> kinds;
  while (reader.Next(&line)) {
    kinds.push_back(line.docstart()   ? "docstart"
                    : line.boundary() ? "boundary"
                                      : std::string(line.gold()) + "/" +
                                            std::string(line.pred()));
  }
  std::fclose(file);
  EXPECT_EQ(kinds, (std::vector<std::string>{"docstart", "boundary", "boundary",
                                             "B-PER/O"}));
}

TEST(ConllReader, OpenNamesAMissingFile) {
  auto reader = ConllReader::Open("/nonexistent/x.conll");
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().ToString().find("/nonexistent/x.conll"),
            std::string::npos);
}

}  // namespace
}  // namespace ieval
