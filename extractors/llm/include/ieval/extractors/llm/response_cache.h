// The `llm` back end's response cache: one file per request, so that a
// rerun is deterministic and free. The key is the request as sent (model,
// messages — prompt, examples and chunk text —, temperature, seed,
// max_tokens, response_format) plus the repeat index of `ieval run
// --repeats`; the base URL and the API key are not part of it, so the same
// model behind another port or key hits the same entries.
//
// A file `<hash>.json` holds {"key": <the key>, "reply": <the reply body>};
// on a read the stored key is compared with the request's, so a hash
// collision is a miss, never a wrong answer. Files are written atomically
// (ieval/io/atomic_file.h): a killed run leaves whole entries or none.
#ifndef IEVAL_EXTRACTORS_LLM_RESPONSE_CACHE_H_
#define IEVAL_EXTRACTORS_LLM_RESPONSE_CACHE_H_

#include <optional>
#include <string>

#include "ieval/core/status.h"

namespace ieval::llm {

class ResponseCache {
 public:
  // `folder` is created on the first Store.
  explicit ResponseCache(std::string folder) : folder_(std::move(folder)) {}

  // The reply stored for `key`, or nullopt (no entry, another key under
  // the same hash, an unreadable entry).
  std::optional<std::string> Lookup(const std::string& key) const;
  Status Store(const std::string& key, const std::string& reply) const;

  // The entry's file name: 32 hex digits of two 64-bit FNV-1a hashes.
  static std::string FileName(const std::string& key);
  const std::string& folder() const { return folder_; }

 private:
  std::string folder_;
};

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_RESPONSE_CACHE_H_
