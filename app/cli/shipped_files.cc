#include "shipped_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

// Relative paths, set by app/cli/CMakeLists.txt from the configured layout:
// from the build folder of this binary to the source tree, and from the
// installed bindir to the data and plug-in folders.
#ifndef IEVAL_SOURCE_FROM_BINARY
#error "IEVAL_SOURCE_FROM_BINARY must be defined"
#endif
#ifndef IEVAL_DATA_FROM_BINDIR
#error "IEVAL_DATA_FROM_BINDIR must be defined"
#endif
#ifndef IEVAL_PLUGINS_FROM_BINDIR
#error "IEVAL_PLUGINS_FROM_BINDIR must be defined"
#endif

namespace ieval {
namespace fs = std::filesystem;
namespace {

// The folder of the running executable; empty when it cannot be known.
fs::path ExecutableFolder() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool HoldsShippedFiles(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "reports" / "run.json", ec);
}

std::string Clean(const fs::path& p) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(p, ec);
  std::string s = (ec ? p.lexically_normal() : canonical).string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

std::string ShippedFiles::NotFoundMessage() const {
  std::string places;
  for (const std::string& p : looked_in)
    places += (places.empty() ? "" : ", ") + p;
  return "found none of the files ieval ships (looked for reports/run.json "
         "in " +
         places +
         "); install ieval with `cmake --install`, run it from its build "
         "tree, or set IEVAL_DATA_DIR to a folder laid out as the source "
         "tree";
}

Result<std::string> ShippedFiles::Or(const std::string& path,
                                     std::string (ShippedFiles::*shipped)()
                                         const) const {
  if (!path.empty()) return path;
  if (!found()) return Status::Usage(NotFoundMessage());
  return (this->*shipped)();
}

ShippedFiles FindShippedFiles() {
  ShippedFiles files;
  const fs::path exe_dir = ExecutableFolder();
  auto try_root = [&files](const fs::path& dir, const char* origin) {
    if (files.found()) return;
    files.looked_in.push_back(Clean(dir));
    if (HoldsShippedFiles(dir)) {
      files.root = Clean(dir);
      files.origin = origin;
    }
  };
  if (const char* env = std::getenv("IEVAL_DATA_DIR"); env && *env) {
    // Given explicitly: used even when it lacks a file, so the message
    // names it rather than a folder the user did not choose.
    files.looked_in.push_back(Clean(env));
    files.root = Clean(env);
    files.origin = "IEVAL_DATA_DIR";
  }
  if (!exe_dir.empty()) {
    try_root(exe_dir / IEVAL_DATA_FROM_BINDIR, "install prefix");
    try_root(exe_dir / IEVAL_SOURCE_FROM_BINARY, "build tree");
  }

  std::error_code ec;
  auto try_plugins = [&](const fs::path& dir, const char* origin) {
    if (!files.plugin_dir.empty() || dir.empty()) return;
    if (fs::is_directory(dir, ec)) {
      files.plugin_dir = Clean(dir);
      files.plugin_origin = origin;
    }
  };
  if (const char* env = std::getenv("IEVAL_PLUGIN_DIR"); env && *env)
    try_plugins(env, "IEVAL_PLUGIN_DIR");
  if (!exe_dir.empty()) {
    try_plugins(exe_dir / IEVAL_PLUGINS_FROM_BINDIR, "install prefix");
    try_plugins(exe_dir / "plugins", "build tree");
  }
  return files;
}

}  // namespace ieval
