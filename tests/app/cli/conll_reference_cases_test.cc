// Every CoNLL case of the shared reference vectors
// (IEVAL_SHARED_DIR/reference/cases, see its README.md) and of our own
// tests/eval/sequence/cases:
//   - `ieval conlleval [args]` and `ieval conlleval -l [args]`, run as the
//     real binary: stdout byte for byte, exit code and stderr as
//     conlleval.pl's;
//   - the JSON of `ieval score --conll --mode seqeval`: seqeval's default
//     classification report and accuracy_score (floats to 1e-12);
//   - the JSON of `--mode strict --scheme S` for the six schemes: seqeval's
//     strict report, or an error carrying seqeval's exception text where
//     seqeval raises (the CLI exits 2 with it);
//   - the JSON of `--mode conlleval`: conlleval.pl's figures.
// The JSON is made in-process by the same functions `ieval score` calls
// (ScoreConll, FormatSequenceJson): starting the binary ~300 times would
// take most of a minute on a loaded machine. sequence_cli_test.cc covers the
// command around them. nervaluate's block belongs to the span scorer suite.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/sequence_score.h"
#include "testing/cli_runner.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using ::ieval::testing::CommandResult;
using ::ieval::testing::RunIeval;
using nlohmann::json;

const std::string kSharedCases =
    std::string(IEVAL_SHARED_DIR) + "/reference/cases";
const std::string kOwnCases =
    std::string(IEVAL_SOURCE_DIR) + "/tests/eval/sequence/cases";

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

json ReadJson(const std::string& path) { return json::parse(ReadBytes(path)); }

std::vector<std::string> ListCases(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".conll")
      names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  virtual std::string Dir() const = 0;
  std::string Path(const std::string& suffix) const {
    return Dir() + "/" + GetParam() + suffix;
  }
  json Expected() const { return ReadJson(Path(".expected.json")); }
  // conlleval.pl's flags for this case (NAME.args.json).
  std::vector<std::string> Args() const {
    if (!fs::exists(Path(".args.json"))) return {};
    return ReadJson(Path(".args.json")).get<std::vector<std::string>>();
  }
  // The -d flag, which `ieval score` takes too.
  std::vector<std::string> DelimiterArgs() const {
    const auto args = Args();
    for (size_t i = 0; i + 1 < args.size(); ++i)
      if (args[i] == "-d") return {"-d", args[i + 1]};
    return {};
  }
  bool RawMode() const {
    const auto args = Args();
    return std::find(args.begin(), args.end(), "-r") != args.end();
  }
  // What `ieval score --conll FILE --json [-d D] --mode M [--scheme S]`
  // prints (exit_code 0, out) or its error (exit_code 2, err).
  CommandResult Score(std::vector<std::string> mode) const {
    SequenceOptions options;
    if (!mode.empty() && mode[1] == "seqeval")
      options.mode = SequenceMode::kSeqeval;
    if (!mode.empty() && mode[1] == "strict") {
      options.mode = SequenceMode::kStrict;
      options.scheme = *ParseScheme(mode[3]);
    }
    FieldSplitter splitter;
    const auto d = DelimiterArgs();
    if (!d.empty()) splitter = FieldSplitter::Parse(d[1]).value();
    auto reader = ConllReader::Open(Path(".conll"), std::move(splitter));
    if (!reader.ok()) return {2, "", reader.status().ToString()};
    auto result = ScoreConll(**reader, options);
    if (!result.ok()) return {2, "", result.status().ToString()};
    return {0, FormatSequenceJson(Path(".conll"), options, *result), ""};
  }
  void ExpectConllevalRun(const json& expected,
                          const std::vector<std::string>& flags) const {
    std::vector<std::string> args = {"conlleval"};
    args.insert(args.end(), flags.begin(), flags.end());
    const CommandResult r = RunIeval(args, ReadBytes(Path(".conll")));
    EXPECT_EQ(r.out, expected["stdout"].get<std::string>());
    EXPECT_EQ(r.exit_code, expected["exit_code"].get<int>());
    EXPECT_EQ(r.err, expected["stderr"].get<std::string>());
  }
};

// seqeval writes nan as the string "nan"; ieval's JSON writes null.
void ExpectFloat(const json& got, const json& want, const std::string& what) {
  if (want.is_string()) {
    EXPECT_TRUE(got.is_null()) << what << ": want " << want << ", got " << got;
    return;
  }
  ASSERT_TRUE(got.is_number()) << what << ": got " << got;
  EXPECT_NEAR(got.get<double>(), want.get<double>(), 1e-12) << what;
}

// Compares ieval's --json output with seqeval's classification report
// (output_dict=True): same types in the same order, same figures.
void ExpectReport(json got, const json& report) {
  std::vector<std::string> want_types, got_types;
  for (const auto& [key, value] : report.items()) {
    const bool average = key.size() > 4 && key.substr(key.size() - 4) == " avg";
    const json row =
        average ? got[key.substr(0, key.size() - 4)] : got["per_type"][key];
    if (!average) want_types.push_back(key);
    ASSERT_TRUE(row.is_object()) << key;
    ExpectFloat(row["precision"], value["precision"], key + " precision");
    ExpectFloat(row["recall"], value["recall"], key + " recall");
    ExpectFloat(row["f1"], value["f1-score"], key + " f1");
    EXPECT_EQ(row["support"], value["support"]) << key;
  }
  for (const auto& [key, value] : got["per_type"].items())
    got_types.push_back(key);
  // Python's sorted() order = byte order of UTF-8 = ieval's order.
  std::sort(want_types.begin(), want_types.end());
  EXPECT_EQ(got_types, want_types);
}

class SharedCase : public CaseTest {
 protected:
  std::string Dir() const override { return kSharedCases; }
};

TEST(SharedCases, AllThirtyThreeAreThere) {
  EXPECT_EQ(ListCases(kSharedCases).size(), 33u)
      << "reference cases expected in " << kSharedCases;
}

TEST_P(SharedCase, ConllevalOutputIsByteExact) {
  const json expected = Expected()["conlleval"];
  ExpectConllevalRun(expected, Args());
}

TEST_P(SharedCase, ConllevalLatexOutputIsByteExact) {
  const json expected = Expected()["conlleval"]["latex"];
  std::vector<std::string> flags = {"-l"};
  for (const auto& a : Args()) flags.push_back(a);
  ExpectConllevalRun(expected, flags);
}

TEST_P(SharedCase, SeqevalDefaultModeMatches) {
  const json expected = Expected();
  const json& seqeval = expected["seqeval"];
  if (seqeval.contains("not_applicable")) GTEST_SKIP() << seqeval;
  const CommandResult r = Score({"--mode", "seqeval"});
  if (seqeval.contains("not_run")) {
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(expected["loader_error"].get<std::string>()),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(Path(".conll")), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
    return;
  }
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json got = json::parse(r.out);
  const json& result = seqeval["default"]["result"];
  ExpectReport(got, result["classification_report"]);
  ExpectFloat(got["accuracy"], result["accuracy_score"], "accuracy");
  EXPECT_EQ(got["sentences"], expected["sentences"]);
  EXPECT_EQ(got["tokens"], expected["tokens_scored"]);
}

TEST_P(SharedCase, StrictModeMatchesEveryScheme) {
  const json expected = Expected();
  const json& seqeval = expected["seqeval"];
  if (seqeval.contains("not_applicable")) GTEST_SKIP() << seqeval;
  if (seqeval.contains("not_run")) {  // the loader rejects the file
    const CommandResult r = Score({"--mode", "strict", "--scheme", "IOB2"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(expected["loader_error"].get<std::string>()),
              std::string::npos)
        << r.err;
    return;
  }
  for (const std::string scheme :
       {"IOB1", "IOB2", "IOE1", "IOE2", "IOBES", "BILOU"}) {
    SCOPED_TRACE(scheme);
    const json& want = seqeval["strict"][scheme];
    const CommandResult r = Score({"--mode", "strict", "--scheme", scheme});
    if (!want["error"].is_null()) {
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_NE(r.err.find(want["error"].get<std::string>()), std::string::npos)
          << "want " << want["error"] << "\ngot " << r.err;
      EXPECT_NE(r.err.find(Path(".conll") + ":"), std::string::npos) << r.err;
      EXPECT_TRUE(r.out.empty());
      continue;
    }
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ExpectReport(json::parse(r.out), want["result"]);
  }
}

// conlleval.pl prints percentages with two decimals; the JSON of
// --mode conlleval has the unrounded fractions of the same counts.
void ExpectPercent(const json& fraction, const json& printed,
                   const std::string& what) {
  ASSERT_TRUE(fraction.is_number()) << what;
  EXPECT_NEAR(100 * fraction.get<double>(), printed.get<double>(), 0.005 + 1e-9)
      << what;
}

TEST_P(SharedCase, ConllevalModeJsonHasConllevalsFigures) {
  if (RawMode()) GTEST_SKIP() << "-r is an `ieval conlleval` flag only";
  json conlleval = Expected()["conlleval"];
  const CommandResult r = Score({});
  if (conlleval["exit_code"] != 0) {
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unexpected number of features"), std::string::npos);
    return;
  }
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json got = json::parse(r.out);
  const json& overall = conlleval["parsed"]["overall"];
  EXPECT_EQ(got["tokens"], overall["tokens"]);
  EXPECT_EQ(got["phrases"]["gold"], overall["gold_phrases"]);
  EXPECT_EQ(got["phrases"]["predicted"], overall["found"]);
  EXPECT_EQ(got["phrases"]["correct"], overall["correct"]);
  if (!overall["accuracy"].is_null()) {
    ExpectPercent(got["accuracy"], overall["accuracy"], "accuracy");
    ExpectPercent(got["micro"]["precision"], overall["precision"], "P");
    ExpectPercent(got["micro"]["recall"], overall["recall"], "R");
    ExpectPercent(got["micro"]["f1"], overall["FB1"], "FB1");
  }
  std::vector<std::string> got_types;
  for (const auto& [type, row] : got["per_type"].items()) {
    got_types.push_back(type);
    const json want = conlleval["parsed"]["per_type"][type];
    ASSERT_TRUE(want.is_object()) << "type " << type;
    EXPECT_EQ(row["predicted"], want["found"]) << type;
    ExpectPercent(row["precision"], want["precision"], type + " P");
    ExpectPercent(row["recall"], want["recall"], type + " R");
    ExpectPercent(row["f1"], want["FB1"], type + " FB1");
  }
  // per_type_order repeats the type "" where conlleval.pl prints it twice.
  std::vector<std::string> want_types;
  for (const auto& type : conlleval["parsed"]["per_type_order"]) {
    if (want_types.empty() || want_types.back() != type)
      want_types.push_back(type);
  }
  EXPECT_EQ(got_types, want_types);
}

// --mode conlleval and --mode seqeval chunk alike except where the README's
// quirks say they differ; this pins exactly which cases those are.
TEST_P(SharedCase, ConllevalModeDiffersFromSeqevalOnlyOnKnownQuirks) {
  if (RawMode()) GTEST_SKIP() << "raw mode has no seqeval counterpart";
  const std::set<std::string> chunking_differs = {
      "iobes_e_then_b_same_type",  // quirk 3: E-X B-X is one chunk for C
      "iobes_invalid",             // quirk 3: S-X S-X merged by C
      "type_zero_and_empty_type",  // quirk 4/5: types "" and "0" vs "_", "0"
      "unknown_tag_after_entity",  // quirk 5
      "unknown_tags"};             // quirk 5: PER is type ER for seqeval
  const std::set<std::string> accuracy_differs = {
      "docstart_and_boundary_lines"};  // quirk 7: -DOCSTART- is a C token
  const CommandResult c = Score({});
  const CommandResult s = Score({"--mode", "seqeval"});
  if (c.exit_code != 0) {
    EXPECT_EQ(s.exit_code, c.exit_code);
    return;
  }
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const json a = json::parse(c.out), b = json::parse(s.out);
  bool same_chunks = true;
  for (const char* key : {"per_type", "micro", "macro", "weighted"})
    same_chunks = same_chunks && a[key] == b[key];
  EXPECT_EQ(!same_chunks, chunking_differs.count(GetParam()) > 0);
  EXPECT_EQ(a["accuracy"] != b["accuracy"],
            accuracy_differs.count(GetParam()) > 0);
}

// seqeval's default mode and its strict mode compute the same F1 in a
// different float order; ieval reproduces each to the last bit.
class LastBits : public SharedCase {};

TEST_P(LastBits, ReproducesSeqevalsF1ToTheLastBit) {
  const json expected = Expected();
  const CommandResult d = Score({"--mode", "seqeval"});
  const CommandResult s = Score({"--mode", "strict", "--scheme", "IOB1"});
  ASSERT_EQ(d.exit_code, 0);
  ASSERT_EQ(s.exit_code, 0);
  const json& want_d =
      expected["seqeval"]["default"]["result"]["classification_report"];
  const json& want_s = expected["seqeval"]["strict"]["IOB1"]["result"];
  for (const auto& [key, value] : want_d.items()) {
    if (key.find(" avg") != std::string::npos) continue;
    EXPECT_EQ(json::parse(d.out)["per_type"][key]["f1"].get<double>(),
              value["f1-score"].get<double>())
        << key;
  }
  for (const auto& [key, value] : want_s.items()) {
    if (key.find(" avg") != std::string::npos) continue;
    EXPECT_EQ(json::parse(s.out)["per_type"][key]["f1"].get<double>(),
              value["f1-score"].get<double>())
        << key;
  }
}

// seqeval's default mode and its strict mode compute the same F1 in a
// different float order (quirk 13); ieval reproduces each to the last bit.
INSTANTIATE_TEST_SUITE_P(Iob1Basic, LastBits, ::testing::Values("iob1_basic"));

INSTANTIATE_TEST_SUITE_P(Reference, SharedCase,
                         ::testing::ValuesIn(ListCases(kSharedCases)));

// ---- our own cases ----------------------------------------------------------

class OwnCase : public CaseTest {
 protected:
  std::string Dir() const override { return kOwnCases; }
};

TEST_P(OwnCase, ConllevalOutputIsByteExact) {
  ExpectConllevalRun(Expected()["conlleval"], {});
}

TEST_P(OwnCase, ConllevalLatexOutputIsByteExact) {
  ExpectConllevalRun(Expected()["conlleval"]["latex"], {"-l"});
}

TEST_P(OwnCase, SeqevalAndStrictIob2CountsMatchHandCheckedOnes) {
  const json want = Expected()["seqeval_hand_checked"];
  for (const std::vector<std::string>& mode :
       {std::vector<std::string>{"--mode", "seqeval"},
        std::vector<std::string>{"--mode", "strict", "--scheme", "IOB2"}}) {
    SCOPED_TRACE(mode[1]);
    const CommandResult r = Score(mode);
    if (want.contains("error")) {
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_NE(r.err.find(want["error"].get<std::string>()), std::string::npos)
          << r.err;
      continue;
    }
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json got = json::parse(r.out);
    EXPECT_EQ(got["sentences"], want["sentences"]);
    EXPECT_EQ(got["tokens"], want["tokens"]);
    json per_type = json::object();
    for (const auto& [type, row] : got["per_type"].items())
      per_type[type] = {row["support"], row["predicted"], row["correct"]};
    EXPECT_EQ(per_type, want["per_type"]);
    if (want["tokens"] == 0) {
      EXPECT_TRUE(got["accuracy"].is_null());
      EXPECT_TRUE(got["macro"]["f1"].is_null());
    } else {
      EXPECT_DOUBLE_EQ(
          got["accuracy"].get<double>(),
          want["correct_tags"].get<double>() / want["tokens"].get<double>());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Own, OwnCase,
                         ::testing::ValuesIn(ListCases(kOwnCases)));

}  // namespace
}  // namespace ieval
