// A report.json that is not as ieval writes it — a field removed, a field of
// another type, anywhere in the file — is refused where it is parsed, naming
// the JSON path, and never reaches the renderers of report.md, report.html
// and the terminal summary (which index it as ieval writes it).
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ieval/report/report_html.h"
#include "ieval/report/report_json.h"
#include "ieval/report/report_markdown.h"
#include "testing/small_run.h"

namespace ieval {
namespace {

using nlohmann::json;

// The small run's report.json, a repeated variant included, without the
// per-document counts (no renderer reads them; they would only make each
// case slow).
json BaseReport() {
  RunResult run = testing::SmallRun();
  VariantResult& perfect = run.variants.front();
  perfect.repeat_scores.push_back(perfect.scores);
  json report = json::parse(RunReportToJson(run));
  for (json& v : report["variants"]) {
    if (v.contains("scores")) v["scores"].erase("documents");
    if (v.contains("repeats")) v["repeats"].erase("documents");
  }
  return report;
}

// Every renderer on `report`: the statuses of the three.
std::vector<Status> RenderAll(const json& report) {
  const std::string text = report.dump();
  return {RenderMarkdown(text).status(), RenderSummaryText(text).status(),
          RenderHtml(text, "{}").status()};
}

// report.md and the summary, which between them read every field the
// page reads too (report.html only drops the per-document counts).
std::vector<Status> RenderText(const json& report) {
  const std::string text = report.dump();
  return {RenderMarkdown(text).status(), RenderSummaryText(text).status()};
}

// Every value's location: object keys and array indices, from the root.
using Location = std::vector<json>;

// Whether the values under `at` repeat a shape already visited: a second
// element of an array (but every variant: their statuses differ), the
// first variant's scores (the second's have the same shape, and its error
// examples), and the entity modes read as "strict" is.
bool SameShapeAsVisited(const Location& at) {
  const size_t n = at.size();
  if (n >= 1 && at[n - 1].is_number() && at[n - 1].get<size_t>() > 0 &&
      !(n == 2 && at[0] == "variants"))
    return true;
  if (n == 3 && at[0] == "variants" && at[1] == 0 && at[2] == "scores")
    return true;
  return n == 5 && at[2] == "scores" && at[3] == "entities" &&
         (at[4] == "exact" || at[4] == "type");
}

void Locations(const json& value, Location& at, std::vector<Location>& out) {
  auto visit = [&](const json& child) {
    out.push_back(at);
    if (!SameShapeAsVisited(at)) Locations(child, at, out);
    at.pop_back();
  };
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      at.push_back(key);
      visit(child);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      at.push_back(i);
      visit(value[i]);
    }
  }
}

std::string PathText(const Location& at) {
  std::string path = "$";
  for (const json& step : at)
    path += step.is_string() ? "." + step.get<std::string>()
                             : "[" + step.dump() + "]";
  return path;
}

json& Parent(json& root, const Location& at) {
  json* node = &root;
  for (size_t i = 0; i + 1 < at.size(); ++i)
    node = at[i].is_string() ? &(*node)[at[i].get<std::string>()]
                             : &(*node)[at[i].get<size_t>()];
  return *node;
}

// `change` applied at every location in turn; each result rendered.
void EveryLocation(const std::function<void(json&, const json&)>& change,
                   const std::string& what) {
  const json base = BaseReport();
  Location at;
  std::vector<Location> all;
  Locations(base, at, all);
  ASSERT_GT(all.size(), 300u);
  ASSERT_LT(all.size(), 1000u);
  int refused = 0;
  for (const Location& location : all) {
    json report = base;
    change(Parent(report, location), location.back());
    for (const Status& s : RenderText(report)) {
      if (s.ok()) continue;
      ++refused;
      EXPECT_EQ(s.code(), Status::Code::kInvalidInput)
          << what << " " << PathText(location) << ": " << s.ToString();
      EXPECT_NE(s.ToString().find("report.json"), std::string::npos)
          << s.ToString();
      EXPECT_NE(s.ToString().find("$"), std::string::npos) << s.ToString();
    }
  }
  EXPECT_GT(refused, 100) << what;
}

TEST(ReportShape, TheReportAsWrittenRenders) {
  for (const Status& s : RenderAll(BaseReport()))
    EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(ReportShape, AnyFieldRemovedRendersOrIsRefusedNamingItsPath) {
  EveryLocation(
      [](json& parent, const json& step) {
        if (step.is_string()) {
          parent.erase(step.get<std::string>());
        } else {
          parent.erase(step.get<size_t>());
        }
      },
      "removed");
}

TEST(ReportShape, AnyFieldOfAnotherTypeRendersOrIsRefused) {
  for (const json& other :
       {json("x"), json(nullptr), json::array(), json(-1)}) {
    EveryLocation(
        [&](json& parent, const json& step) {
          if (step.is_string()) {
            parent[step.get<std::string>()] = other;
          } else {
            parent[step.get<size_t>()] = other;
          }
        },
        "set to " + other.dump());
  }
}

struct Case {
  std::string pointer;  // JSON pointer of the field changed
  json value;           // its new value; discarded: removed
  std::string message;  // expected in the error
};

class ReportShapeCase : public ::testing::TestWithParam<Case> {};

TEST_P(ReportShapeCase, IsRefusedNamingTheField) {
  const Case& c = GetParam();
  json report = BaseReport();
  const json::json_pointer pointer(c.pointer);
  if (c.value.is_discarded()) {
    report[pointer.parent_pointer()].erase(pointer.back());
  } else {
    report[pointer] = c.value;
  }
  for (const Status& s : RenderAll(report)) {
    ASSERT_FALSE(s.ok()) << c.pointer;
    EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
    EXPECT_NE(s.ToString().find(c.message), std::string::npos) << s.ToString();
  }
}

const json kRemoved = json(json::value_t::discarded);

INSTANTIATE_TEST_SUITE_P(
    Fields, ReportShapeCase,
    ::testing::Values(
        Case{"/variants/0/throughput/bytes", kRemoved,
             "report.json: $.variants[0].throughput: missing \"bytes\""},
        Case{"/variants/2/throughput", kRemoved,
             "$.variants[2]: missing \"throughput\""},
        Case{"/variants/0/scores/entities/strict/overall/f1", kRemoved,
             "$.variants[0].scores.entities.strict.overall: missing \"f1\""},
        Case{"/variants/1/scores/entities/strict/per_type", kRemoved,
             "$.variants[1].scores.entities.strict: missing \"per_type\""},
        Case{"/variants/1/scores/errors/counts", kRemoved,
             "$.variants[1].scores.errors: missing \"counts\""},
        Case{"/variants/0/repeats/metrics/entities.strict/f1/values", kRemoved,
             "$.variants[0].repeats.metrics[\"entities.strict\"].f1: missing "
             "\"values\""},
        Case{"/best_variant/metric", kRemoved,
             "$.best_variant: missing \"metric\""},
        Case{"/comparisons/pairs/0/difference", kRemoved,
             "$.comparisons.pairs[0]: missing \"difference\""},
        Case{"/config/statistics/metrics", kRemoved,
             "$.config.statistics: missing \"metrics\""},
        Case{"/machine", kRemoved, "$: missing \"machine\""},
        Case{"/notes", kRemoved, "$: missing \"notes\""},
        Case{"/variants/0/throughput/bytes", "15291",
             "$.variants[0].throughput.bytes: expected a number ≥ 0, not "
             "the string \"15291\""},
        Case{"/variants/1/scores/errors/counts/missed", 1.5,
             "$.variants[1].scores.errors.counts.missed: expected an "
             "integer ≥ 0, not 1.5"},
        Case{"/variants/0/name", 7,
             "$.variants[0].name: expected a non-empty string, not 7"},
        Case{"/variants/2/error", json::array(),
             "$.variants[2].error: expected a string, not an array"},
        Case{"/best_variant/name", nullptr,
             "$.best_variant.name: expected a string, not null"},
        Case{"/comparisons/pairs/0/verdict", 1,
             "$.comparisons.pairs[0].verdict: expected a string, not 1"},
        Case{"/notes", "one note",
             "$.notes: expected an array, not the string \"one note\""},
        Case{"/config/jobs", "2",
             "$.config.jobs: expected an integer ≥ 1, not the string \"2\""},
        Case{"/variants/1/scores/entities/strict/overall/recall", "0.5",
             "$.variants[1].scores.entities.strict.overall.recall: expected a "
             "number, not the string \"0.5\""}));

}  // namespace
}  // namespace ieval
