// `llm`: an extractor that asks a model behind any OpenAI-compatible
// chat-completions endpoint (llama.cpp's server, vLLM, Ollama, OpenAI,
// Azure OpenAI) for the entities of each document, as strings, and grounds
// the strings in the text (eval/ground) to give them offsets. Options,
// cache, accounting and failure handling: extractors/llm/README.md.
#ifndef IEVAL_EXTRACTORS_LLM_LLM_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_LLM_LLM_EXTRACTOR_H_

#include "ieval/extractors/registry.h"

namespace ieval {

// The registration (name "llm", options, factory) for builtin.cc.
ExtractorInfo LlmExtractorInfo();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_LLM_LLM_EXTRACTOR_H_
