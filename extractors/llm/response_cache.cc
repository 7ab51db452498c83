#include "ieval/extractors/llm/response_cache.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "ieval/io/atomic_file.h"
#include "ieval/io/json_reader.h"

namespace ieval::llm {
namespace {

uint64_t Fnv1a(const std::string& s, uint64_t basis) {
  uint64_t h = basis;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

std::string ResponseCache::FileName(const std::string& key) {
  char name[40];
  std::snprintf(
      name, sizeof name, "%016llx%016llx",
      static_cast<unsigned long long>(Fnv1a(key, 0xcbf29ce484222325ULL)),
      static_cast<unsigned long long>(Fnv1a(key, 0x84222325cbf29ce4ULL)));
  return std::string(name) + ".json";
}

std::optional<std::string> ResponseCache::Lookup(const std::string& key) const {
  const std::string path =
      (std::filesystem::path(folder_) / FileName(key)).string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  auto doc = JsonDocument::Read(path);
  if (!doc.ok()) return std::nullopt;
  auto stored_key = doc->root().Find("key");
  auto reply = doc->root().Find("reply");
  if (!stored_key || !reply || !stored_key->is_string() || !reply->is_string())
    return std::nullopt;
  if (*stored_key->String() != key) return std::nullopt;
  return *reply->String();
}

Status ResponseCache::Store(const std::string& key,
                            const std::string& reply) const {
  const nlohmann::json entry = {{"key", key}, {"reply", reply}};
  const std::string path =
      (std::filesystem::path(folder_) / FileName(key)).string();
  return WriteFileAtomically(
      path,
      entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
          "\n");
}

}  // namespace ieval::llm
