#include "ieval/extractors/llm/prompt.h"

#include <fstream>
#include <sstream>

#include "ieval/io/json_reader.h"

namespace ieval::llm {

const char kDefaultPromptTemplate[] =
    "Extract the named entities of the text below. Entity types: "
    "{{types}}.\n"
    "Copy each entity exactly as it is written in the text, once per time "
    "it occurs, in the order of the text. Answer with JSON only: "
    "{\"entities\": [{\"text\": \"...\", \"type\": \"...\"}], "
    "\"relations\": []}.\n\n"
    "{{examples}}"
    "Text:\n{{text}}\nAnswer:\n";

namespace {

// Replaces every `{{name}}` of `in` by `value`.
std::string ReplaceAll(std::string in, std::string_view name,
                       std::string_view value) {
  const std::string key = "{{" + std::string(name) + "}}";
  std::string out;
  size_t pos = 0;
  for (size_t at; (at = in.find(key, pos)) != std::string::npos;
       pos = at + key.size()) {
    out.append(in, pos, at - pos);
    out.append(value);
  }
  out.append(in, pos);
  return out;
}

Status CheckPlaceholders(const std::string& text, const std::string& file) {
  if (text.find("{{text}}") == std::string::npos)
    return Status::InvalidInput(
        file +
        ": the prompt template has no {{text}}, so the model would "
        "never see the document; add it where the text goes");
  for (size_t at = text.find("{{"); at != std::string::npos;
       at = text.find("{{", at + 2)) {
    const size_t end = text.find("}}", at);
    const std::string name =
        end == std::string::npos ? "" : text.substr(at + 2, end - at - 2);
    if (name != "text" && name != "types" && name != "examples")
      return Status::InvalidInput(
          file + ": unknown placeholder {{" + name.substr(0, 40) +
          "}} in the prompt template (known: {{text}}, {{types}}, "
          "{{examples}})");
  }
  return Status::Ok();
}

Result<std::string> RenderExamples(const std::string& path) {
  auto doc = JsonDocument::Read(path);
  if (!doc.ok()) return doc.status();
  const JsonValue root = doc->root();
  if (Status s = root.OnlyKeys({"examples"}); !s.ok()) return s;
  auto examples = root.Get("examples");
  if (!examples.ok()) return examples.status();
  if (Status s = examples->ExpectArray(); !s.ok()) return s;
  std::string out;
  for (const JsonValue& example : examples->Elements()) {
    if (Status s = example.OnlyKeys({"text", "entities", "relations"}); !s.ok())
      return s;
    auto text = example.Get("text");
    if (!text.ok()) return text.status();
    auto text_value = text->NonEmptyString();
    if (!text_value.ok()) return text_value.status();
    auto entities = example.Get("entities");
    if (!entities.ok()) return entities.status();
    if (Status s = entities->ExpectArray(); !s.ok()) return s;
    for (const JsonValue& e : entities->Elements()) {
      if (Status s = e.OnlyKeys({"text", "type"}); !s.ok()) return s;
      for (const char* key : {"text", "type"}) {
        auto field = e.Get(key);
        if (!field.ok()) return field.status();
        if (auto v = field->NonEmptyString(); !v.ok()) return v.status();
      }
    }
    std::string answer = "{\"entities\":" + entities->Dump();
    if (auto relations = example.Find("relations")) {
      if (Status s = relations->ExpectArray(); !s.ok()) return s;
      answer += ",\"relations\":" + relations->Dump();
    } else {
      answer += ",\"relations\":[]";
    }
    answer += "}";
    out += "Text:\n" + *text_value + "\nAnswer:\n" + answer + "\n\n";
  }
  return out;
}

}  // namespace

Result<Prompt> Prompt::Load(const std::string& template_path,
                            const std::string& examples_path,
                            const std::vector<std::string>& types) {
  std::string text = kDefaultPromptTemplate;
  if (!template_path.empty()) {
    std::ifstream in(template_path, std::ios::binary);
    if (!in)
      return Status::IoError("cannot read the prompt template " +
                             template_path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  const std::string file =
      template_path.empty() ? "the default prompt" : template_path;
  if (Status s = CheckPlaceholders(text, file); !s.ok()) return s;
  std::string examples;
  if (!examples_path.empty()) {
    auto rendered = RenderExamples(examples_path);
    if (!rendered.ok()) return rendered.status();
    examples = std::move(*rendered);
  }
  std::string joined;
  for (const std::string& t : types) joined += (joined.empty() ? "" : ", ") + t;
  Prompt prompt;
  // {{text}} last: a document holding "{{types}}" stays as written.
  prompt.template_ = ReplaceAll(ReplaceAll(std::move(text), "types", joined),
                                "examples", examples);
  return prompt;
}

std::string Prompt::Render(std::string_view text) const {
  return ReplaceAll(template_, "text", text);
}

}  // namespace ieval::llm
