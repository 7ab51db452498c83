#include "ieval/extractors/llm/answer.h"

#include <algorithm>

#include "ieval/io/json_reader.h"

namespace ieval::llm {
namespace {

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The JSON inside a ```json … ``` (or ``` … ```) fence, else `content`.
std::string_view Unfenced(std::string_view content) {
  std::string_view s = Trim(content);
  if (s.substr(0, 3) != "```" || s.size() < 6 ||
      s.substr(s.size() - 3) != "```")
    return s;
  s = s.substr(3, s.size() - 6);
  const size_t newline = s.find('\n');
  // The language tag ("json") runs to the end of the fence's first line.
  if (newline != std::string_view::npos &&
      s.substr(0, newline).find_first_of("{[") == std::string_view::npos)
    s = s.substr(newline + 1);
  return Trim(s);
}

// The message of a kInvalidInput from JsonValue without the file prefix.
std::string Why(const Status& s) { return s.message(); }

Status ReadEntity(const JsonValue& e, AnsweredEntity* out) {
  if (Status s = e.ExpectObject(); !s.ok()) return s;
  for (auto [key, field] :
       {std::pair{"text", &out->text}, std::pair{"type", &out->type}}) {
    auto value = e.Get(key);
    if (!value.ok()) return value.status();
    auto text = value->NonEmptyString();
    if (!text.ok()) return text.status();
    *field = std::move(*text);
  }
  return Status::Ok();
}

// `entities`: how many entities the answer listed.
Status ReadRelation(const JsonValue& r, size_t entities,
                    AnsweredRelation* out) {
  if (Status s = r.ExpectObject(); !s.ok()) return s;
  auto type = r.Get("type");
  if (!type.ok()) return type.status();
  auto type_text = type->NonEmptyString();
  if (!type_text.ok()) return type_text.status();
  out->type = std::move(*type_text);
  if (entities == 0) return r.Error("a relation without entities");
  for (auto [key, field] :
       {std::pair{"head", &out->head}, std::pair{"tail", &out->tail}}) {
    auto value = r.Get(key);
    if (!value.ok()) return value.status();
    auto index = value->Integer(0, static_cast<int64_t>(entities) - 1);
    if (!index.ok()) return index.status();
    *field = static_cast<size_t>(*index);
  }
  return Status::Ok();
}

}  // namespace

Result<ChatReply> ReadChatReply(std::string_view body) {
  auto doc = JsonDocument::Parse(body, "the server's reply");
  if (!doc.ok())
    return Status::InvalidInput("not JSON: " + doc.status().message());
  const JsonValue root = doc->root();
  if (auto error = root.Find("error")) {
    auto message = error->is_object() ? error->Find("message") : std::nullopt;
    return Status::InvalidInput(
        "the server answered with an error: " +
        (message && message->is_string() ? *message->String() : error->Dump())
            .substr(0, 300));
  }
  auto choices = root.Get("choices");
  if (!choices.ok()) return choices.status();
  if (Status s = choices->ExpectArray(); !s.ok()) return s;
  if (choices->size() == 0) return choices->Error("no choice in the reply");
  const JsonValue first = choices->Elements().front();
  auto message = first.Get("message");
  if (!message.ok()) return message.status();
  auto content = message->Get("content");
  if (!content.ok()) return content.status();
  ChatReply reply;
  if (!content->is_null()) {
    auto text = content->String();
    if (!text.ok()) return text.status();
    reply.content = std::move(*text);
  }
  if (auto usage = root.Find("usage"); usage && usage->is_object()) {
    for (auto [key, out] : {std::pair{"prompt_tokens", &reply.tokens_in},
                            std::pair{"completion_tokens", &reply.tokens_out}})
      if (auto n = usage->Find(key); n && n->is_integer())
        if (auto v = n->Integer(0); v.ok()) *out = *v;
  }
  return reply;
}

ModelAnswer ReadModelAnswer(std::string_view content,
                            const std::vector<std::string>& types) {
  ModelAnswer answer;
  auto doc = JsonDocument::Parse(Unfenced(content), "answer");
  if (!doc.ok()) {
    answer.problems.push_back("the answer is not JSON (" +
                              doc.status().message() + ")");
    return answer;
  }
  const JsonValue root = doc->root();
  auto entities =
      root.is_object()
          ? root.Get("entities")
          : Result<JsonValue>(root.Expected("an object with \"entities\""));
  if (!entities.ok() || !entities->is_array()) {
    answer.problems.push_back(
        "wrong schema: " + (entities.ok() ? Why(entities->Expected("an array"))
                                          : Why(entities.status())));
    return answer;
  }
  answer.usable = true;
  // Indices of the answer's entities into answer.entities (-1: left out).
  std::vector<int64_t> kept;
  for (const JsonValue& e : entities->Elements()) {
    kept.push_back(-1);
    AnsweredEntity entity;
    if (Status s = ReadEntity(e, &entity); !s.ok()) {
      answer.problems.push_back("wrong schema: " + s.message());
      continue;
    }
    if (!types.empty() &&
        std::find(types.begin(), types.end(), entity.type) == types.end()) {
      answer.problems.push_back(e.path() + ": type \"" +
                                entity.type.substr(0, 40) +
                                "\" was not asked for");
      continue;
    }
    kept.back() = static_cast<int64_t>(answer.entities.size());
    answer.entities.push_back(std::move(entity));
  }
  auto relations = root.Find("relations");
  if (!relations || relations->is_null()) return answer;
  if (!relations->is_array()) {
    answer.problems.push_back("wrong schema: " +
                              relations->Expected("an array").message());
    return answer;
  }
  for (const JsonValue& r : relations->Elements()) {
    AnsweredRelation relation;
    if (Status s = ReadRelation(r, kept.size(), &relation); !s.ok()) {
      answer.problems.push_back("wrong schema: " + s.message());
      continue;
    }
    const int64_t head = kept[relation.head];
    const int64_t tail = kept[relation.tail];
    if (head < 0 || tail < 0) continue;  // an end was left out, and said so
    relation.head = static_cast<size_t>(head);
    relation.tail = static_cast<size_t>(tail);
    answer.relations.push_back(std::move(relation));
  }
  return answer;
}

std::vector<Mention> MentionsToGround(const ModelAnswer& answer) {
  std::vector<Mention> mentions;
  mentions.reserve(answer.entities.size());
  for (const AnsweredEntity& e : answer.entities) {
    Mention m;
    m.type = e.type;
    m.text = e.text;
    mentions.push_back(std::move(m));
  }
  return mentions;
}

}  // namespace ieval::llm
