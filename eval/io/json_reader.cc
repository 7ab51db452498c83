#include "ieval/io/json_reader.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "json_parse.h"

namespace ieval {
namespace {

using nlohmann::json;

const json& Node(const void* node) { return *static_cast<const json*>(node); }

// A number for a message: integers without a fraction, others as the
// shortest text that reads back the same (nlohmann's).
std::string FormatNumber(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    return std::to_string(static_cast<int64_t>(v));
  return json(v).dump();
}

std::string IntegerRange(int64_t min, int64_t max) {
  constexpr int64_t kLowest = std::numeric_limits<int64_t>::min();
  constexpr int64_t kHighest = std::numeric_limits<int64_t>::max();
  if (min == kLowest && max == kHighest) return "an integer";
  if (max == kHighest) return "an integer ≥ " + std::to_string(min);
  if (min == kLowest) return "an integer ≤ " + std::to_string(max);
  return "an integer in [" + std::to_string(min) + ", " + std::to_string(max) +
         "]";
}

std::string NumberRange(double min, double max) {
  const bool low = std::isfinite(min), high = std::isfinite(max);
  if (!low && !high) return "a number";
  if (!high) return "a number ≥ " + FormatNumber(min);
  if (!low) return "a number ≤ " + FormatNumber(max);
  return "a number in [" + FormatNumber(min) + ", " + FormatNumber(max) + "]";
}

// Reads at most `limit` + 1 bytes of `path`: a FIFO or a device has no
// size to check beforehand.
Result<std::string> ReadBounded(const std::string& path, int64_t limit) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr)
    return Status::IoError(std::string("cannot read: ") + std::strerror(errno),
                           Where{path, 0, "", ""});
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
    text.append(buffer, n);
    if (static_cast<int64_t>(text.size()) > limit) break;
  }
  const int error = std::ferror(f) != 0 ? errno : 0;
  std::fclose(f);
  if (error != 0)
    return Status::IoError(std::string("cannot read: ") + std::strerror(error),
                           Where{path, 0, "", ""});
  return text;
}

}  // namespace

int64_t MaxJsonFileBytes() {
  int64_t mib = kDefaultMaxJsonFileMiB;
  if (const char* v = std::getenv(kMaxJsonFileMiBVariable)) {
    char* end = nullptr;
    errno = 0;
    const long long parsed = std::strtoll(v, &end, 10);
    if (errno == 0 && end != v && *end == '\0' && parsed > 0 &&
        parsed <= (int64_t{1} << 30))
      mib = parsed;
  }
  return mib << 20;
}

Status CheckJsonFileSize(int64_t bytes, const std::string& path,
                         std::string_view what) {
  const int64_t limit = MaxJsonFileBytes();
  if (bytes <= limit) return Status::Ok();
  return Status::InvalidInput(
      "larger than the " + std::to_string(limit >> 20) + " MiB that " +
          std::string(what) + " read whole may be (set " +
          kMaxJsonFileMiBVariable + " to a larger number of MiB to raise it)",
      Where{path, 0, "", ""});
}

// JsonValue

const std::string& JsonValue::file() const { return *file_; }
bool JsonValue::is_null() const { return Node(node_).is_null(); }
bool JsonValue::is_bool() const { return Node(node_).is_boolean(); }
bool JsonValue::is_number() const { return Node(node_).is_number(); }
bool JsonValue::is_integer() const { return Node(node_).is_number_integer(); }
bool JsonValue::is_string() const { return Node(node_).is_string(); }
bool JsonValue::is_array() const { return Node(node_).is_array(); }
bool JsonValue::is_object() const { return Node(node_).is_object(); }

std::string JsonValue::Describe() const {
  const json& j = Node(node_);
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case json::value_t::string:
      return "the string " + JsonQuoted(j.get_ref<const std::string&>());
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return j.dump();  // a number
  }
}

Status JsonValue::Error(std::string_view what) const {
  return Status::InvalidInput(path_ + ": " + std::string(what),
                              Where{*file_, 0, "", ""});
}

Status JsonValue::Expected(std::string_view what) const {
  return Error("expected " + std::string(what) + ", not " + Describe());
}

Result<std::string> JsonValue::String() const {
  if (!is_string()) return Expected("a string");
  return Node(node_).get<std::string>();
}

Result<std::string> JsonValue::NonEmptyString() const {
  if (!is_string() || Node(node_).get_ref<const std::string&>().empty())
    return Expected("a non-empty string");
  return Node(node_).get<std::string>();
}

Result<std::string> JsonValue::OneOf(
    std::initializer_list<std::string_view> choices) const {
  if (is_string()) {
    const std::string& s = Node(node_).get_ref<const std::string&>();
    for (std::string_view c : choices)
      if (s == c) return s;
  }
  std::string list;
  size_t i = 0;
  for (std::string_view c : choices) {
    if (i > 0) list += i + 1 == choices.size() ? " or " : ", ";
    list += JsonQuoted(c);
    ++i;
  }
  return Expected(list);
}

Result<bool> JsonValue::Bool() const {
  if (!is_bool()) return Expected("true or false");
  return Node(node_).get<bool>();
}

Result<int64_t> JsonValue::Integer(int64_t min, int64_t max) const {
  const json& j = Node(node_);
  if (!j.is_number_integer() ||
      (j.is_number_unsigned() &&
       j.get<uint64_t>() >
           static_cast<uint64_t>(std::numeric_limits<int64_t>::max())))
    return Expected(IntegerRange(min, max));
  const int64_t v = j.get<int64_t>();
  if (v < min || v > max) return Expected(IntegerRange(min, max));
  return v;
}

Result<uint64_t> JsonValue::Unsigned() const {
  const json& j = Node(node_);
  if (!j.is_number_unsigned()) return Expected("an integer ≥ 0");
  return j.get<uint64_t>();
}

Result<double> JsonValue::Number(double min, double max) const {
  const json& j = Node(node_);
  if (!j.is_number()) return Expected(NumberRange(min, max));
  const double v = j.get<double>();
  if (!std::isfinite(v) || v < min || v > max)
    return Expected(NumberRange(min, max));
  return v;
}

Result<double> JsonValue::Count(double step) const {
  const json& j = Node(node_);
  const double v = j.is_number() ? j.get<double>() : -1;
  if (!std::isfinite(v) || v < 0 || std::fmod(v, step) != 0)
    return Expected(step == 1 ? "a count (an integer ≥ 0)"
                              : "a count (a multiple of " + FormatNumber(step) +
                                    " ≥ 0)");
  return v;
}

JsonValue JsonValue::Child(const void* node, std::string step) const {
  return JsonValue(node, file_, path_ + step);
}

std::optional<JsonValue> JsonValue::Find(std::string_view key) const {
  const json& j = Node(node_);
  if (!j.is_object()) return std::nullopt;
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  return Child(&*it, JsonPathKey(key));
}

Result<JsonValue> JsonValue::Get(std::string_view key) const {
  if (!is_object()) return Expected("an object");
  if (auto v = Find(key)) return *v;
  return Error("missing " + JsonQuoted(key));
}

Status JsonValue::ExpectObject() const {
  return is_object() ? Status::Ok() : Expected("an object");
}

Status JsonValue::ExpectArray() const {
  return is_array() ? Status::Ok() : Expected("an array");
}

Status JsonValue::OnlyKeys(
    std::initializer_list<std::string_view> allowed) const {
  if (!is_object()) return Expected("an object");
  for (const auto& [key, value] : Node(node_).items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (known) continue;
    std::vector<std::string_view> sorted(allowed);
    std::sort(sorted.begin(), sorted.end());
    std::string list;
    for (std::string_view a : sorted)
      list += (list.empty() ? "" : ", ") + std::string(a);
    return Error("unknown key " + JsonQuoted(key) + " (known: " + list + ")");
  }
  return Status::Ok();
}

std::vector<std::pair<std::string, JsonValue>> JsonValue::Members() const {
  std::vector<std::pair<std::string, JsonValue>> members;
  const json& j = Node(node_);
  if (!j.is_object()) return members;
  members.reserve(j.size());
  for (const auto& [key, value] : j.items())
    members.emplace_back(key, Child(&value, JsonPathKey(key)));
  return members;
}

std::vector<JsonValue> JsonValue::Elements() const {
  std::vector<JsonValue> elements;
  const json& j = Node(node_);
  if (!j.is_array()) return elements;
  elements.reserve(j.size());
  for (size_t i = 0; i < j.size(); ++i)
    elements.push_back(Child(&j[i], "[" + std::to_string(i) + "]"));
  return elements;
}

size_t JsonValue::size() const {
  const json& j = Node(node_);
  return j.is_array() || j.is_object() ? j.size() : 0;
}

std::string JsonValue::Dump() const {
  return Node(node_).dump(-1, ' ', false, json::error_handler_t::replace);
}

// JsonDocument

struct JsonDocument::Tree {
  json root;
  std::string file;
};

JsonDocument::JsonDocument(std::unique_ptr<Tree> tree)
    : tree_(std::move(tree)) {}
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;
JsonDocument::~JsonDocument() = default;

JsonValue JsonDocument::root() const {
  return JsonValue(&tree_->root, &tree_->file, "$");
}

const std::string& JsonDocument::file() const { return tree_->file; }

Result<JsonDocument> JsonDocument::Parse(std::string_view text,
                                         std::string file) {
  if (Status s = CheckJsonFileSize(static_cast<int64_t>(text.size()), file);
      !s.ok())
    return s;
  auto tree = std::make_unique<Tree>();
  tree->file = std::move(file);
  JsonParseError error;
  if (!ParseJsonTree(text, kMaxJsonDepth, &tree->root, &error)) {
    const auto [line, column] = JsonLineColumn(text, error.byte);
    return Status::InvalidInput(JsonErrorMessage(error, column),
                                Where{tree->file, line, "", ""});
  }
  return JsonDocument(std::move(tree));
}

Result<std::string> ReadJsonFileText(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec)
      if (Status s = CheckJsonFileSize(static_cast<int64_t>(size), path);
          !s.ok())
        return s;
  }
  auto text = ReadBounded(path, MaxJsonFileBytes());
  if (!text.ok()) return text.status();
  if (Status s = CheckJsonFileSize(static_cast<int64_t>(text->size()), path);
      !s.ok())
    return s;
  return text;
}

Result<JsonDocument> JsonDocument::Read(const std::string& path) {
  auto text = ReadJsonFileText(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

}  // namespace ieval
