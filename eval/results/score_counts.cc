#include "ieval/results/score_counts.h"

#include <limits>
#include <string>
#include <string_view>

#include "ieval/core/status_macros.h"

namespace ieval {
namespace {

// How the numbers under a key may look.
enum class Kind { kWhole, kHalves, kAny };

Kind KindOf(const std::string& key, Kind inherited) {
  if (key == "partial") return Kind::kHalves;
  if (key == "clusters") return Kind::kAny;
  return inherited;
}

Status CheckNumber(const JsonValue& v, Kind kind) {
  switch (kind) {
    case Kind::kWhole:
      return v.Count().status();
    case Kind::kHalves:
      return v.Count(0.5).status();
    case Kind::kAny:
      return v.Number(0).status();
  }
  return Status::Ok();
}

// Every value under `v` (a document's counts) is an object of counts or a
// count; arrays hold none.
Status CheckTree(const JsonValue& v, Kind kind) {
  if (v.is_array()) return Status::Ok();
  if (!v.is_object()) return CheckNumber(v, kind);
  for (const auto& [key, child] : v.Members()) {
    IEVAL_RETURN_IF_ERROR(CheckTree(child, KindOf(key, kind)));
  }
  return Status::Ok();
}

// One block of tp, fp, fn and support (an "overall" or a type).
Status CheckBlock(const JsonValue& block, Kind kind) {
  double support = std::numeric_limits<double>::infinity();
  if (auto s = block.Find("support")) {
    IEVAL_ASSIGN_OR_RETURN(support, s->Count());
  }
  for (const char* key : {"tp", "fp", "fn"}) {
    auto v = block.Find(key);
    if (!v) continue;
    IEVAL_ASSIGN_OR_RETURN(const double n,
                           v->Count(kind == Kind::kHalves ? 0.5 : 1));
    if (std::string_view(key) != "fp" && n > support)
      return v->Error("is " + v->Dump() + ", more than the support (" +
                      block.Find("support")->Dump() + ")");
  }
  return Status::Ok();
}

// The overall and per-type blocks of each mode of "entities" or
// "relations".
Status CheckModes(const JsonValue& family) {
  for (const auto& [mode, blocks] : family.Members()) {
    const Kind kind = mode == "partial" ? Kind::kHalves : Kind::kWhole;
    if (auto overall = blocks.Find("overall")) {
      IEVAL_RETURN_IF_ERROR(CheckBlock(*overall, kind));
    }
    if (auto per_type = blocks.Find("per_type")) {
      for (const auto& [type, block] : per_type->Members()) {
        IEVAL_RETURN_IF_ERROR(CheckBlock(block, kind));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckScoreCounts(const JsonValue& scores) {
  IEVAL_ASSIGN_OR_RETURN(const JsonValue documents, scores.Get("documents"));
  return CheckScoreCounts(scores, documents);
}

Status CheckScoreCounts(const JsonValue& scores, const JsonValue& documents) {
  IEVAL_RETURN_IF_ERROR(documents.ExpectArray());
  for (const JsonValue& d : documents.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(const JsonValue id, d.Get("doc_id"));
    IEVAL_RETURN_IF_ERROR(id.NonEmptyString().status());
    for (const auto& [key, value] : d.Members()) {
      if (key == "doc_id") continue;
      IEVAL_RETURN_IF_ERROR(CheckTree(value, KindOf(key, Kind::kWhole)));
    }
  }
  for (const char* family : {"entities", "relations"}) {
    if (auto f = scores.Find(family)) {
      IEVAL_RETURN_IF_ERROR(CheckModes(*f));
    }
  }
  if (auto values = scores.Find("values")) {
    for (const auto& [type, counts] : values->Members()) {
      double matched = std::numeric_limits<double>::infinity();
      if (auto m = counts.Find("matched")) {
        IEVAL_ASSIGN_OR_RETURN(matched, m->Count());
      }
      if (auto c = counts.Find("correct")) {
        IEVAL_ASSIGN_OR_RETURN(const double correct, c->Count());
        if (correct > matched)
          return c->Error("is " + c->Dump() + ", more than \"matched\" (" +
                          counts.Find("matched")->Dump() + ")");
      }
    }
  }
  return Status::Ok();
}

}  // namespace ieval
