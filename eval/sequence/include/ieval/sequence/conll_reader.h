// Streaming reader of CoNLL files, conlleval.pl's input: one token a line,
// columns split by FieldSplitter (one ASCII space by default), the last two
// columns the gold and the predicted tag, blank lines and `-X-` lines
// ending sentences. Only one line is held at a time (plus a read buffer that
// grows only for a line longer than it), so memory does not depend on the
// size of the file.
//
// Lines follow Perl's `<STDIN>` + `chomp`: split on '\n', only '\n' is
// removed (a '\r' stays in the last tag), a last line without '\n' counts.
// Column counts are checked as conlleval.pl checks them: the first line with
// any field fixes the count, and any later line with fields but a different
// count is an error; a line that is neither blank nor a `-X-` line needs at
// least two fields.
#ifndef IEVAL_SEQUENCE_CONLL_READER_H_
#define IEVAL_SEQUENCE_CONLL_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/sequence/field_splitter.h"

namespace ieval {

inline constexpr std::string_view kConllBoundary = "-X-";
inline constexpr std::string_view kConllDocStart = "-DOCSTART-";

// One line; the views stay valid until the next call to Next().
struct ConllLine {
  int64_t number = 0;     // 1-based
  std::string_view text;  // without its '\n'
  std::span<const std::string_view> fields;

  // No fields: an empty line, or one made only of delimiters.
  bool blank() const { return fields.empty(); }
  // conlleval.pl's sentence boundary: blank, or the first field is "-X-".
  bool boundary() const { return blank() || fields.front() == kConllBoundary; }
  // A CoNLL-2003 document marker (a token for conlleval.pl, dropped by
  // seqeval loaders).
  bool docstart() const { return !blank() && fields.front() == kConllDocStart; }
  // REQUIRES: !boundary() (the reader guarantees two fields then).
  std::string_view gold() const { return fields[fields.size() - 2]; }
  std::string_view pred() const { return fields.back(); }
};

enum class ConllError {
  kNone,
  kRead,          // the file could not be read
  kFieldCount,    // conlleval.pl: "unexpected number of features: N (M)"
  kTooFewFields,  // conlleval.pl: "unexpected number of features in line …"
};

class ConllReader {
 public:
  // Reads `file` (not owned) and names it `name` in messages.
  ConllReader(std::FILE* file, std::string name, FieldSplitter splitter = {});
  // Opens `path` for reading; "-" is standard input.
  static Result<std::unique_ptr<ConllReader>> Open(const std::string& path,
                                                   FieldSplitter splitter = {});
  ~ConllReader();
  // Not copyable: it owns a buffer that the returned views point into.
  ConllReader(const ConllReader&) = delete;
  ConllReader& operator=(const ConllReader&) = delete;

  // The next line, or false at the end of the input or on an error (then
  // status() says which; reading stops for good).
  bool Next(ConllLine* line);

  // Every remaining line, to `visitor` (defined in conll_scan.h, which the
  // scorers' sources include):
  //   visitor.Boundary()                              a blank or -X- line;
  //   visitor.Token(gold, pred, number, docstart)     any other line.
  // The same lines, in the same order, with the same errors, as Next()
  // gives; but a regular line (the first line's column count, one-byte
  // delimiter, no special first field) is read straight from the index,
  // with no field views. False on an error (status() says which).
  template <typename Visitor>
  bool Scan(Visitor& visitor);

  const Status& status() const { return status_; }
  ConllError error() const { return error_; }
  // For kFieldCount: the offending line's count and the expected count.
  size_t error_field_count() const { return error_fields_; }
  size_t expected_field_count() const { return expected_fields_; }
  // For kTooFewFields: the offending line's text.
  const std::string& error_line() const { return error_line_; }
  const std::string& name() const { return name_; }

 private:
  // Reads more input into the buffer; false at the end or on error.
  bool Fill();
  // The next line and its fields (in fields_[0, *fields)): by memchr and
  // FieldSplitter, or, for a one-byte delimiter, from an index of the
  // buffer (IndexNext: one SIMD pass, byte_index.h, lists the offset of
  // every '\n' and every delimiter of the next 16 KiB, so a line costs a
  // few loads, not a scan, and no mispredicted branch in a regular file).
  // False at the end or on a read error.
  bool SearchLine(std::string_view* text, size_t* fields);
  bool ScanLine(std::string_view* text, size_t* fields);
  void IndexNext();
  // Scan's inner loop: regular lines of the indexed chunk, until one that
  // Next() must read (see conll_scan.h).
  template <size_t kFields, typename Visitor>
  void ScanRegular(Visitor& visitor);
  void Fail(ConllError error, Status status);

  std::FILE* file_;
  bool owns_file_ = false;
  std::string name_;
  FieldSplitter splitter_;
  // Allocated, not zeroed: fread fills it (zeroing touched all its pages
  // on every run, a few milliseconds of start-up even for an empty file).
  std::unique_ptr<char[]> buffer_;
  size_t buffer_size_ = 0;  // data capacity + kPadding
  size_t begin_ = 0;        // first unread byte
  size_t end_ = 0;          // end of the data in buffer_
  size_t scanned_ = 0;      // bytes after begin_ known to hold no '\n'
  bool eof_ = false;
  int64_t line_number_ = 0;
  std::vector<std::string_view> fields_;  // storage for SplitInto
  int delimiter_ = -1;  // the one-byte delimiter ScanLine splits on, or -1
  // ScanLine's index of buffer_[position_base_, indexed_end_): the offsets
  // (from position_base_) of every '\n' and delimiter there, in order.
  std::unique_ptr<uint32_t[]> positions_;  // kIndexChunk + 16, not zeroed
  size_t position_count_ = 0;
  size_t position_base_ = 0;
  size_t indexed_end_ = 0;
  size_t next_position_ = 0;    // the first one at or after begin_
  size_t expected_fields_ = 0;  // 0 until a line with fields is seen
  Status status_;
  ConllError error_ = ConllError::kNone;
  size_t error_fields_ = 0;
  std::string error_line_;
};

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_CONLL_READER_H_
