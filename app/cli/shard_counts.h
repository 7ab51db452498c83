// The shard and counts-file steps `ieval score` and `ieval run` share:
// the identity a shard's counts file carries, and reusing a counts file a
// previous run completed (a rerun of a sharded job skips the shards that
// are done).
#ifndef IEVAL_APP_CLI_SHARD_COUNTS_H_
#define IEVAL_APP_CLI_SHARD_COUNTS_H_

#include <optional>
#include <string>

#include "ieval/core/status.h"
#include "ieval/pipeline/shard.h"
#include "ieval/results/counts_file.h"

namespace ieval {

// The identity of shard `shard` of the gold at `gold` (its content hashed)
// under `options` (ScoreOptionsJson).
Result<CountsIdentity> ShardIdentity(const std::string& kind,
                                     const std::string& gold,
                                     const ShardSpec& shard,
                                     const std::string& options);

// The counts at `path` when it is a complete, valid score counts file of
// `identity` (any number of documents); nullopt otherwise, having said on
// stderr, after `command`, why it is scored again (a file of other gold,
// options, shard or version, or an invalid one). Absent: nullopt quietly.
std::optional<ScoreCountsFile> CompleteScoreCounts(
    const std::string& command, const std::string& path,
    const CountsIdentity& identity);

// What differs between two identities, for messages ("the gold differs
// (fnv1a64:… vs fnv1a64:…)"); empty when they are of the same shard of
// the same work. `shard` false: the shard index is not compared.
std::string IdentityDifference(const CountsIdentity& a, const CountsIdentity& b,
                               bool shard);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_SHARD_COUNTS_H_
