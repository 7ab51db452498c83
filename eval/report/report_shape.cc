// CheckReportShape (report_text.h): every field of report.json that
// report.md, report.html and the terminal summary read, checked once where
// the file is parsed, so that the renderers can index it as ieval writes it
// and a foreign or hand-edited file fails naming the field:
//   report.json: $.variants[2].throughput: missing "bytes"
#include <string_view>

#include "ieval/core/status_macros.h"
#include "report_text.h"

namespace ieval::report_text {
namespace {

// A number a cell shows: finite, or null (written for a NaN; shown "–").
Status Shown(const JsonValue& v) {
  if (v.is_null()) return Status::Ok();
  return v.Number().status();
}

Status Text(const JsonValue& v) { return v.String().status(); }

Status TextOrNull(const JsonValue& v) {
  return v.is_null() ? Status::Ok() : Text(v);
}

Status AnyValue(const JsonValue&) { return Status::Ok(); }

Status Object(const JsonValue& v) { return v.ExpectObject(); }

// o[key] exists and passes `check`.
template <typename F>
Status Required(const JsonValue& o, std::string_view key, F check) {
  IEVAL_ASSIGN_OR_RETURN(const JsonValue v, o.Get(key));
  return check(v);
}

// o[key], when present, passes `check`.
template <typename F>
Status Optional(const JsonValue& o, std::string_view key, F check) {
  if (auto v = o.Find(key)) return check(*v);
  return Status::Ok();
}

// Every element of an array passes `check`.
template <typename F>
Status EachElement(const JsonValue& array, F check) {
  IEVAL_RETURN_IF_ERROR(array.ExpectArray());
  for (const JsonValue& e : array.Elements()) {
    IEVAL_RETURN_IF_ERROR(check(e));
  }
  return Status::Ok();
}

// Every member of an object passes `check`.
template <typename F>
Status EachMember(const JsonValue& object, F check) {
  IEVAL_RETURN_IF_ERROR(object.ExpectObject());
  for (const auto& [key, v] : object.Members()) {
    IEVAL_RETURN_IF_ERROR(check(v));
  }
  return Status::Ok();
}

// The keys of `o` that all pass `check`, each required.
template <typename F>
Status AllOf(const JsonValue& o, std::initializer_list<std::string_view> keys,
             F check) {
  IEVAL_RETURN_IF_ERROR(o.ExpectObject());
  for (std::string_view key : keys) {
    IEVAL_RETURN_IF_ERROR(Required(o, key, check));
  }
  return Status::Ok();
}

// precision, recall and f1 (a cell "F1 (P / R)").
Status PrfCell(const JsonValue& counts) {
  return AllOf(counts, {"precision", "recall", "f1"}, Shown);
}

// An object of counts whose tp and fp, when there, decide whether the
// variant tried (a "–" cell otherwise), with the f1 shown when it did.
Status TriedCounts(const JsonValue& counts, bool with_f1) {
  if (counts.is_null()) return Status::Ok();
  IEVAL_RETURN_IF_ERROR(counts.ExpectObject());
  for (const char* key : {"tp", "fp"}) {
    IEVAL_RETURN_IF_ERROR(Optional(
        counts, key, [](const JsonValue& v) { return v.Number().status(); }));
  }
  return with_f1 ? Required(counts, "f1", Shown) : Status::Ok();
}

// One side of an error example: null, or a mention with its offsets.
Status ExampleSide(const JsonValue& m) {
  if (m.is_null()) return Status::Ok();
  IEVAL_RETURN_IF_ERROR(m.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Optional(m, "type", Text));
  IEVAL_RETURN_IF_ERROR(Optional(m, "text", Text));
  IEVAL_RETURN_IF_ERROR(Required(m, "start", AnyValue));
  return Required(m, "end", AnyValue);
}

Status Example(const JsonValue& x) {
  IEVAL_RETURN_IF_ERROR(x.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Optional(x, "doc_id", Text));
  IEVAL_RETURN_IF_ERROR(Required(x, "gold", ExampleSide));
  return Required(x, "pred", ExampleSide);
}

Status Errors(const JsonValue& errors) {
  IEVAL_RETURN_IF_ERROR(errors.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Required(errors, "counts", [](const JsonValue& counts) {
    return EachMember(counts,
                      [](const JsonValue& n) { return n.Integer(0).status(); });
  }));
  return Optional(errors, "examples", [](const JsonValue& examples) {
    return EachMember(examples, [](const JsonValue& list) {
      return EachElement(list, Example);
    });
  });
}

// An ok variant's "scores".
Status Scores(const JsonValue& s) {
  IEVAL_RETURN_IF_ERROR(s.ExpectObject());
  IEVAL_ASSIGN_OR_RETURN(const JsonValue entities, s.Get("entities"));
  IEVAL_ASSIGN_OR_RETURN(const JsonValue strict, entities.Get("strict"));
  IEVAL_RETURN_IF_ERROR(Required(strict, "overall", PrfCell));
  IEVAL_RETURN_IF_ERROR(Required(
      strict, "per_type",
      [](const JsonValue& per_type) { return EachMember(per_type, PrfCell); }));
  if (auto partial = entities.Find("partial")) {
    IEVAL_RETURN_IF_ERROR(Optional(*partial, "overall", Object));
  }
  if (auto relations = s.Find("relations")) {
    IEVAL_RETURN_IF_ERROR(relations->ExpectObject());
    if (auto r_strict = relations->Find("strict")) {
      IEVAL_RETURN_IF_ERROR(r_strict->ExpectObject());
      IEVAL_RETURN_IF_ERROR(Optional(
          *r_strict, "overall",
          [](const JsonValue& c) { return TriedCounts(c, /*with_f1=*/true); }));
    }
  }
  IEVAL_RETURN_IF_ERROR(Optional(s, "values", [](const JsonValue& values) {
    return Optional(values, "DATE", [](const JsonValue& date) {
      IEVAL_RETURN_IF_ERROR(
          AllOf(date, {"matched", "correct"},
                [](const JsonValue& n) { return n.Integer(0).status(); }));
      return Required(date, "accuracy", Shown);
    });
  }));
  IEVAL_RETURN_IF_ERROR(Optional(s, "clusters", [](const JsonValue& clusters) {
    IEVAL_RETURN_IF_ERROR(clusters.ExpectObject());
    return Optional(clusters, "mentions", [](const JsonValue& c) {
      return TriedCounts(c, /*with_f1=*/false);
    });
  }));
  return Required(s, "errors", Errors);
}

// A repeated variant's summary: its count, and per metric the spread of
// each of precision, recall and F1 (each repeat's F1 listed).
Status Repeats(const JsonValue& r) {
  IEVAL_RETURN_IF_ERROR(r.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Required(
      r, "count", [](const JsonValue& n) { return n.Integer(1).status(); }));
  return Required(r, "metrics", [](const JsonValue& metrics) {
    return EachMember(metrics, [](const JsonValue& m) {
      IEVAL_RETURN_IF_ERROR(m.ExpectObject());
      for (const char* which : {"precision", "recall"}) {
        IEVAL_RETURN_IF_ERROR(Optional(m, which, [](const JsonValue& w) {
          return AllOf(w, {"mean", "stddev"}, Shown);
        }));
      }
      return Required(m, "f1", [](const JsonValue& f1) {
        IEVAL_RETURN_IF_ERROR(
            AllOf(f1, {"mean", "stddev", "min", "max"}, Shown));
        return Required(f1, "values", [](const JsonValue& values) {
          return EachElement(values, Shown);
        });
      });
    });
  });
}

Status Variant(const JsonValue& v) {
  IEVAL_RETURN_IF_ERROR(v.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Required(v, "name", [](const JsonValue& n) {
    return n.NonEmptyString().status();
  }));
  IEVAL_ASSIGN_OR_RETURN(const JsonValue status_value, v.Get("status"));
  IEVAL_ASSIGN_OR_RETURN(const std::string status,
                         status_value.OneOf({"ok", "failed", "skipped"}));
  IEVAL_RETURN_IF_ERROR(
      Optional(v, "error", status == "ok" ? TextOrNull : Text));
  IEVAL_RETURN_IF_ERROR(Required(v, "throughput", [](const JsonValue& t) {
    IEVAL_RETURN_IF_ERROR(
        AllOf(t, {"documents", "bytes"},
              [](const JsonValue& n) { return n.Number(0).status(); }));
    return AllOf(
        t,
        {"setup_seconds", "wall_seconds", "cpu_seconds", "documents_per_second",
         "megabytes_per_second", "peak_rss_mb"},
        Shown);
  }));
  // report.html drops every variant's per-document counts.
  IEVAL_RETURN_IF_ERROR(Optional(v, "scores", Object));
  if (status != "ok") return Status::Ok();
  IEVAL_RETURN_IF_ERROR(Required(v, "scores", Scores));
  IEVAL_RETURN_IF_ERROR(Optional(v, "repeats", Repeats));
  return Optional(v, "intervals", [](const JsonValue& intervals) {
    return EachMember(intervals, [](const JsonValue& metric) {
      IEVAL_RETURN_IF_ERROR(metric.ExpectObject());
      for (const char* which : {"precision", "recall", "f1"}) {
        IEVAL_RETURN_IF_ERROR(Optional(metric, which, [](const JsonValue& i) {
          if (i.is_null()) return Status::Ok();
          return AllOf(i, {"lower", "upper"}, Shown);
        }));
      }
      return Status::Ok();
    });
  });
}

Status Pair(const JsonValue& p) {
  IEVAL_RETURN_IF_ERROR(AllOf(p, {"a", "b", "verdict"}, Text));
  IEVAL_RETURN_IF_ERROR(AllOf(
      p, {"f1_a", "f1_b", "p_bootstrap", "p_randomization", "p_holm"}, Shown));
  IEVAL_RETURN_IF_ERROR(Optional(
      p, "significant", [](const JsonValue& b) { return b.Bool().status(); }));
  return Required(p, "difference", [](const JsonValue& d) {
    IEVAL_RETURN_IF_ERROR(Required(
        d, "estimate", [](const JsonValue& n) { return n.Number().status(); }));
    return AllOf(d, {"lower", "upper"}, Shown);
  });
}

Status Comparisons(const JsonValue& c) {
  IEVAL_RETURN_IF_ERROR(c.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Optional(c, "metric", Text));
  IEVAL_RETURN_IF_ERROR(Optional(c, "unit", Text));
  IEVAL_RETURN_IF_ERROR(Required(c, "alpha", Shown));
  return Required(c, "pairs", [](const JsonValue& pairs) {
    return EachElement(pairs, Pair);
  });
}

Status BestVariant(const JsonValue& b) {
  if (b.is_null()) return Status::Ok();
  IEVAL_RETURN_IF_ERROR(AllOf(b, {"name", "metric"}, Text));
  return Required(b, "f1", Shown);
}

Status Config(const JsonValue& c) {
  IEVAL_RETURN_IF_ERROR(c.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Required(
      c, "jobs", [](const JsonValue& n) { return n.Integer(1).status(); }));
  return Required(c, "statistics", [](const JsonValue& st) {
    IEVAL_RETURN_IF_ERROR(st.ExpectObject());
    IEVAL_RETURN_IF_ERROR(Optional(st, "confidence", Shown));
    return Required(st, "metrics", [](const JsonValue& metrics) {
      return EachElement(metrics, Text);
    });
  });
}

}  // namespace

Status CheckReportShape(const JsonValue& root) {
  IEVAL_RETURN_IF_ERROR(root.ExpectObject());
  IEVAL_RETURN_IF_ERROR(Optional(root, "ieval_version", Text));
  IEVAL_RETURN_IF_ERROR(Optional(root, "started_at", Text));
  IEVAL_RETURN_IF_ERROR(Required(root, "config", Config));
  IEVAL_RETURN_IF_ERROR(Required(root, "machine", Object));
  IEVAL_RETURN_IF_ERROR(Required(root, "gold", Object));
  IEVAL_RETURN_IF_ERROR(Required(root, "variants", [](const JsonValue& list) {
    return EachElement(list, Variant);
  }));
  IEVAL_RETURN_IF_ERROR(Required(root, "best_variant", BestVariant));
  IEVAL_RETURN_IF_ERROR(Required(root, "comparisons", Comparisons));
  return Required(root, "notes", [](const JsonValue& notes) {
    return EachElement(notes, Text);
  });
}

}  // namespace ieval::report_text
