// DocumentScoresToJson (score_report.h): one document's counts written
// straight to text, in exactly the bytes nlohmann's dump gives for the
// object DocumentJson builds in score_report.cc (same keys, same order,
// same numbers), without building that object: building and freeing some
// 200 small JSON values per document would be most of the time of writing
// report.json (about 4 KB per document).
// tests/eval/score/document_json_test.cc checks the two agree on random
// documents.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/report/score_report.h"

namespace ieval {
namespace {

// Objects only (a document's counts hold no array), written as nlohmann
// dumps them: with `indent` >= 0, each member on its own line indented by
// (depth + level) * indent spaces, "key": value, "{}" when empty; with
// indent < 0, {"key":value,...} on one line.
class ObjectWriter {
 public:
  ObjectWriter(std::string& out, int indent, int depth)
      : out_(out), indent_(indent), depth_(indent < 0 ? 0 : depth) {}

  void Open() {
    out_ += '{';
    empty_.push_back(true);
  }
  void Close() {
    const bool empty = empty_.back();
    empty_.pop_back();
    if (!empty && indent_ >= 0) NewLine(empty_.size());
    out_ += '}';
  }
  void Key(std::string_view key) {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    if (indent_ >= 0) NewLine(empty_.size());
    String(key);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  void Int(int64_t v) {
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr;
    out_.append(text, end);
  }
  // A count: an integer when it is one (as Count() in score_report.cc).
  void Count(double v) {
    if (std::floor(v) == v && std::fabs(v) < 9e15) {
      Int(static_cast<int64_t>(v));
    } else {
      out_ += nlohmann::json(v).dump();  // nlohmann's shortest round trip
    }
  }
  void String(std::string_view s) {
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x7f || c == '"' || c == '\\') {
        out_ += nlohmann::json(std::string(s)).dump();  // escapes, UTF-8
        return;
      }
    }
    out_ += '"';
    out_ += s;
    out_ += '"';
  }

  void Member(std::string_view key, int64_t v) {
    Key(key);
    Int(v);
  }
  void CountMember(std::string_view key, double v) {
    Key(key);
    Count(v);
  }

 private:
  void NewLine(size_t level) {
    out_ += '\n';
    out_.append(
        (static_cast<size_t>(depth_) + level) * static_cast<size_t>(indent_),
        ' ');
  }

  std::string& out_;
  int indent_;
  int depth_;
  std::vector<bool> empty_;  // per open object: no member yet
};

void Counts(ObjectWriter& w, const PrfCounts& c) {
  w.CountMember("tp", c.tp);
  w.CountMember("fp", c.fp);
  w.CountMember("fn", c.fn);
}

void CountsObject(ObjectWriter& w, std::string_view key, const PrfCounts& c) {
  w.Key(key);
  w.Open();
  Counts(w, c);
  w.Close();
}

void RatioObject(ObjectWriter& w, std::string_view key, const RatioCounts& c) {
  w.Key(key);
  w.Open();
  w.CountMember("recall_num", c.recall_num.ToDouble());
  w.CountMember("recall_den", c.recall_den.ToDouble());
  w.CountMember("precision_num", c.precision_num.ToDouble());
  w.CountMember("precision_den", c.precision_den.ToDouble());
  w.Close();
}

void LinksObject(ObjectWriter& w, std::string_view key, const LinkCounts& l) {
  w.Key(key);
  w.Open();
  w.Member("common", l.common);
  w.Member("gold", l.gold);
  w.Member("predicted", l.predicted);
  w.Close();
}

}  // namespace

std::string DocumentScoresToJson(const DocumentScores& d, int indent,
                                 int depth) {
  std::string out;
  out.reserve(indent < 0 ? 2048 : 4096);
  ObjectWriter w(out, indent, depth);
  w.Open();
  w.Key("doc_id");
  w.String(d.doc_id);
  w.Member("gold_mentions", d.entities.gold_mentions);
  w.Member("predicted_mentions", d.entities.predicted_mentions);
  w.Key("entities");
  w.Open();
  for (SpanMode m : kSpanModes) {
    const TypedCounts& t = d.entities.mode(m);
    w.Key(SpanModeName(m));
    w.Open();
    Counts(w, t.overall);
    w.Key("per_type");
    w.Open();
    for (const auto& [type, c] : t.per_type) CountsObject(w, type, c);
    w.Close();
    w.Close();
  }
  w.Close();
  w.Key("semeval");
  w.Open();
  for (SemevalScheme s : kSemevalSchemes) {
    const SemevalCounts& c = d.entities.scheme(s).overall;
    w.Key(SemevalSchemeName(s));
    w.Open();
    w.Member("correct", c.correct);
    w.Member("incorrect", c.incorrect);
    w.Member("partial", c.partial);
    w.Member("missed", c.missed);
    w.Member("spurious", c.spurious);
    w.Member("possible", c.possible());
    w.Member("actual", c.actual());
    w.Close();
  }
  w.Close();
  w.Key("errors");
  w.Open();
  for (int k = 0; k < kErrorKinds; ++k)
    w.Member(ErrorKindName(static_cast<ErrorKind>(k)),
             d.entities.errors.counts[static_cast<size_t>(k)]);
  w.Close();
  w.Key("relations");
  w.Open();
  CountsObject(w, "strict", d.relations.strict.overall);
  CountsObject(w, "boundaries", d.relations.boundaries.overall);
  w.Close();
  w.Key("values");
  w.Open();
  for (const auto& [type, v] : d.values) {
    w.Key(type);
    w.Open();
    w.Member("matched", v.matched);
    w.Member("correct", v.correct);
    w.Close();
  }
  w.Close();
  w.Key("clusters");
  w.Open();
  RatioObject(w, "muc", d.clusters.muc);
  RatioObject(w, "b3", d.clusters.b3);
  RatioObject(w, "ceafe", d.clusters.ceafe);
  RatioObject(w, "ceafm", d.clusters.ceafm);
  LinksObject(w, "blanc_coref", d.clusters.blanc_coref);
  LinksObject(w, "blanc_noncoref", d.clusters.blanc_noncoref);
  CountsObject(w, "mentions", d.clusters.mentions);
  w.Close();
  w.Close();
  return out;
}

}  // namespace ieval
