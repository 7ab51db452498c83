#include "report_text.h"

#include <algorithm>
#include <cstdio>

#include "ieval/core/offset_index.h"
#include "ieval/io/json_reader.h"
#include "ieval/report/report_json.h"

namespace ieval::report_text {
namespace {

// The interval of metric `name` as " [lo, hi]" ("" without one).
std::string Bracket(const json& variant, const std::string& metric,
                    const std::string& which) {
  const json& i = ValueAt(variant, {"intervals", metric, which});
  if (i.is_null()) return "";
  return " [" + Fixed(i["lower"], 2) + ", " + Fixed(i["upper"], 2) + "]";
}

// A repeated variant's `which` of `metric` over its repeats, as "mean ±
// stddev"; "" without repeats.
std::string Spread(const json& variant, const std::string& metric,
                   const std::string& which) {
  const json& r = ValueAt(variant, {"repeats", "metrics", metric, which});
  if (r.is_null()) return "";
  return Fixed(r["mean"]) + " ± " + Fixed(r["stddev"]);
}

std::string Str(const json& v) {
  return v.is_string() ? v.get<std::string>() : "";
}

std::string Code(const std::string& s, bool markdown) {
  if (!markdown) return "\"" + s + "\"";
  std::string out = s;
  std::replace(out.begin(), out.end(), '`', '\'');
  return "`" + out + "`";
}

std::string Side(const json& m, bool markdown) {
  if (m.is_null()) return "nothing";
  return m.value("type", std::string()) + " " +
         Code(m.value("text", std::string()), markdown) + " [" +
         m["start"].dump() + ", " + m["end"].dump() + ")";
}

}  // namespace

namespace {

// The checked tree as nlohmann's, which the renderers read. Numbers keep
// their kind: a count printed as 3 must not become 3.0.
json ToJson(const JsonValue& v) {
  if (v.is_object()) {
    json object = json::object();
    for (const auto& [key, child] : v.Members()) object[key] = ToJson(child);
    return object;
  }
  if (v.is_array()) {
    json array = json::array();
    for (const JsonValue& child : v.Elements()) array.push_back(ToJson(child));
    return array;
  }
  if (v.is_string()) return *v.String();
  if (v.is_bool()) return *v.Bool();
  if (v.is_integer()) {
    if (auto i = v.Integer(); i.ok()) return *i;
    return *v.Unsigned();
  }
  if (v.is_number()) return *v.Number();
  return nullptr;
}

}  // namespace

Result<json> ParseReport(std::string_view text) {
  auto doc = JsonDocument::Parse(text, "report.json");
  if (!doc.ok()) return doc.status();
  const JsonValue root = doc->root();
  if (!root.is_object()) return root.Expected("an object (a run report)");
  const auto format = root.Find("format");
  if (!format)
    return root.Error(
        "missing \"format\": not a run report (expected the report.json "
        "written by `ieval run`)");
  if (!format->is_string() || *format->String() != kRunReportFormat)
    return format->Expected(
        "\"ieval-run\" (the report.json written by `ieval run`)");
  if (Status s = CheckReportShape(root); !s.ok()) return s;
  return ToJson(root);
}

Status RenderError(const json::exception& e) {
  std::string what = e.what();
  if (size_t p = what.find("] "); p != std::string::npos)
    what = what.substr(p + 2);
  return Status::InvalidInput("not a report.json as `ieval run` writes it (" +
                              what + ")");
}

const json& ValueAt(const json& root, std::initializer_list<std::string> path) {
  static const json kNull;
  const json* at = &root;
  for (const std::string& key : path) {
    if (!at->is_object()) return kNull;
    auto it = at->find(key);
    if (it == at->end()) return kNull;
    at = &*it;
  }
  return *at;
}

std::string Fixed(const json& value, int digits) {
  if (!value.is_number()) return "–";
  return ::ieval::Fixed(value.get<double>(), digits);
}

std::string Signed(const json& value, int digits) {
  if (!value.is_number()) return "–";
  return ::ieval::Signed(value.get<double>(), digits);
}

std::string F1Cell(const json& c) {
  return Fixed(c["f1"]) + " (" + Fixed(c["precision"], 2) + " / " +
         Fixed(c["recall"], 2) + ")";
}

std::string ErrorLabel(const std::string& kind) {
  std::string out = kind;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string ExampleText(const json& x, bool markdown) {
  return x.value("doc_id", std::string()) + ": gold " +
         Side(x["gold"], markdown) + " → predicted " +
         Side(x["pred"], markdown);
}

std::vector<std::string> SummaryHeader() {
  return {"variant",   "status",     "strict P",     "strict R",
          "strict F1", "partial F1", "relations F1", "DATE value acc.",
          "CoNLL F1",  "docs/s"};
}

std::vector<std::string> SummaryCells(const json& v, bool markdown) {
  const std::string name = v.value("name", std::string());
  const std::string status = v.value("status", std::string());
  std::vector<std::string> cells = {markdown ? "`" + name + "`" : name, status};
  if (status != "ok") {
    cells.resize(SummaryHeader().size(), "–");
    if (status == "failed")
      cells.back() =
          Fixed(ValueAt(v, {"throughput", "documents_per_second"}), 1);
    return cells;
  }
  const json& s = v["scores"];
  const json& strict = ValueAt(s, {"entities", "strict", "overall"});
  // A repeated variant's headline is the mean over its repeats ± their
  // standard deviation; its intervals are repeat 0's.
  auto cell = [&](const std::string& metric, const json& point,
                  const std::string& which, bool interval) {
    const std::string spread = Spread(v, metric, which);
    if (!spread.empty()) return spread;
    return Fixed(point) + (interval ? Bracket(v, metric, which) : "");
  };
  for (const char* which : {"precision", "recall", "f1"})
    cells.push_back(cell("entities.strict", strict[which], which, true));
  cells.push_back(cell("entities.partial",
                       ValueAt(s, {"entities", "partial", "overall", "f1"}),
                       "f1", false));
  // "–" rather than 0 where the variant predicted nothing of the kind: it
  // never tried (no relations, no entity ids), which is not being wrong.
  auto tried = [](const json& counts) {
    return counts.is_object() &&
           counts.value("tp", 0.0) + counts.value("fp", 0.0) > 0;
  };
  const json& relations = ValueAt(s, {"relations", "strict", "overall"});
  cells.push_back(tried(relations)
                      ? cell("relations.strict", relations["f1"], "f1", false)
                      : "–");
  const json& date = ValueAt(s, {"values", "DATE"});
  cells.push_back(date.is_null() || date.value("matched", 0) == 0
                      ? "–"
                      : Fixed(date["accuracy"]) + " (" +
                            date["correct"].dump() + "/" +
                            date["matched"].dump() + ")");
  cells.push_back(tried(ValueAt(s, {"clusters", "mentions"}))
                      ? Fixed(ValueAt(s, {"clusters", "conll_f1"}))
                      : "–");
  cells.push_back(Fixed(ValueAt(v, {"throughput", "documents_per_second"}), 1));
  return cells;
}

std::string SummaryText(const json& report) {
  std::vector<std::vector<std::string>> rows = {SummaryHeader()};
  for (const json& v : report["variants"])
    rows.push_back(SummaryCells(v, false));
  // Column widths in code points (cells hold "–").
  auto width = [](const std::string& s) {
    return static_cast<size_t>(CountCodepoints(s));
  };
  std::vector<size_t> widths(rows[0].size(), 0);
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i)
      widths[i] = std::max(widths[i], width(r[i]));
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      const std::string pad(widths[i] - width(r[i]), ' ');
      line += i < 2 ? r[i] + pad : pad + r[i];
      if (i + 1 < r.size()) line += "  ";
    }
    out += line + "\n";
  }
  const json& best = report["best_variant"];
  if (!best.is_null())
    out += "best: " + best["name"].get<std::string>() + " (" +
           best["metric"].get<std::string>() + " F1 " + Fixed(best["f1"]) +
           ")\n";
  for (const json& v : report["variants"])
    if (v.value("status", "") != "ok")
      out += v.value("status", "") + ": " + v.value("name", "") + ": " +
             v.value("error", std::string()) + "\n";
  return out;
}

std::string Headline(const json& report) {
  const json& g = report["gold"];
  int ok = 0, failed = 0, skipped = 0;
  for (const json& v : report["variants"]) {
    const std::string s = v.value("status", "");
    ok += s == "ok";
    failed += s == "failed";
    skipped += s == "skipped";
  }
  std::string out = ValueAt(g, {"documents"}).dump() + " gold documents (" +
                    ValueAt(g, {"mentions"}).dump() + " mentions, " +
                    ValueAt(g, {"relations"}).dump() + " relations); " +
                    std::to_string(report["variants"].size()) +
                    " variants: " + std::to_string(ok) + " ok";
  if (failed) out += ", " + std::to_string(failed) + " failed";
  if (skipped) out += ", " + std::to_string(skipped) + " skipped";
  return out + ".";
}

std::string ConfidenceText(const json& report) {
  const json& c = ValueAt(report, {"config", "statistics", "confidence"});
  return c.is_number() ? Fixed(c.get<double>() * 100, 0) + " %" : "95 %";
}

std::string Footer(const json& report) {
  const json& st = ValueAt(report, {"config", "statistics"});
  const json& m = report["machine"];
  return "<sub>" + report.value("ieval_version", std::string()) + " · " +
         report.value("started_at", std::string()) + " · " +
         Str(ValueAt(m, {"cpu"})) + ", " + ValueAt(m, {"cores"}).dump() +
         " cores · gold `" + Str(ValueAt(report, {"config", "gold"})) +
         "` · bootstrap: " + ValueAt(st, {"resamples"}).dump() +
         " resamples of " + Str(ValueAt(st, {"unit"})) + "s, seed " +
         ValueAt(st, {"seed"}).dump() + "</sub>";
}

}  // namespace ieval::report_text
