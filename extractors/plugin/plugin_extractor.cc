#include "ieval/extractors/plugin/plugin_extractor.h"

#include <dlfcn.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <system_error>

#include "ieval/core/offset_index.h"
#include "ieval_plugin.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

// Closes the library after the instance is destroyed.
struct Library {
  void* handle = nullptr;
  const ieval_plugin_table* table = nullptr;
  void* instance = nullptr;
  ~Library() {
    if (instance != nullptr) table->destroy(instance);
    if (handle != nullptr) dlclose(handle);
  }
};

std::string String(const char* s) { return s == nullptr ? "" : s; }

class PluginExtractor : public Extractor {
 public:
  PluginExtractor(std::unique_ptr<Library> library, std::string path)
      : library_(std::move(library)), path_(std::move(path)) {}

  std::string Name() const override { return "plugin"; }
  std::string Version() const override {
    return String(library_->table->name) + " " +
           String(library_->table->version);
  }

  Result<Annotations> Extract(const Document& doc) const override {
    const ieval_plugin_table& t = *library_->table;
    ieval_result result{};
    char error[1024] = "";
    int rc;
    {
      std::unique_lock<std::mutex> lock(mutex_, std::defer_lock);
      if (!t.thread_safe) lock.lock();
      rc = t.extract(library_->instance, doc.doc_id.c_str(), doc.text.c_str(),
                     doc.text.size(), &result, error, sizeof error);
    }
    if (rc != 0) {
      error[sizeof error - 1] = '\0';
      return Fail(doc, std::string("reported an error: ") +
                           (error[0] ? error : "(no message)"));
    }
    auto converted = Convert(doc, result);
    t.free_result(library_->instance, &result);
    return converted;
  }

 private:
  Status Fail(const Document& doc, const std::string& what) const {
    Where where;
    where.doc_id = doc.doc_id;
    return Status::ExtractorFailed(
        "plug-in " + String(library_->table->name) + " (" + path_ + ") " + what,
        where);
  }

  Result<Annotations> Convert(const Document& doc,
                              const ieval_result& result) const {
    const OffsetUnit unit = library_->table->offset_unit == IEVAL_OFFSET_BYTE
                                ? OffsetUnit::kByte
                            : library_->table->offset_unit == IEVAL_OFFSET_UTF16
                                ? OffsetUnit::kUtf16
                                : OffsetUnit::kCodepoint;
    const OffsetIndex index(doc.text);
    Annotations out;
    for (size_t i = 0; i < result.mention_count; ++i) {
      const ieval_mention& m = result.mentions[i];
      const auto start = index.ToCodepoint(m.start, unit);
      const auto end = index.ToCodepoint(m.end, unit);
      if (!start || !end || m.type == nullptr) {
        return Fail(
            doc,
            "returned mention #" + std::to_string(i) + " [" +
                std::to_string(m.start) + ", " + std::to_string(m.end) + ") " +
                (m.type == nullptr ? "without a type"
                                   : std::string("outside the text or not on a "
                                                 "character boundary (") +
                                         OffsetUnitName(unit) + ")"));
      }
      Mention mention;
      mention.id = "T" + std::to_string(i + 1);
      mention.start = *start;
      mention.end = *end;
      mention.type = m.type;
      if (m.entity != nullptr) mention.entity = m.entity;
      if (m.value != nullptr) mention.value = m.value;
      out.mentions.push_back(std::move(mention));
    }
    for (size_t i = 0; i < result.relation_count; ++i) {
      const ieval_relation& r = result.relations[i];
      if (r.type == nullptr || r.head >= result.mention_count ||
          r.tail >= result.mention_count) {
        return Fail(doc, "returned relation #" + std::to_string(i) +
                             " without a type or with a mention index past " +
                             std::to_string(result.mention_count));
      }
      out.relations.push_back(
          {r.type, out.mentions[r.head].id, out.mentions[r.tail].id});
    }
    return out;
  }

  std::unique_ptr<Library> library_;
  std::string path_;
  mutable std::mutex mutex_;  // only when the plug-in is not thread-safe
};

Result<std::unique_ptr<Extractor>> Create(const OptionValues& options,
                                          const std::string& plugin_dir) {
  const std::string& given = options.at("path");
  if (given.empty())
    return Status::Usage("extractor 'plugin' needs --option path=LIBRARY.so");
  const std::string path = FindPluginLibrary(given, plugin_dir);
  if (path.empty()) {
    return Status::Unavailable(
        "plug-in library " + given + " not found (nor in " +
        (plugin_dir.empty() ? std::string("a shipped plug-ins folder: none")
                            : "the shipped plug-ins folder " + plugin_dir) +
        "; the example is built with ieval by CMake, see `ieval list`)");
  }
  auto library = std::make_unique<Library>();
  library->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library->handle == nullptr)
    return Status::Usage("cannot load plug-in " + path + ": " + dlerror());
  auto get = reinterpret_cast<ieval_plugin_get_fn>(
      dlsym(library->handle, IEVAL_PLUGIN_ENTRY));
  if (get == nullptr) {
    return Status::Usage("plug-in " + path + " does not export " +
                         IEVAL_PLUGIN_ENTRY +
                         "() (see extractors/plugin/include/ieval_plugin.h)");
  }
  const ieval_plugin_table* table = get();
  if (table == nullptr || table->abi_version != IEVAL_PLUGIN_ABI_VERSION) {
    return Status::Usage(
        "plug-in " + path + " was built for plug-in ABI version " +
        (table ? std::to_string(table->abi_version) : "(none)") +
        "; this ieval speaks version " +
        std::to_string(IEVAL_PLUGIN_ABI_VERSION) + ": rebuild it");
  }
  if (!table->create || !table->extract || !table->free_result ||
      !table->destroy)
    return Status::Usage("plug-in " + path +
                         " has a NULL function in its table");
  library->table = table;

  // The plug-in's own options: defaults, then what was given, checked.
  OptionValues values;
  for (size_t i = 0; i < table->option_count; ++i)
    values[String(table->options[i].name)] =
        String(table->options[i].default_value);
  for (const auto& [key, value] : options) {
    if (key == "path") continue;
    const ieval_option_spec* spec = nullptr;
    for (size_t i = 0; i < table->option_count; ++i) {
      if (key == String(table->options[i].name)) spec = &table->options[i];
    }
    if (spec == nullptr) {
      std::string known = "path";
      for (size_t i = 0; i < table->option_count; ++i)
        known += ", " + String(table->options[i].name);
      return Status::Usage("plug-in " + String(table->name) +
                           " has no option '" + key + "' (options: " + known +
                           ")");
    }
    if (!OptionParsesAs(String(spec->type), value)) {
      return Status::Usage("option '" + key + "' of plug-in " +
                           String(table->name) + " must be a " +
                           String(spec->type) + ", not '" + value + "'");
    }
    values[key] = value;
  }
  std::vector<ieval_option> pairs;
  for (const auto& [key, value] : values)
    pairs.push_back({key.c_str(), value.c_str()});
  char error[1024] = "";
  library->instance =
      table->create(pairs.data(), pairs.size(), error, sizeof error);
  if (library->instance == nullptr) {
    error[sizeof error - 1] = '\0';
    return Status::Usage(
        "plug-in " + String(table->name) + " (" + path +
        ") refused its options: " + (error[0] ? error : "(no message)"));
  }
  return std::unique_ptr<Extractor>(
      new PluginExtractor(std::move(library), path));
}

}  // namespace

std::string FindPluginLibrary(const std::string& path,
                              const std::string& plugin_dir) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path;
  if (plugin_dir.empty()) return "";
  const fs::path shipped = fs::path(plugin_dir) / fs::path(path).filename();
  return fs::is_regular_file(shipped, ec) ? shipped.string() : "";
}

ExtractorInfo PluginExtractorInfo(const std::string& plugin_dir) {
  ExtractorInfo info;
  info.name = "plugin";
  info.description =
      "An extractor in a shared library (C ABI of "
      "extractors/plugin/include/ieval_plugin.h, version " +
      std::to_string(IEVAL_PLUGIN_ABI_VERSION) +
      "); options other than `path` go to the library, which declares them.";
  info.options = {
      {"path", "path", "",
       "the .so file; when it does not exist, its file name is looked up in "
       "the shipped plug-ins folder (`ieval list` shows where; "
       "libieval_acronyms.so is the example)"},
  };
  info.open_options = true;
  info.create = [plugin_dir](const OptionValues& options) {
    return Create(options, plugin_dir);
  };
  return info;
}

}  // namespace ieval
