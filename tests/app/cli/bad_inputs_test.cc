// The bad-input catalogue (tests/bad_inputs/cases.tsv, whose header
// describes the columns): every case through the real binary, twice. Each
// run must end with the expected exit code (a crash never does) and
// message; the first, with no output there, must leave none behind; the
// second, with outputs already there, must leave them as they were.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testing/cli_runner.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::ReadText;
using testing::RunIeval;
using testing::WriteText;

const std::string kCaseDir = IEVAL_SOURCE_DIR "/tests/bad_inputs";
const char kPrevious[] = "an output of an earlier run\n";

struct Case {
  std::string name;
  std::string format;
  int exit_code = 0;
  std::vector<std::string> expected;  // "!x": x must not appear
  std::string stdin_file;             // "-": none
  std::vector<std::string> args;
};

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> parts;
  size_t begin = 0;
  for (size_t at; (at = s.find(sep, begin)) != std::string::npos;
       begin = at + sep.size())
    parts.push_back(s.substr(begin, at - begin));
  parts.push_back(s.substr(begin));
  return parts;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::ifstream in(kCaseDir + "/cases.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cols = Split(line, "\t");
    if (cols.size() < 6) {
      ADD_FAILURE() << "cases.tsv: too few columns: " << line;
      continue;
    }
    Case c;
    c.name = cols[0];
    c.format = cols[1];
    c.exit_code = std::atoi(cols[2].c_str());
    c.expected = Split(cols[3], " && ");
    c.stdin_file = cols[4];
    c.args.assign(cols.begin() + 5, cols.end());
    cases.push_back(std::move(c));
  }
  return cases;
}

// A case's command line with its placeholders replaced, and what it may
// write.
struct Command {
  std::map<std::string, std::string> env;
  std::vector<std::string> args;
  std::vector<std::string> out_files;
  std::vector<std::string> out_dirs;
};

std::string Replace(std::string s, const std::string& from,
                    const std::string& to) {
  for (size_t at; (at = s.find(from)) != std::string::npos;)
    s.replace(at, from.size(), to);
  return s;
}

bool IsEnvironment(const std::string& arg) {
  const size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  for (size_t i = 0; i < eq; ++i)
    if (!(std::isupper(static_cast<unsigned char>(arg[i])) || arg[i] == '_'))
      return false;
  return true;
}

Command Expand(const Case& c, const std::string& tmp) {
  Command command;
  for (std::string arg : c.args) {
    if (command.args.empty() && IsEnvironment(arg)) {
      const size_t eq = arg.find('=');
      command.env[arg.substr(0, eq)] = arg.substr(eq + 1);
      continue;
    }
    arg = Replace(Replace(arg, "{case}", kCaseDir), "{src}", IEVAL_SOURCE_DIR);
    auto inner = [&](const char* prefix) {
      return arg.substr(std::string(prefix).size(),
                        arg.size() - std::string(prefix).size() - 1);
    };
    if (arg.starts_with("{out:")) {
      arg = tmp + "/" + inner("{out:");
      command.out_files.push_back(arg);
    } else if (arg.starts_with("{outdir:")) {
      arg = tmp + "/" + inner("{outdir:");
      command.out_dirs.push_back(arg);
    } else if (arg.starts_with("{padded:")) {
      const std::string spec = inner("{padded:");
      const size_t colon = spec.rfind(':');
      const std::string file = spec.substr(0, colon);
      const size_t bytes =
          (std::stoul(spec.substr(colon + 1)) << 20) + 1;  // just over
      std::string text = ReadText(kCaseDir + "/" + file);
      text.resize(std::max(bytes, text.size()), ' ');
      arg = tmp + "/" + fs::path(file).filename().string();
      WriteText(arg, text);
    }
    command.args.push_back(arg);
  }
  return command;
}

CommandResult RunCase(const Case& c, const Command& command) {
  for (const auto& [name, value] : command.env)
    setenv(name.c_str(), value.c_str(), 1);
  const std::string input =
      c.stdin_file == "-" ? "" : ReadText(kCaseDir + "/" + c.stdin_file);
  CommandResult r = RunIeval(command.args, input);
  for (const auto& [name, value] : command.env) unsetenv(name.c_str());
  return r;
}

void ExpectOutcome(const Case& c, const CommandResult& r) {
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  for (const std::string& fragment : c.expected) {
    if (fragment.starts_with("!")) {
      EXPECT_EQ((r.err + r.out).find(fragment.substr(1)), std::string::npos)
          << "must not appear: " << fragment.substr(1) << "\n"
          << r.err;
    } else {
      EXPECT_NE(r.err.find(fragment), std::string::npos)
          << "expected: " << fragment << "\nstderr: " << r.err;
    }
  }
}

// gtest prints a parameter on failure; the name says which line it is.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class BadInputs : public ::testing::TestWithParam<Case> {};

TEST_P(BadInputs, FailsCleanlyAndWritesNothing) {
  const Case& c = GetParam();
  const std::string tmp = MakeTempDir("bad_" + c.name);
  const Command command = Expand(c, tmp);

  const CommandResult first = RunCase(c, command);
  ExpectOutcome(c, first);
  for (const std::string& f : command.out_files)
    EXPECT_FALSE(fs::exists(f)) << f << " was written";
  for (const std::string& d : command.out_dirs)
    EXPECT_FALSE(fs::exists(d)) << d << " was created";

  // The same with outputs of an earlier run in place.
  for (const std::string& f : command.out_files) WriteText(f, kPrevious);
  for (const std::string& d : command.out_dirs)
    WriteText(d + "/report.json", kPrevious);
  const CommandResult second = RunCase(c, command);
  ExpectOutcome(c, second);
  for (const std::string& f : command.out_files)
    EXPECT_EQ(ReadText(f), kPrevious) << f << " was changed";
  for (const std::string& d : command.out_dirs) {
    EXPECT_EQ(ReadText(d + "/report.json"), kPrevious);
    std::set<std::string> left;
    for (const auto& entry : fs::directory_iterator(d))
      left.insert(entry.path().filename().string());
    EXPECT_EQ(left, std::set<std::string>{"report.json"}) << d;
  }
  fs::remove_all(tmp);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInputs, ::testing::ValuesIn(LoadCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(BadInputCatalogue, CoversEveryFormatIevalReads) {
  std::map<std::string, int> per_format;
  std::set<std::string> names;
  for (const Case& c : LoadCases()) {
    ++per_format[c.format];
    EXPECT_TRUE(names.insert(c.name).second) << c.name << " appears twice";
  }
  EXPECT_GE(names.size(), 80u);
  for (const char* format :
       {"annotation-json", "annotation-jsonl", "labels", "map", "conll",
        "conlleval", "brat", "iob", "run-config", "variants",
        "extractor-options", "gate-rules", "score-file", "report", "benchmark"})
    EXPECT_GT(per_format[format], 0) << format;
}

}  // namespace
}  // namespace ieval
