#include "shard_counts.h"

#include <filesystem>
#include <iostream>

#include "ieval/io/content_hash.h"
#include "version.h"

namespace ieval {

Result<CountsIdentity> ShardIdentity(const std::string& kind,
                                     const std::string& gold,
                                     const ShardSpec& shard,
                                     const std::string& options) {
  auto hash = HashPathContent(gold);
  if (!hash.ok()) return hash.status();
  CountsIdentity id;
  id.kind = kind;
  id.ieval_version = VersionString();
  id.gold_hash = std::move(*hash);
  id.options = options;
  id.shard_index = shard.index;
  id.shard_count = shard.count;
  return id;
}

std::string IdentityDifference(const CountsIdentity& a, const CountsIdentity& b,
                               bool shard) {
  if (a.kind != b.kind)
    return "one holds `ieval " + a.kind + "` counts, the other `ieval " +
           b.kind + "` counts";
  if (a.gold_hash != b.gold_hash)
    return "the gold differs (" + a.gold_hash + " vs " + b.gold_hash + ")";
  if (a.options != b.options)
    return "the options differ (" + a.options + " vs " + b.options + ")";
  if (a.ieval_version != b.ieval_version)
    return "they were written by different ieval versions (" + a.ieval_version +
           " vs " + b.ieval_version + ")";
  if (a.shard_count != b.shard_count)
    return "they split the gold into different numbers of shards (" +
           std::to_string(a.shard_count) + " vs " +
           std::to_string(b.shard_count) + ")";
  if (shard && a.shard_index != b.shard_index)
    return "they are different shards (" + std::to_string(a.shard_index) +
           " vs " + std::to_string(b.shard_index) + ")";
  return "";
}

std::optional<ScoreCountsFile> CompleteScoreCounts(
    const std::string& command, const std::string& path,
    const CountsIdentity& identity) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  auto file = ReadScoreCounts(path);
  if (!file.ok()) {
    std::cerr << command << ": note: " << file.status().ToString()
              << "; scoring the shard again\n";
    return std::nullopt;
  }
  const std::string differs =
      IdentityDifference(file->identity, identity, /*shard=*/true);
  if (!differs.empty()) {
    std::cerr << command << ": note: " << path
              << " holds other counts: " << differs
              << "; scoring the shard again\n";
    return std::nullopt;
  }
  std::cerr << command << ": note: " << path << " holds the counts of shard "
            << identity.shard_index << "/" << identity.shard_count
            << " of this gold and these options already ("
            << file->identity.documents
            << " documents): not scored again (--force scores it again)\n";
  return std::move(*file);
}

}  // namespace ieval
