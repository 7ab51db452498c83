#include "ieval/io/content_hash.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace ieval {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kFnv1a64Prime = 0x100000001b3ULL;

Status HashFile(const fs::path& file, uint64_t* hash) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + file.string());
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    *hash = Fnv1a64(
        std::string_view(buffer.data(), static_cast<size_t>(in.gcount())),
        *hash);
  }
  if (in.bad()) return Status::IoError("cannot read " + file.string());
  return Status::Ok();
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes, uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnv1a64Prime;
  }
  return hash;
}

Result<std::string> HashPathContent(const std::string& path) {
  std::error_code ec;
  uint64_t hash = kFnv1a64Basis;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(path, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec))
        files.push_back(it->path().lexically_relative(path).generic_string());
    }
    if (ec) return Status::IoError("cannot list " + path + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      const fs::path full = fs::path(path) / file;
      const uintmax_t size = fs::file_size(full, ec);
      if (ec) return Status::IoError("cannot read " + full.string());
      char digits[24];
      std::snprintf(digits, sizeof digits, "%020ju", size);
      hash = Fnv1a64(file, hash);
      hash = Fnv1a64(std::string_view("\0", 1), hash);
      hash = Fnv1a64(digits, hash);
      if (Status s = HashFile(full, &hash); !s.ok()) return s;
    }
  } else if (fs::is_regular_file(path, ec)) {
    if (Status s = HashFile(path, &hash); !s.ok()) return s;
  } else {
    return Status::IoError("cannot read " + path + ": no such file or folder");
  }
  char text[32];
  std::snprintf(text, sizeof text, "fnv1a64:%016llx",
                static_cast<unsigned long long>(hash));
  return std::string(text);
}

}  // namespace ieval
