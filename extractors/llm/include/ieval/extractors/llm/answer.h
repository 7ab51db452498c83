// Reading what an OpenAI-compatible server answers: the chat-completions
// reply (the message content and the token usage), then the content, the
// model's own JSON: {"entities": [{"text", "type"}], "relations": [{"type",
// "head", "tail"}]} with head and tail 0-based indices into "entities".
// A model's answer is data from outside: every read is checked
// (ieval/io/json_reader.h) and every defect is reported, never a crash.
#ifndef IEVAL_EXTRACTORS_LLM_ANSWER_H_
#define IEVAL_EXTRACTORS_LLM_ANSWER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval::llm {

struct ChatReply {
  std::string content;     // choices[0].message.content
  int64_t tokens_in = 0;   // usage.prompt_tokens (0 when not reported)
  int64_t tokens_out = 0;  // usage.completion_tokens
};

// The reply body of POST /chat/completions. kInvalidInput saying what is
// wrong: not JSON, no choices[0].message.content, an "error" object.
Result<ChatReply> ReadChatReply(std::string_view body);

struct AnsweredEntity {
  std::string text;
  std::string type;
};

struct AnsweredRelation {
  std::string type;
  size_t head = 0;  // indices into ModelAnswer::entities
  size_t tail = 0;
};

struct ModelAnswer {
  // False when the content is not JSON or not an object with an
  // "entities" array: nothing of it is used.
  bool usable = false;
  std::vector<AnsweredEntity> entities;
  std::vector<AnsweredRelation> relations;
  // Each defect: the whole answer, or one entity or relation left out
  // (a missing or empty text, a type not asked for, an index out of range).
  std::vector<std::string> problems;
};

// The model's content. A ```json … ``` fence around the JSON is removed
// (models add one even when asked not to). Entities whose type is not in
// `types` are left out (and reported) unless `types` is empty.
ModelAnswer ReadModelAnswer(std::string_view content,
                            const std::vector<std::string>& types);

// The answer's entities as mentions to ground: type and text, no offsets,
// in the answer's order (a mention's index is its entity's).
std::vector<Mention> MentionsToGround(const ModelAnswer& answer);

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_ANSWER_H_
