#include "json_parse.h"

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace ieval {
namespace {

using nlohmann::json;

// Keys and strings quoted in messages are cut to this many bytes.
constexpr size_t kMaxQuotedBytes = 60;

// Reads the text and remembers how far: nlohmann tells a SAX handler the
// position of a syntax error only, and a refusal (a duplicate key, too
// deep) needs one too.
class CountingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator() = default;
  CountingIterator(const char* p, const char** read) : p_(p), read_(read) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    *read_ = ++p_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& other) const {
    return p_ == other.p_;
  }
  bool operator!=(const CountingIterator& other) const {
    return p_ != other.p_;
  }

 private:
  const char* p_ = nullptr;
  const char** read_ = nullptr;
};

// nlohmann's DOM building (json_sax_dom_parser) plus the refusals.
class TreeBuilder {
 public:
  TreeBuilder(json* root, int max_depth, const char* begin,
              const char* const* read, JsonParseError* error)
      : root_(root),
        max_depth_(max_depth),
        begin_(begin),
        read_(read),
        error_(error) {}

  bool null() { return Place(nullptr) != nullptr; }
  bool boolean(bool b) { return Place(b) != nullptr; }
  bool number_integer(json::number_integer_t n) { return Place(n) != nullptr; }
  bool number_unsigned(json::number_unsigned_t n) {
    return Place(n) != nullptr;
  }
  bool number_float(json::number_float_t x, const json::string_t&) {
    return Place(x) != nullptr;
  }
  bool string(json::string_t& s) { return Place(std::move(s)) != nullptr; }
  bool binary(json::binary_t& b) { return Place(std::move(b)) != nullptr; }
  bool start_object(std::size_t) { return Open(json::value_t::object); }
  bool start_array(std::size_t) { return Open(json::value_t::array); }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool key(json::string_t& key) {
    auto& object = stack_.back()->get_ref<json::object_t&>();
    // try_emplace leaves `key` alone when it is already there.
    auto [it, inserted] = object.try_emplace(std::move(key));
    if (!inserted) return Refuse(Path(), "duplicate key " + JsonQuoted(key));
    member_ = &it->second;
    return true;
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& e) {
    error_->byte = position == 0 ? 0 : position - 1;
    error_->path = "$";
    error_->syntax = true;
    if (e.id == 406) {  // out_of_range: the number overflows a double
      error_->byte =
          position >= last_token.size() ? position - last_token.size() : 0;
      error_->what = "number overflow: a " + std::to_string(last_token.size()) +
                     "-character number beyond the range of a double";
      return false;
    }
    // "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error while parsing value - invalid literal; last read:
    // 'tru'": the position is the caller's to word, and the last token
    // read is the input itself.
    std::string what = e.what();
    if (size_t p = what.find("syntax error"); p != std::string::npos)
      what = what.substr(p);
    const std::string echo = "; last read: '" + last_token + "'";
    if (size_t p = what.find(echo); p != std::string::npos)
      what.erase(p, echo.size());
    error_->what = std::move(what);
    return false;
  }

 private:
  // Adds a value where the parser is: the root, the next element of the
  // innermost array, or the value of the key just read.
  template <typename V>
  json* Place(V&& v) {
    if (stack_.empty()) {
      *root_ = json(std::forward<V>(v));
      return root_;
    }
    json* top = stack_.back();
    if (top->is_array()) {
      auto& array = top->get_ref<json::array_t&>();
      array.emplace_back(std::forward<V>(v));
      return &array.back();
    }
    *member_ = json(std::forward<V>(v));
    return member_;
  }

  bool Open(json::value_t type) {
    if (static_cast<int>(stack_.size()) >= max_depth_)
      return Refuse("", "nested deeper than " + std::to_string(max_depth_) +
                            " levels, the limit of every JSON file ieval "
                            "reads");
    stack_.push_back(Place(type));
    return true;
  }

  bool Refuse(std::string path, std::string what) {
    error_->byte =
        static_cast<size_t>(std::max<std::ptrdiff_t>(0, (*read_ - begin_) - 1));
    error_->path = std::move(path);
    error_->what = std::move(what);
    error_->syntax = false;
    return false;
  }

  // The path of the innermost open container, found from the tree built so
  // far (only when refusing, so reading costs nothing for it).
  std::string Path() const {
    std::string path = "$";
    for (size_t i = 1; i < stack_.size(); ++i) {
      const json* parent = stack_[i - 1];
      const json* child = stack_[i];
      if (parent->is_array()) {
        const auto& array = parent->get_ref<const json::array_t&>();
        path += "[" + std::to_string(child - array.data()) + "]";
        continue;
      }
      for (const auto& [key, value] : parent->items()) {
        if (&value == child) {
          path += JsonPathKey(key);
          break;
        }
      }
    }
    return path;
  }

  json* root_;
  const int max_depth_;
  const char* begin_;
  const char* const* read_;
  JsonParseError* error_;
  std::vector<json*> stack_;  // the open containers, outermost first
  json* member_ = nullptr;    // the value of the key just read
};

}  // namespace

bool ParseJsonTree(std::string_view text, int max_depth, json* out,
                   JsonParseError* error) {
  const char* read = text.data();
  TreeBuilder builder(out, max_depth, text.data(), &read, error);
  const CountingIterator first(text.data(), &read);
  const CountingIterator last(text.data() + text.size(), &read);
  return json::sax_parse(first, last, &builder);
}

std::pair<int64_t, int64_t> JsonLineColumn(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  const int64_t line =
      1 + std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n');
  const size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  const int64_t column = static_cast<int64_t>(
      line_start == std::string_view::npos || pos == 0 ? pos + 1
                                                       : pos - line_start);
  return {line, column};
}

std::string JsonErrorMessage(const JsonParseError& error, int64_t column) {
  if (error.syntax)
    return "invalid JSON at column " + std::to_string(column) + ": " +
           error.what;
  return (error.path.empty() ? "" : error.path + ": ") + error.what +
         " (column " + std::to_string(column) + ")";
}

std::string JsonQuoted(std::string_view s) {
  std::string cut(s);
  if (cut.size() > kMaxQuotedBytes) {
    size_t end = kMaxQuotedBytes;
    while (end > 0 && (static_cast<unsigned char>(cut[end]) & 0xC0) == 0x80)
      --end;
    cut = cut.substr(0, end) + "…";
  }
  return json(cut).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string JsonPathKey(std::string_view key) {
  const bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9') &&
                     std::all_of(key.begin(), key.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '_';
                     });
  if (plain) return "." + std::string(key);
  return "[" + JsonQuoted(key) + "]";
}

}  // namespace ieval
