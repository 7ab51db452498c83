#include "counts_codec.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>

#include "ieval/core/status_macros.h"

namespace ieval {
namespace {

__extension__ typedef unsigned __int128 Unsigned128;

void Int(int64_t v, std::string* out) { *out += std::to_string(v); }

void Count(double v, std::string* out) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) {
    Int(static_cast<int64_t>(v), out);
  } else {
    *out += nlohmann::json(v).dump();  // the shortest round trip
  }
}

void Str(std::string_view s, std::string* out) {
  *out += nlohmann::json(std::string(s))
              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// An exact sum's 2^-64 units: 0, or a string of hex digits.
void Exact(const ExactSum& e, std::string* out) {
  if (e.units == 0) {
    *out += '0';
    return;
  }
  auto u = static_cast<Unsigned128>(e.units);
  std::string digits;
  while (u != 0) {
    digits.insert(digits.begin(), "0123456789abcdef"[static_cast<int>(u & 15)]);
    u >>= 4;
  }
  *out += '"' + digits + '"';
}

// Reads a flat array front to back, each read checked.
class Cursor {
 public:
  Cursor(const JsonValue& array, const std::vector<std::string>& types)
      : elements_(array.Elements()), array_(array), types_(types) {}

  bool done() const { return at_ == elements_.size(); }
  Result<JsonValue> Next() {
    if (done())
      return array_.Error("ends early: expected " + std::to_string(at_ + 1) +
                          " or more numbers");
    return elements_[at_++];
  }
  Result<int64_t> Whole() {
    IEVAL_ASSIGN_OR_RETURN(JsonValue v, Next());
    return v.Integer(0);
  }
  Result<double> Halves() {
    IEVAL_ASSIGN_OR_RETURN(JsonValue v, Next());
    return v.Count(0.5);
  }
  Result<std::string> Type() {
    IEVAL_ASSIGN_OR_RETURN(JsonValue v, Next());
    IEVAL_ASSIGN_OR_RETURN(
        int64_t i, v.Integer(0, static_cast<int64_t>(types_.size()) - 1));
    return types_[static_cast<size_t>(i)];
  }
  Result<ExactSum> Exact() {
    IEVAL_ASSIGN_OR_RETURN(JsonValue v, Next());
    if (v.is_integer()) {
      IEVAL_ASSIGN_OR_RETURN(int64_t zero, v.Integer(0, 0));
      return ExactSum{zero};
    }
    IEVAL_ASSIGN_OR_RETURN(std::string hex, v.NonEmptyString());
    Unsigned128 u = 0;
    for (char c : hex) {
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                           : -1;
      if (d < 0 || hex.size() > 31 || (hex.size() == 31 && hex[0] > '7'))
        return v.Expected("an exact sum (0 or up to 31 lower-case hex digits)");
      u = (u << 4) | static_cast<unsigned>(d);
    }
    return ExactSum{static_cast<ExactSum::Units>(u)};
  }

 private:
  std::vector<JsonValue> elements_;
  const JsonValue& array_;
  const std::vector<std::string>& types_;
  size_t at_ = 0;
};

Result<Cursor> Part(const JsonValue& v, const std::vector<std::string>& types) {
  IEVAL_RETURN_IF_ERROR(v.ExpectArray());
  return Cursor(v, types);
}

Status ReadPrf(Cursor& c, PrfCounts* p) {
  IEVAL_ASSIGN_OR_RETURN(p->tp, c.Halves());
  IEVAL_ASSIGN_OR_RETURN(p->fp, c.Halves());
  IEVAL_ASSIGN_OR_RETURN(p->fn, c.Halves());
  return Status::Ok();
}

Status ReadTyped(const JsonValue& v, const std::vector<std::string>& types,
                 TypedCounts* t) {
  IEVAL_ASSIGN_OR_RETURN(Cursor c, Part(v, types));
  IEVAL_RETURN_IF_ERROR(ReadPrf(c, &t->overall));
  while (!c.done()) {
    IEVAL_ASSIGN_OR_RETURN(std::string type, c.Type());
    IEVAL_RETURN_IF_ERROR(ReadPrf(c, &t->per_type[type]));
  }
  return Status::Ok();
}

Status ReadSemeval(Cursor& c, SemevalCounts* s) {
  for (int64_t* field :
       {&s->correct, &s->incorrect, &s->partial, &s->missed, &s->spurious}) {
    IEVAL_ASSIGN_OR_RETURN(*field, c.Whole());
  }
  return Status::Ok();
}

Status ReadRatio(Cursor& c, RatioCounts* r) {
  for (ExactSum* e :
       {&r->recall_num, &r->recall_den, &r->precision_num, &r->precision_den}) {
    IEVAL_ASSIGN_OR_RETURN(*e, c.Exact());
  }
  return Status::Ok();
}

Status ReadLinks(Cursor& c, LinkCounts* l) {
  for (int64_t* field : {&l->common, &l->gold, &l->predicted}) {
    IEVAL_ASSIGN_OR_RETURN(*field, c.Whole());
  }
  return Status::Ok();
}

Status ExpectSize(const JsonValue& v, size_t n, const char* what) {
  IEVAL_RETURN_IF_ERROR(v.ExpectArray());
  if (v.size() != n) return v.Expected(what);
  return Status::Ok();
}

Result<std::optional<ExampleMention>> ReadSide(const JsonValue& v) {
  if (v.is_null()) return std::optional<ExampleMention>();
  IEVAL_RETURN_IF_ERROR(ExpectSize(v, 4, "null or [start, end, type, text]"));
  const std::vector<JsonValue> e = v.Elements();
  ExampleMention m;
  IEVAL_ASSIGN_OR_RETURN(m.start, e[0].Integer(0));
  IEVAL_ASSIGN_OR_RETURN(m.end, e[1].Integer(m.start));
  IEVAL_ASSIGN_OR_RETURN(m.type, e[2].String());
  IEVAL_ASSIGN_OR_RETURN(m.text, e[3].String());
  return std::optional<ExampleMention>(std::move(m));
}

void WriteSide(const std::optional<ExampleMention>& m, std::string* out) {
  if (!m) {
    *out += "null";
    return;
  }
  *out += '[';
  Int(m->start, out);
  *out += ',';
  Int(m->end, out);
  *out += ',';
  Str(m->type, out);
  *out += ',';
  Str(m->text, out);
  *out += ']';
}

}  // namespace

DocumentCodec::DocumentCodec(std::vector<std::string> types)
    : names_(std::move(types)) {}

void DocumentCodec::AddTypes(const DocumentScores& d) {
  auto add = [&](const std::string& type) { index_.try_emplace(type, 0); };
  for (const TypedCounts& t : d.entities.modes)
    for (const auto& [type, c] : t.per_type) add(type);
  for (const SemevalBlock& b : d.entities.semeval)
    for (const auto& [type, c] : b.per_type) add(type);
  for (const auto& [cell, n] : d.entities.errors.confusion) {
    add(cell.first);
    add(cell.second);
  }
  for (const TypedCounts* t : {&d.relations.strict, &d.relations.boundaries})
    for (const auto& [type, c] : t->per_type) add(type);
  for (const auto& [type, c] : d.values) add(type);
}

std::vector<std::string> DocumentCodec::types() const {
  std::vector<std::string> out;
  for (const auto& [type, i] : index_) out.push_back(type);
  return out;
}

void DocumentCodec::Encode(const DocumentScores& d, std::string* out) const {
  auto sep = [&] { *out += ','; };
  auto type = [&](const std::string& t) {
    // Index in sorted order: the map's iteration order.
    Int(std::distance(index_.begin(), index_.find(t)), out);
  };
  auto prf = [&](const PrfCounts& c) {
    Count(c.tp, out);
    sep();
    Count(c.fp, out);
    sep();
    Count(c.fn, out);
  };
  auto typed = [&](const TypedCounts& t) {
    *out += '[';
    prf(t.overall);
    for (const auto& [name, c] : t.per_type) {
      sep();
      type(name);
      sep();
      prf(c);
    }
    *out += ']';
  };
  auto semeval = [&](const SemevalCounts& s) {
    for (int64_t v : {s.correct, s.incorrect, s.partial, s.missed}) {
      Int(v, out);
      sep();
    }
    Int(s.spurious, out);
  };
  *out += '[';
  Str(d.doc_id, out);
  sep();
  Int(d.entities.gold_mentions, out);
  sep();
  Int(d.entities.predicted_mentions, out);
  *out += ",[";
  for (size_t m = 0; m < d.entities.modes.size(); ++m) {
    if (m > 0) sep();
    typed(d.entities.modes[m]);
  }
  *out += "],[";
  for (size_t s = 0; s < d.entities.semeval.size(); ++s) {
    if (s > 0) sep();
    const SemevalBlock& b = d.entities.semeval[s];
    *out += '[';
    semeval(b.overall);
    for (const auto& [name, c] : b.per_type) {
      sep();
      type(name);
      sep();
      semeval(c);
    }
    *out += ']';
  }
  *out += "],[";
  const ErrorAnalysis& e = d.entities.errors;
  for (size_t k = 0; k < e.counts.size(); ++k) {
    if (k > 0) sep();
    Int(e.counts[k], out);
  }
  for (const auto& [cell, n] : e.confusion) {
    sep();
    type(cell.first);
    sep();
    type(cell.second);
    sep();
    Int(n, out);
  }
  *out += "],[";
  typed(d.relations.strict);
  sep();
  typed(d.relations.boundaries);
  *out += "],[";
  bool first = true;
  for (const auto& [name, v] : d.values) {
    if (!first) sep();
    first = false;
    type(name);
    sep();
    Int(v.matched, out);
    sep();
    Int(v.correct, out);
  }
  *out += "],[";
  const ClusterCounts& c = d.clusters;
  if (!(c == ClusterCounts())) {
    for (const RatioCounts* r : {&c.muc, &c.b3, &c.ceafe, &c.ceafm})
      for (const ExactSum* x : {&r->recall_num, &r->recall_den,
                                &r->precision_num, &r->precision_den}) {
        Exact(*x, out);
        sep();
      }
    for (const LinkCounts* l : {&c.blanc_coref, &c.blanc_noncoref})
      for (int64_t v : {l->common, l->gold, l->predicted}) {
        Int(v, out);
        sep();
      }
    prf(c.mentions);
  }
  *out += "]]";
}

Result<DocumentScores> DocumentCodec::Decode(const JsonValue& line) const {
  IEVAL_RETURN_IF_ERROR(ExpectSize(
      line, 9,
      "a document: [doc_id, gold mentions, predicted mentions, modes, "
      "semeval, errors, relations, values, clusters]"));
  const std::vector<JsonValue> f = line.Elements();
  DocumentScores d;
  IEVAL_ASSIGN_OR_RETURN(d.doc_id, f[0].NonEmptyString());
  IEVAL_ASSIGN_OR_RETURN(d.entities.gold_mentions, f[1].Integer(0));
  IEVAL_ASSIGN_OR_RETURN(d.entities.predicted_mentions, f[2].Integer(0));
  IEVAL_RETURN_IF_ERROR(ExpectSize(f[3], 4, "the four modes' counts"));
  const std::vector<JsonValue> modes = f[3].Elements();
  for (size_t m = 0; m < modes.size(); ++m)
    IEVAL_RETURN_IF_ERROR(ReadTyped(modes[m], names_, &d.entities.modes[m]));
  IEVAL_RETURN_IF_ERROR(ExpectSize(f[4], 4, "the four SemEval schemes"));
  const std::vector<JsonValue> schemes = f[4].Elements();
  for (size_t s = 0; s < schemes.size(); ++s) {
    IEVAL_ASSIGN_OR_RETURN(Cursor c, Part(schemes[s], names_));
    SemevalBlock& b = d.entities.semeval[s];
    IEVAL_RETURN_IF_ERROR(ReadSemeval(c, &b.overall));
    while (!c.done()) {
      IEVAL_ASSIGN_OR_RETURN(std::string type, c.Type());
      IEVAL_RETURN_IF_ERROR(ReadSemeval(c, &b.per_type[type]));
    }
  }
  {
    IEVAL_ASSIGN_OR_RETURN(Cursor c, Part(f[5], names_));
    ErrorAnalysis& e = d.entities.errors;
    for (int64_t& n : e.counts) {
      IEVAL_ASSIGN_OR_RETURN(n, c.Whole());
    }
    while (!c.done()) {
      IEVAL_ASSIGN_OR_RETURN(std::string gold, c.Type());
      IEVAL_ASSIGN_OR_RETURN(std::string pred, c.Type());
      IEVAL_ASSIGN_OR_RETURN(int64_t pairs, c.Whole());
      e.confusion[std::make_pair(gold, pred)] = pairs;
    }
  }
  IEVAL_RETURN_IF_ERROR(ExpectSize(f[6], 2, "[strict, boundaries]"));
  const std::vector<JsonValue> relations = f[6].Elements();
  IEVAL_RETURN_IF_ERROR(ReadTyped(relations[0], names_, &d.relations.strict));
  IEVAL_RETURN_IF_ERROR(
      ReadTyped(relations[1], names_, &d.relations.boundaries));
  {
    IEVAL_ASSIGN_OR_RETURN(Cursor c, Part(f[7], names_));
    while (!c.done()) {
      IEVAL_ASSIGN_OR_RETURN(std::string type, c.Type());
      ValueCounts& v = d.values[type];
      IEVAL_ASSIGN_OR_RETURN(v.matched, c.Whole());
      IEVAL_ASSIGN_OR_RETURN(v.correct, c.Whole());
      if (v.correct > v.matched)
        return f[7].Error("more values correct than matched");
    }
  }
  if (f[8].size() > 0) {
    IEVAL_RETURN_IF_ERROR(ExpectSize(
        f[8], 25,
        "[] or 25 cluster counts (16 exact sums, 6 links, 3 mentions)"));
    IEVAL_ASSIGN_OR_RETURN(Cursor c, Part(f[8], names_));
    ClusterCounts& k = d.clusters;
    for (RatioCounts* r : {&k.muc, &k.b3, &k.ceafe, &k.ceafm})
      IEVAL_RETURN_IF_ERROR(ReadRatio(c, r));
    IEVAL_RETURN_IF_ERROR(ReadLinks(c, &k.blanc_coref));
    IEVAL_RETURN_IF_ERROR(ReadLinks(c, &k.blanc_noncoref));
    IEVAL_RETURN_IF_ERROR(ReadPrf(c, &k.mentions));
  } else {
    IEVAL_RETURN_IF_ERROR(f[8].ExpectArray());
  }
  return d;
}

void EncodeExamples(const ErrorAnalysis& errors, std::string* out) {
  *out += '[';
  for (size_t k = 0; k < errors.examples.size(); ++k) {
    if (k > 0) *out += ',';
    *out += '[';
    bool first = true;
    for (const ErrorExample& e : errors.examples[k]) {
      if (!first) *out += ',';
      first = false;
      *out += '[';
      Str(e.doc_id, out);
      *out += ',';
      WriteSide(e.gold, out);
      *out += ',';
      WriteSide(e.pred, out);
      *out += ']';
    }
    *out += ']';
  }
  *out += ']';
}

Status DecodeEnd(const JsonValue& end, int64_t documents, int64_t expected,
                 ErrorAnalysis* examples) {
  IEVAL_RETURN_IF_ERROR(end.OnlyKeys({"end", "examples", "grounding"}));
  IEVAL_ASSIGN_OR_RETURN(JsonValue count, end.Get("end"));
  IEVAL_ASSIGN_OR_RETURN(int64_t n, count.Integer(0));
  if (n != documents || n != expected)
    return count.Error("the file lists " + std::to_string(documents) +
                       " documents, its first line says " +
                       std::to_string(expected) + " and its end line " +
                       std::to_string(n) + ": rerun its shard");
  IEVAL_ASSIGN_OR_RETURN(JsonValue kinds, end.Get("examples"));
  IEVAL_RETURN_IF_ERROR(
      ExpectSize(kinds, kErrorKinds, "the examples of the 6 error kinds"));
  const std::vector<JsonValue> lists = kinds.Elements();
  for (size_t k = 0; k < lists.size(); ++k) {
    IEVAL_RETURN_IF_ERROR(lists[k].ExpectArray());
    for (const JsonValue& e : lists[k].Elements()) {
      IEVAL_RETURN_IF_ERROR(ExpectSize(e, 3, "[doc_id, gold, predicted]"));
      const std::vector<JsonValue> parts = e.Elements();
      ErrorExample example;
      IEVAL_ASSIGN_OR_RETURN(example.doc_id, parts[0].NonEmptyString());
      IEVAL_ASSIGN_OR_RETURN(example.gold, ReadSide(parts[1]));
      IEVAL_ASSIGN_OR_RETURN(example.pred, ReadSide(parts[2]));
      if (!examples->examples[k].empty() &&
          !(examples->examples[k].back() < example))
        return e.Error("examples are listed in order (doc_id, then position)");
      examples->examples[k].push_back(std::move(example));
    }
  }
  return Status::Ok();
}

}  // namespace ieval
