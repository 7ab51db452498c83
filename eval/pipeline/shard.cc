#include "ieval/pipeline/shard.h"

#include <charconv>

#include "ieval/io/content_hash.h"

namespace ieval {

inline constexpr int64_t kMaxShards = 1000000;

bool ShardSpec::Contains(std::string_view doc_id) const {
  if (count <= 1) return true;
  return Fnv1a64(doc_id) % static_cast<uint64_t>(count) ==
         static_cast<uint64_t>(index - 1);
}

std::string ShardSpec::ToString() const {
  return std::to_string(index) + "/" + std::to_string(count);
}

Result<ShardSpec> ParseShard(std::string_view text) {
  const std::string shown = "--shard " + std::string(text);
  const size_t slash = text.find('/');
  auto number = [](std::string_view s, int64_t* out) {
    if (s.empty()) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
  };
  ShardSpec spec;
  if (slash == std::string_view::npos ||
      !number(text.substr(0, slash), &spec.index) ||
      !number(text.substr(slash + 1), &spec.count))
    return Status::Usage(shown +
                         ": expected I/N, two whole numbers (shard I of N, "
                         "1-based), such as 1/4");
  if (spec.count < 1 || spec.count > kMaxShards)
    return Status::Usage(shown + ": N must be between 1 and " +
                         std::to_string(kMaxShards));
  if (spec.index < 1 || spec.index > spec.count)
    return Status::Usage(shown + ": I is 1-based and at most N: give 1/" +
                         std::to_string(spec.count) + " … " +
                         std::to_string(spec.count) + "/" +
                         std::to_string(spec.count));
  return spec;
}

}  // namespace ieval
