// The llm back end's readers of what a server answers: the input is a
// document's text, a NUL byte, then a chat-completions reply body (without
// a NUL, the body of an empty text). The reply is read, its content read
// as the model's answer, and the answer's strings grounded in the text, as
// LlmExtractor does; the content is also read directly as an answer.
// Properties: every defect is reported, never a crash; what is kept obeys
// the answer's rules (a text, a type asked for, relation indices in
// range); a grounded string is a span of the text, an ungrounded one has
// none.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"
#include "ieval/extractors/llm/answer.h"
#include "ieval/ground/grounding.h"

namespace ieval {
namespace {

void CheckAnswer(const llm::ModelAnswer& a,
                 const std::vector<std::string>& types) {
  if (!a.usable) {
    fuzz::Require(a.entities.empty() && a.relations.empty(),
                  "nothing of an unusable answer is kept");
    fuzz::Require(!a.problems.empty(), "an unusable answer says why");
    return;
  }
  for (const llm::AnsweredEntity& e : a.entities) {
    fuzz::Require(!e.text.empty(), "a kept entity has a text");
    fuzz::Require(types.empty() || std::find(types.begin(), types.end(),
                                             e.type) != types.end(),
                  "a kept entity has a type asked for");
  }
  for (const llm::AnsweredRelation& r : a.relations)
    fuzz::Require(r.head < a.entities.size() && r.tail < a.entities.size(),
                  "a kept relation's indices name kept entities");
}

void CheckGrounding(std::string_view text, const llm::ModelAnswer& a) {
  const std::vector<Mention> asked = llm::MentionsToGround(a);
  const GroundResult grounded = Ground(text, asked);
  const OffsetIndex index(text);
  for (const GroundedMention& g : grounded.mentions) {
    fuzz::Require(g.source < asked.size(), "a grounded mention has a source");
    if (g.alignment == GroundAlignment::kUngrounded) {
      fuzz::Require(g.mention.start == 0 && g.mention.end == 0,
                    "an ungrounded mention has no span");
      continue;
    }
    fuzz::Require(0 <= g.mention.start && g.mention.start < g.mention.end &&
                      g.mention.end <= index.codepoints(),
                  "a grounded mention is a non-empty span of the text");
    if (g.alignment == GroundAlignment::kExact)
      fuzz::Require(index.Slice(text, g.mention.start, g.mention.end) ==
                        *asked[g.source].text,
                    "an exact grounding is the string itself");
  }
}

}  // namespace
}  // namespace ieval

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nul = input.find('\0');
  std::string_view text, body = input;
  if (nul != std::string_view::npos) {
    text = input.substr(0, nul);
    body = input.substr(nul + 1);
  }
  // Documents are valid UTF-8: the readers refuse any other.
  if (FindInvalidUtf8(text)) return 0;
  const std::vector<std::string> types = {"PER", "LOC", "ORG"};
  for (const auto& asked : {types, std::vector<std::string>{}}) {
    const llm::ModelAnswer direct = llm::ReadModelAnswer(body, asked);
    CheckAnswer(direct, asked);
    CheckGrounding(text, direct);
  }
  auto reply = llm::ReadChatReply(body);
  if (!reply.ok()) return 0;
  fuzz::Require(reply->tokens_in >= 0 && reply->tokens_out >= 0,
                "token counts are not negative");
  const llm::ModelAnswer answer = llm::ReadModelAnswer(reply->content, types);
  CheckAnswer(answer, types);
  CheckGrounding(text, answer);
  return 0;
}
