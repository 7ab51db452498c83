// The prompt of the `llm` back end: a template file in which `{{text}}`
// (the chunk), `{{types}}` (the entity types asked for, comma-separated)
// and `{{examples}}` (the few-shot examples) are replaced, and the few-shot
// examples file:
//
//   {"examples": [{"text": "Kim Jong-un est à Pyongyang.",
//                  "entities": [{"text": "Kim Jong-un", "type": "PER"},
//                               {"text": "Pyongyang", "type": "LOC"}]}]}
//
// Each example is rendered as "Text:\n…\nAnswer:\n{json}\n" (the answer in
// the format the model is asked for), separated by blank lines.
#ifndef IEVAL_EXTRACTORS_LLM_PROMPT_H_
#define IEVAL_EXTRACTORS_LLM_PROMPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"

namespace ieval::llm {

// The template used when the `prompt` option is empty.
extern const char kDefaultPromptTemplate[];

class Prompt {
 public:
  // `template_path` empty: kDefaultPromptTemplate. `examples_path` empty:
  // no examples. Errors (kInvalidInput / kIoError) name the file: a
  // template without {{text}}, an unknown {{placeholder}}, an examples file
  // that is not as above.
  static Result<Prompt> Load(const std::string& template_path,
                             const std::string& examples_path,
                             const std::vector<std::string>& types);

  // The template with `text` and the rest filled in.
  std::string Render(std::string_view text) const;

 private:
  std::string template_;  // {{types}} and {{examples}} already replaced
};

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_PROMPT_H_
