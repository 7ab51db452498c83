// One HTTP POST (or GET) with libcurl, for the `llm` back end: a body out,
// the status, the Retry-After header and the body back, within a timeout.
// Thread-safe: each call has its own curl handle.
#ifndef IEVAL_EXTRACTORS_LLM_HTTP_CLIENT_H_
#define IEVAL_EXTRACTORS_LLM_HTTP_CLIENT_H_

#include <optional>
#include <string>
#include <vector>

namespace ieval::llm {

struct HttpReply {
  // 0 when no answer came (`transport_error` says why: refused, timed out).
  long status = 0;
  std::string transport_error;
  // True when the server could not be reached at all (refused, no such
  // host), as opposed to an answer that came late or broke off.
  bool unreachable = false;
  std::string body;
  // Seconds the server asks to wait (Retry-After: N), when it said so.
  std::optional<double> retry_after;
};

// POSTs `body` as application/json to `url` (GET when `body` is nullopt),
// with `headers` ("Name: value"), giving up after `timeout_seconds`.
// Replies larger than `max_bytes` are cut off and reported as a transport
// error, so that a server streaming without end cannot exhaust memory.
HttpReply HttpRequest(const std::string& url,
                      const std::optional<std::string>& body,
                      const std::vector<std::string>& headers,
                      double timeout_seconds, size_t max_bytes);

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_HTTP_CLIENT_H_
