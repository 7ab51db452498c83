#include "ieval/extractors/llm/http_client.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace ieval::llm {
namespace {

struct Sink {
  std::string body;
  size_t max_bytes = 0;
  bool overflow = false;
  std::optional<double> retry_after;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

// Retry-After in seconds (the HTTP-date form is not used by the servers this
// talks to; it is ignored, and the back-off applies).
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  const std::string line(data, n);
  static constexpr char kName[] = "retry-after:";
  if (line.size() > sizeof kName - 1) {
    bool match = true;
    for (size_t i = 0; i + 1 < sizeof kName && match; ++i)
      match = std::tolower(static_cast<unsigned char>(line[i])) == kName[i];
    if (match) {
      const char* begin = line.c_str() + sizeof kName - 1;
      char* end = nullptr;
      const double seconds = std::strtod(begin, &end);
      if (end != begin && seconds >= 0) sink->retry_after = seconds;
    }
  }
  return n;
}

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpReply HttpRequest(const std::string& url,
                      const std::optional<std::string>& body,
                      const std::vector<std::string>& headers,
                      double timeout_seconds, size_t max_bytes) {
  InitOnce();
  HttpReply reply;
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(),
                                              curl_easy_cleanup);
  if (!curl) {
    reply.transport_error = "libcurl could not start a request";
    return reply;
  }
  curl_slist* list = nullptr;
  for (const std::string& h : headers)
    list = curl_slist_append(list, h.c_str());
  if (body) list = curl_slist_append(list, "Content-Type: application/json");
  // Servers that answer 100 Continue slowly would cost a second a request.
  list = curl_slist_append(list, "Expect:");
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> owned(list,
                                                           curl_slist_free_all);
  Sink sink;
  sink.max_bytes = max_bytes;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  if (body) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(body->size()));
  }
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(timeout_seconds * 1000.0 + 0.5));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    reply.transport_error =
        sink.overflow
            ? "the reply exceeds " + std::to_string(max_bytes) + " bytes"
            : std::string(curl_easy_strerror(code));
    reply.unreachable = code == CURLE_COULDNT_CONNECT ||
                        code == CURLE_COULDNT_RESOLVE_HOST ||
                        code == CURLE_COULDNT_RESOLVE_PROXY;
    return reply;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = std::move(sink.body);
  reply.retry_after = sink.retry_after;
  return reply;
}

}  // namespace ieval::llm
