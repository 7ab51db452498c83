// Content hashes that name data in files other runs read back (counts
// files of `ieval score|run --counts-out`, shards of `--shard I/N`). Both
// are FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3)
// over bytes, so a hash depends on nothing but the bytes: the same on every
// run, machine and byte order.
#ifndef IEVAL_IO_CONTENT_HASH_H_
#define IEVAL_IO_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ieval/core/status.h"

namespace ieval {

inline constexpr uint64_t kFnv1a64Basis = 0xcbf29ce484222325ULL;

// FNV-1a 64 of `bytes`, continuing from `hash` (the basis to start).
uint64_t Fnv1a64(std::string_view bytes, uint64_t hash = kFnv1a64Basis);

// "fnv1a64:" and 16 lower-case hex digits: the hash of what is at `path`.
// A file: its bytes. A folder: every regular file below it whose name does
// not start with '.', in byte order of their paths relative to `path`,
// each hashed as its relative path, a NUL byte, its size as 20 decimal
// digits and its bytes — so renaming, moving or editing any of them
// changes the hash. kIoError when something cannot be read.
Result<std::string> HashPathContent(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_IO_CONTENT_HASH_H_
