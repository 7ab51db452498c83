// ConllReader::Scan: the reader's loop fused with a scorer's. A scorer
// needs three things of a line: is it a sentence boundary, its last two
// columns, its number. Next() makes a view of every column and checks the
// line against conlleval.pl's rules; in a regular file nearly every line
// passes the same checks, so Scan reads such a line straight from the
// byte index (byte_index.h: the offsets of every delimiter and '\n') and
// hands the scorer two views, inlined into the scorer's own loop. Any
// other line goes through Next(), so both give the same lines and errors
// (tests/eval/sequence/conll_scan_test.cc compares them).
//
// Included by the sources of the scorers that call Scan (a template: the
// visitor's calls are inlined into the loop).
#ifndef IEVAL_SEQUENCE_CONLL_SCAN_H_
#define IEVAL_SEQUENCE_CONLL_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ieval/sequence/conll_reader.h"

namespace ieval {

template <typename Visitor>
bool ConllReader::Scan(Visitor& visitor) {
  ConllLine line;
  while (true) {
    // A regular line needs the index (one-byte delimiter) and the column
    // count of the first line with columns (2 or more, else every token
    // line is an error Next() reports).
    if (delimiter_ >= 0 && expected_fields_ >= 2) {
      // The usual column counts as constants: the checks of a line unroll
      // (bench/README.md, "Token-sequence scoring (CoNLL)").
      switch (expected_fields_) {
        case 3:
          ScanRegular<3>(visitor);
          break;
        case 4:
          ScanRegular<4>(visitor);
          break;
        case 5:
          ScanRegular<5>(visitor);
          break;
        default:
          ScanRegular<0>(visitor);
          break;
      }
    }
    if (!Next(&line)) return error_ == ConllError::kNone;
    if (line.boundary()) {
      visitor.Boundary();
    } else {
      visitor.Token(line.gold(), line.pred(), line.number, line.docstart());
    }
  }
}

// A line is regular when, after the first, it is
//   - empty: a boundary with no columns (Next: blank, no count check), or
//   - its first byte is not '-' (no -X- or -DOCSTART- line), and its
//     expected_fields_ columns all lie in the indexed chunk: the next
//     expected_fields_ offsets of the index are expected_fields_ - 1
//     delimiters then a '\n', and the last column is not empty (Perl
//     would drop a trailing empty column: the count would differ).
// Next() then makes the same columns, passes both checks, and the line is
// a token whose last two columns lie between the last two delimiters and
// the '\n'. Anything else (a chunk's or the buffer's end, another count,
// a special first field) returns to Scan, which reads one line by Next().
// kFields is expected_fields_ when known at compile time, else 0.
template <size_t kFields, typename Visitor>
[[gnu::always_inline]] inline void ConllReader::ScanRegular(Visitor& visitor) {
  // Locals, not members: the visitor's stores could alias the members.
  const char* const data = buffer_.get();
  const uint32_t* const positions = positions_.get();
  const size_t count = position_count_;
  const size_t base = position_base_;
  const size_t fields = kFields != 0 ? kFields : expected_fields_;
  size_t k = next_position_;  // the first offset at or after `start`
  size_t start = begin_;
  int64_t number = line_number_;
  while (k + fields <= count) {
    const char first = data[start];
    if (first == '\n') {
      // k < count, so `start` is indexed: positions[k] is this '\n'.
      ++number;
      visitor.Boundary();
      ++k;
      ++start;
      continue;
    }
    const uint32_t* const line = positions + k;
    const size_t end = base + line[fields - 1];
    const size_t last = base + line[fields - 2];  // the last delimiter
    bool regular = (data[end] == '\n') & (first != '-') & (last + 1 < end);
    for (size_t i = 0; i + 1 < fields; ++i)
      regular &= data[base + line[i]] != '\n';
    if (!regular) break;
    const size_t gold = fields == 2 ? start : base + line[fields - 3] + 1;
    ++number;
    visitor.Token(std::string_view(data + gold, last - gold),
                  std::string_view(data + last + 1, end - last - 1), number,
                  false);
    k += fields;
    start = end + 1;
  }
  begin_ = start;
  next_position_ = k;
  line_number_ = number;
}

}  // namespace ieval

#endif  // IEVAL_SEQUENCE_CONLL_SCAN_H_
