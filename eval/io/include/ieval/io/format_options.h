// What every annotation-format reader shares: the names of the formats users
// bring (annotation tools' exports, token columns, our own JSON), the options
// that say where a record's document id or text is, and the repairs a reader
// reports instead of making silently (a unit converted, CRLF adjusted).
//
// Each format has its own reader (eval/io/<format>_format.h); the format
// registry (eval/io/include/ieval/io/formats.h) picks one by name or by
// looking at the input, so every command reads every format the same way.
#ifndef IEVAL_IO_FORMAT_OPTIONS_H_
#define IEVAL_IO_FORMAT_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {

// `auto` is resolved by the registry before any reader runs.
enum class AnnotationFormat {
  kAuto,
  kIeval,        // our JSON / JSONL (../shared/INTERFACE.md)
  kConll,        // token columns
  kBrat,         // a folder of .txt + .ann
  kLabelStudio,  // Label Studio JSON export
  kDoccano,      // doccano JSONL, old and current shapes
  kSpacy,        // spaCy / Prodigy JSONL (`text` + `spans` or `ents`)
  kWebannoTsv,   // WebAnno TSV v3, as INCEpTION exports it
};

// "auto", "ieval", "conll", "brat", "label-studio", "doccano", "spacy",
// "webanno-tsv".
const char* AnnotationFormatName(AnnotationFormat format);
std::optional<AnnotationFormat> ParseAnnotationFormat(std::string_view name);
// Every name ParseAnnotationFormat accepts, for help texts and errors.
std::vector<std::string> AnnotationFormatNames();

// --discontinuous: what to do with a BRAT entity of several fragments
// (`T1 LOC 0 5;10 15`), which ieval's mentions cannot hold.
enum class DiscontinuousMode {
  kError,  // an error naming the .ann file and line (the default)
  kHull,   // one mention from the first fragment's start to the last end
  kSkip,   // left out, counted in the repairs
};

struct FormatReadOptions {
  // --id-field KEY: the record field holding the document id (Label Studio:
  // a key of the task's `data`; doccano and spaCy: a top-level key or
  // `meta.KEY`). Empty: the task id, else the 1-based line number.
  std::string id_field;
  // --annotator: which of a Label Studio task's annotations to take (its
  // `completed_by` id or e-mail). Empty: the task must have exactly one.
  std::string annotator;
  // --ignore-unknown-keys: keys the format does not define are allowed
  // instead of being an error that names them.
  bool ignore_unknown_keys = false;
  // conll: --text DIR holds each document's text as DIR/<doc_id>.txt, to
  // which the tokens are aligned for character offsets. Empty: the gold's
  // text when predictions are read against a gold, else the tokens joined
  // by single spaces.
  std::string text_dir;
  // conll: --tag-column N, the 1-based column holding the tag; 0: the last.
  int tag_column = 0;
  // conll: --scheme (IOB1, IOB2, IOE1, IOE2, IOBES, BILOU; case-insensitive).
  // Empty: IOB2.
  std::string scheme;
  // brat: --discontinuous.
  DiscontinuousMode discontinuous = DiscontinuousMode::kError;
};

// A change a reader made so the input fits ieval's model. Reported once per
// kind with a count and the first place it happened, never silently.
struct FormatRepair {
  std::string what;     // "offsets converted from UTF-16 units to code points"
  int64_t count = 0;    // how many annotations it touched
  std::string example;  // "export.json: task 12: span 3"
};

// Adds one occurrence of `what` at `where` to `repairs` (merging by `what`).
void NoteRepair(std::vector<FormatRepair>* repairs, std::string_view what,
                std::string_view where);

}  // namespace ieval

#endif  // IEVAL_IO_FORMAT_OPTIONS_H_
