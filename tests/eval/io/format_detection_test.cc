// Telling a file's format by its content reads its first line, or the
// whole file when it holds one JSON value; files longer than the part read
// at once (64 KiB) are told apart as short ones are.
#include <gtest/gtest.h>

#include <string>

#include "ieval/io/formats.h"
#include "testing/cli_runner.h"

namespace ieval {
namespace {

using testing::MakeTempDir;
using testing::WriteText;

std::string Document(int i) {
  return "{\"doc_id\": \"d" + std::to_string(i) +
         "\", \"text\": \"Émile à Paris « x »\", \"entities\": []}";
}

Result<AnnotationFormat> Detect(const std::string& path) {
  return ResolveFormat(path, AnnotationFormat::kAuto, "--gold-format");
}

TEST(FormatDetection, LongJsonLinesWithoutExtensionAreOurs) {
  const std::string dir = MakeTempDir("format_detection_lines");
  std::string lines = "\n  \n";  // blank lines first
  for (int i = 0; i < 5000; ++i) lines += Document(i) + "\n";
  ASSERT_GT(lines.size(), 200000u);
  WriteText(dir + "/corpus.txt", lines);
  const auto format = Detect(dir + "/corpus.txt");
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  EXPECT_EQ(*format, AnnotationFormat::kIeval);
}

TEST(FormatDetection, OneLongJsonValueIsReadWhole) {
  const std::string dir = MakeTempDir("format_detection_value");
  // A Label Studio export: an array over many lines, told by its first
  // element, which the first line does not hold.
  std::string tasks = "[\n";
  for (int i = 0; i < 3000; ++i)
    tasks += std::string(i ? ",\n" : "") +
             " {\"data\": {\"text\": \"Émile à Paris\"}, \"annotations\": []}";
  tasks += "\n]\n";
  ASSERT_GT(tasks.size(), 100000u);
  WriteText(dir + "/tasks.export", tasks);
  const auto format = Detect(dir + "/tasks.export");
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  EXPECT_EQ(*format, AnnotationFormat::kLabelStudio);
}

TEST(FormatDetection, OneDocumentOnOneLongLineIsOurs) {
  const std::string dir = MakeTempDir("format_detection_one_line");
  const std::string text(100000, 'a');
  WriteText(dir + "/one.txt", "{\"doc_id\": \"d\", \"text\": \"" + text +
                                  "\", \"entities\": []}\n");
  const auto format = Detect(dir + "/one.txt");
  ASSERT_TRUE(format.ok()) << format.status().ToString();
  EXPECT_EQ(*format, AnnotationFormat::kIeval);
}

TEST(FormatDetection, BlankFileCannotBeTold) {
  const std::string dir = MakeTempDir("format_detection_blank");
  WriteText(dir + "/blank.txt", std::string(70000, '\n'));
  const auto format = Detect(dir + "/blank.txt");
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.status().ToString().find("the file is empty"),
            std::string::npos)
      << format.status().ToString();
}

}  // namespace
}  // namespace ieval
