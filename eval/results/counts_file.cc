// The counts file (counts_file.h): the identity line, the document lines
// (counts_codec.h) and the end line.
#include "ieval/results/counts_file.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "counts_codec.h"
#include "grounding_counts.h"
#include "ieval/core/status_macros.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

using nlohmann::json;

// A problem found at line `line` of `path`: the checked reader's message
// (which names the text it parsed as line 1) put at the file's line.
Status AtLine(const Status& s, const std::string& path, int64_t line) {
  if (s.ok()) return s;
  std::string message = s.message();
  return Status::InvalidInput(message, Where{path, line, s.where().doc_id, ""});
}

Result<std::vector<std::string>> Strings(const JsonValue& v) {
  IEVAL_RETURN_IF_ERROR(v.ExpectArray());
  std::vector<std::string> out;
  for (const JsonValue& e : v.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(std::string s, e.String());
    out.push_back(std::move(s));
  }
  return out;
}

Result<ScoreOptions> ParseOptions(const JsonValue& v, bool* allow_nested,
                                  GroundOptions* ground) {
  IEVAL_RETURN_IF_ERROR(
      v.OnlyKeys({"allow_nested", "ground_policy", "ground_threshold", "map",
                  "max_examples", "min_overlap", "symmetric_relations", "types",
                  "value_types"}));
  ScoreOptions o;
  IEVAL_ASSIGN_OR_RETURN(JsonValue nested, v.Get("allow_nested"));
  IEVAL_ASSIGN_OR_RETURN(*allow_nested, nested.Bool());
  IEVAL_ASSIGN_OR_RETURN(JsonValue policy, v.Get("ground_policy"));
  IEVAL_ASSIGN_OR_RETURN(const std::string policy_name,
                         policy.OneOf({"order", "first", "all"}));
  ground->policy = *ParseGroundPolicy(policy_name);
  IEVAL_ASSIGN_OR_RETURN(JsonValue threshold, v.Get("ground_threshold"));
  IEVAL_ASSIGN_OR_RETURN(ground->fuzzy_threshold, threshold.Number(0));
  IEVAL_ASSIGN_OR_RETURN(JsonValue map, v.Get("map"));
  IEVAL_RETURN_IF_ERROR(map.ExpectObject());
  for (const auto& [from, to] : map.Members()) {
    IEVAL_ASSIGN_OR_RETURN(o.type_map[from], to.String());
  }
  IEVAL_ASSIGN_OR_RETURN(JsonValue max, v.Get("max_examples"));
  IEVAL_ASSIGN_OR_RETURN(int64_t max_examples, max.Integer(-1, 1000000000));
  o.max_examples = static_cast<int>(max_examples);
  IEVAL_ASSIGN_OR_RETURN(JsonValue overlap, v.Get("min_overlap"));
  IEVAL_ASSIGN_OR_RETURN(o.min_overlap, overlap.Number(0, 1));
  IEVAL_ASSIGN_OR_RETURN(JsonValue symmetric, v.Get("symmetric_relations"));
  IEVAL_ASSIGN_OR_RETURN(std::vector<std::string> sym, Strings(symmetric));
  o.symmetric_relations.insert(sym.begin(), sym.end());
  IEVAL_ASSIGN_OR_RETURN(JsonValue types, v.Get("types"));
  IEVAL_ASSIGN_OR_RETURN(o.types, Strings(types));
  IEVAL_ASSIGN_OR_RETURN(JsonValue values, v.Get("value_types"));
  IEVAL_ASSIGN_OR_RETURN(o.value_types, Strings(values));
  return o;
}

struct Header {
  CountsIdentity identity;
  ScoreOptions options;
  GroundOptions ground;
  std::vector<std::string> types;
};

Result<Header> ParseHeader(std::string_view line, const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(JsonDocument doc, JsonDocument::Parse(line, path));
  const JsonValue root = doc.root();
  if (!root.is_object() || !root.Find("ieval_counts"))
    return root.Error(
        "not an ieval counts file (its first line is the object "
        "{\"ieval_counts\": 1, …} that `ieval score --counts-out` writes)");
  IEVAL_RETURN_IF_ERROR(
      root.OnlyKeys({"documents", "gold_hash", "ieval_counts", "ieval_version",
                     "kind", "options", "shard", "types"}));
  Header h;
  CountsIdentity& id = h.identity;
  IEVAL_ASSIGN_OR_RETURN(JsonValue version, root.Get("ieval_counts"));
  IEVAL_ASSIGN_OR_RETURN(int64_t format, version.Integer());
  if (format != kCountsFormatVersion)
    return version.Error("format " + std::to_string(format) +
                         " is not the one this ieval reads (" +
                         std::to_string(kCountsFormatVersion) +
                         "): rerun the shard with this ieval");
  IEVAL_ASSIGN_OR_RETURN(JsonValue kind, root.Get("kind"));
  IEVAL_ASSIGN_OR_RETURN(id.kind, kind.OneOf({"score", "run"}));
  IEVAL_ASSIGN_OR_RETURN(JsonValue ieval, root.Get("ieval_version"));
  IEVAL_ASSIGN_OR_RETURN(id.ieval_version, ieval.NonEmptyString());
  IEVAL_ASSIGN_OR_RETURN(JsonValue hash, root.Get("gold_hash"));
  IEVAL_ASSIGN_OR_RETURN(id.gold_hash, hash.NonEmptyString());
  IEVAL_ASSIGN_OR_RETURN(JsonValue docs, root.Get("documents"));
  IEVAL_ASSIGN_OR_RETURN(id.documents, docs.Integer(0));
  IEVAL_ASSIGN_OR_RETURN(JsonValue shard, root.Get("shard"));
  IEVAL_RETURN_IF_ERROR(shard.ExpectArray());
  const std::vector<JsonValue> in = shard.Elements();
  if (in.size() != 2) return shard.Expected("[I, N] with 1 ≤ I ≤ N");
  IEVAL_ASSIGN_OR_RETURN(id.shard_count, in[1].Integer(1, 1000000));
  IEVAL_ASSIGN_OR_RETURN(id.shard_index, in[0].Integer(1, id.shard_count));
  IEVAL_ASSIGN_OR_RETURN(JsonValue options, root.Get("options"));
  bool allow_nested = false;
  IEVAL_ASSIGN_OR_RETURN(h.options,
                         ParseOptions(options, &allow_nested, &h.ground));
  id.options = options.Dump();
  IEVAL_ASSIGN_OR_RETURN(JsonValue types, root.Get("types"));
  IEVAL_ASSIGN_OR_RETURN(h.types, Strings(types));
  return h;
}

// The file's lines, read one at a time.
class LineReader {
 public:
  explicit LineReader(const std::string& path) : path_(path), in_(path) {}
  bool ok() const { return static_cast<bool>(in_); }
  bool Next(std::string* line) {
    if (!std::getline(in_, *line)) return false;
    ++number_;
    return true;
  }
  int64_t number() const { return number_; }

 private:
  const std::string& path_;
  std::ifstream in_;
  int64_t number_ = 0;
};

Result<Header> ReadHeader(LineReader& lines, const std::string& path) {
  if (!lines.ok()) return Status::IoError("cannot read " + path);
  std::string line;
  if (!lines.Next(&line))
    return Status::InvalidInput(
        "empty: not a counts file (rerun the shard that writes it)",
        Where{path, 0, "", ""});
  auto header = ParseHeader(line, path);
  if (!header.ok()) return AtLine(header.status(), path, 1);
  return header;
}

}  // namespace

std::string ScoreOptionsJson(const ScoreOptions& options, bool allow_nested,
                             const GroundOptions& ground) {
  json o = json::object();
  o["allow_nested"] = allow_nested;
  o["ground_policy"] = GroundPolicyName(ground.policy);
  o["ground_threshold"] = ground.fuzzy_threshold;
  o["map"] = json(options.type_map);
  o["max_examples"] = options.max_examples;
  o["min_overlap"] = options.min_overlap;
  o["symmetric_relations"] = json(options.symmetric_relations);
  o["types"] = json(options.types);
  o["value_types"] = json(options.value_types);
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status WriteScoreCounts(const std::string& path, const CountsIdentity& identity,
                        const CorpusScores& scores,
                        const GroundingSummary& grounding) {
  DocumentCodec codec;
  for (const auto& [id, doc] : scores.documents()) codec.AddTypes(doc);
  json header = json::object();
  header["ieval_counts"] = kCountsFormatVersion;
  header["kind"] = identity.kind;
  header["ieval_version"] = identity.ieval_version;
  header["gold_hash"] = identity.gold_hash;
  header["options"] = json::parse(identity.options);
  header["shard"] = {identity.shard_index, identity.shard_count};
  header["documents"] = scores.documents().size();
  header["types"] = codec.types();
  IEVAL_ASSIGN_OR_RETURN(auto writer, AtomicFileWriter::Open(path));
  IEVAL_RETURN_IF_ERROR(writer->Append(
      header.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"));
  std::string line;
  for (const auto& [id, doc] : scores.documents()) {
    line.clear();
    codec.Encode(doc, &line);
    line += '\n';
    IEVAL_RETURN_IF_ERROR(writer->Append(line));
  }
  line = "{\"end\":" + std::to_string(scores.documents().size()) +
         ",\"examples\":";
  EncodeExamples(scores.total().entities.errors, &line);
  line += ",\"grounding\":";
  EncodeGrounding(grounding, &line);
  line += "}\n";
  IEVAL_RETURN_IF_ERROR(writer->Append(line));
  return writer->Commit();
}

Result<CountsIdentity> ReadCountsIdentity(const std::string& path) {
  LineReader lines(path);
  IEVAL_ASSIGN_OR_RETURN(Header header, ReadHeader(lines, path));
  return header.identity;
}

Result<ScoreCountsFile> ReadScoreCounts(const std::string& path) {
  LineReader lines(path);
  IEVAL_ASSIGN_OR_RETURN(Header header, ReadHeader(lines, path));
  const DocumentCodec codec(header.types);
  std::vector<DocumentScores> documents;
  std::string line;
  bool ended = false;
  ErrorAnalysis examples;
  GroundingSummary grounding;
  grounding.options = header.ground;
  while (lines.Next(&line)) {
    auto doc = JsonDocument::Parse(line, path);
    if (!doc.ok()) return AtLine(doc.status(), path, lines.number());
    const JsonValue root = doc->root();
    if (ended)
      return AtLine(root.Error("a line after the end line"), path,
                    lines.number());
    if (root.is_object()) {
      Status s = DecodeEnd(root, static_cast<int64_t>(documents.size()),
                           header.identity.documents, &examples);
      if (s.ok()) {
        auto summary = root.Get("grounding");
        s = summary.ok() ? DecodeGrounding(*summary, &grounding)
                         : summary.status();
      }
      if (!s.ok()) return AtLine(s, path, lines.number());
      ended = true;
      continue;
    }
    auto decoded = codec.Decode(root);
    if (!decoded.ok()) return AtLine(decoded.status(), path, lines.number());
    if (!documents.empty() && !(documents.back().doc_id < decoded->doc_id))
      return AtLine(root.Error("doc_id \"" + decoded->doc_id +
                               "\" is not after \"" + documents.back().doc_id +
                               "\": documents are listed once each, in "
                               "doc_id order"),
                    path, lines.number());
    documents.push_back(std::move(*decoded));
  }
  if (!ended)
    return Status::InvalidInput(
        "no end line after " + std::to_string(documents.size()) +
            " documents: the file was cut short (rerun its shard)",
        Where{path, lines.number(), "", ""});
  // Each example goes back to its document, so that adding the documents
  // keeps the first examples of the corpus as scoring them did.
  std::map<std::string, ErrorAnalysis> by_document;
  for (size_t k = 0; k < examples.examples.size(); ++k)
    for (ErrorExample& e : examples.examples[k])
      by_document[e.doc_id].examples[k].push_back(std::move(e));
  ScoreCountsFile file{header.identity, header.options,
                       CorpusScores(header.options.max_examples, true),
                       std::move(grounding)};
  for (DocumentScores& d : documents) {
    auto it = by_document.find(d.doc_id);
    if (it != by_document.end()) {
      d.entities.errors.examples = std::move(it->second.examples);
      by_document.erase(it);
    }
    file.scores.Add(std::move(d));
  }
  if (!by_document.empty())
    return Status::InvalidInput("an example names document \"" +
                                    by_document.begin()->first +
                                    "\", which the file does not list",
                                Where{path, lines.number(), "", ""});
  return file;
}

}  // namespace ieval
