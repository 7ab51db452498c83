#include "ieval/pipeline/doc_id_set.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ieval {
namespace {

constexpr int kBloomHashes = 7;  // for 10 bits per id

// Two independent 64-bit hashes (FNV-1a and a multiply-xorshift of it),
// combined as h1 + i * h2 for the i-th Bloom position.
std::pair<uint64_t, uint64_t> Hashes(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  uint64_t g = h * 0x9E3779B97F4A7C15ULL;
  g ^= g >> 29;
  g *= 0xBF58476D1CE4E5B9ULL;
  g ^= g >> 32;
  return {h, g | 1};
}

}  // namespace

DocIdSet::DocIdSet(size_t chunk) : chunk_(std::max<size_t>(1, chunk)) {}

DocIdSet::~DocIdSet() {
  if (file_ != nullptr) std::fclose(file_);
}

bool DocIdSet::Contains(std::string_view id) const {
  if (recent_.Contains(id)) return true;
  for (const Run& run : runs_)
    if (InRun(run, id)) return true;
  return false;
}

bool DocIdSet::Insert(std::string_view id) {
  if (!runs_.empty()) {
    for (const Run& run : runs_)
      if (InRun(run, id)) return false;
  }
  if (!recent_.Intern(id).second) return false;
  ++size_;
  if (spill_ && recent_.size() >= chunk_) Spill();
  return true;
}

void DocIdSet::Spill() {
  if (file_ == nullptr) {
    file_ = std::tmpfile();  // removed when closed, or when the process ends
    if (file_ == nullptr) return Failed("cannot create it");
  }
  std::vector<std::string_view> ids;
  ids.reserve(recent_.size());
  for (uint32_t i = 0; i < recent_.size(); ++i) ids.push_back(recent_.Name(i));
  std::sort(ids.begin(), ids.end());
  Run run;
  const size_t bits = std::max<size_t>(64, ids.size() * 10);
  run.bloom.assign((bits + 63) / 64, 0);
  const uint64_t nbits = run.bloom.size() * 64;
  if (std::fseek(file_, file_end_, SEEK_SET) != 0) return Failed("cannot seek");
  int64_t offset = file_end_;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string_view id = ids[i];
    auto [h1, h2] = Hashes(id);
    for (int k = 0; k < kBloomHashes; ++k) {
      const uint64_t bit = (h1 + static_cast<uint64_t>(k) * h2) % nbits;
      run.bloom[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    if (i % kStride == 0) {
      run.keys.emplace_back(id);
      run.offsets.push_back(offset);
    }
    const auto length = static_cast<uint32_t>(id.size());
    if (std::fwrite(&length, sizeof length, 1, file_) != 1 ||
        std::fwrite(id.data(), 1, id.size(), file_) != id.size())
      return Failed("cannot write");
    offset += static_cast<int64_t>(sizeof length + id.size());
  }
  if (std::fflush(file_) != 0) return Failed("cannot write");
  run.end = offset;
  file_end_ = offset;
  runs_.push_back(std::move(run));
  recent_ = StringTable();
}

void DocIdSet::Failed(const char* what) const {
  if (status_.ok())
    status_ = Status::IoError(std::string("the temporary file of doc_ids: ") +
                              what + ": " + std::strerror(errno) +
                              " (is the temporary folder, $TMPDIR, full?)");
  spill_ = false;
}

bool DocIdSet::InRun(const Run& run, std::string_view id) const {
  const uint64_t nbits = run.bloom.size() * 64;
  auto [h1, h2] = Hashes(id);
  for (int k = 0; k < kBloomHashes; ++k) {
    const uint64_t bit = (h1 + static_cast<uint64_t>(k) * h2) % nbits;
    if ((run.bloom[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return false;
  }
  // The block whose first id is the last one <= id.
  auto after = std::upper_bound(run.keys.begin(), run.keys.end(), id,
                                [](std::string_view a, const std::string& b) {
                                  return a < std::string_view(b);
                                });
  if (after == run.keys.begin()) return false;
  const size_t block = static_cast<size_t>(after - run.keys.begin()) - 1;
  const int64_t begin = run.offsets[block];
  const int64_t end =
      block + 1 < run.offsets.size() ? run.offsets[block + 1] : run.end;
  std::string bytes(static_cast<size_t>(end - begin), '\0');
  if (std::fseek(file_, begin, SEEK_SET) != 0 ||
      std::fread(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    Failed("cannot read it back");
    return false;
  }
  size_t at = 0;
  while (at + sizeof(uint32_t) <= bytes.size()) {
    uint32_t length;
    std::memcpy(&length, bytes.data() + at, sizeof length);
    at += sizeof length;
    const std::string_view stored(bytes.data() + at, length);
    if (stored == id) return true;
    if (stored > id) return false;
    at += length;
  }
  return false;
}

}  // namespace ieval
