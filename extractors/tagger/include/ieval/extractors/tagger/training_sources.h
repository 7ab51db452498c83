// The external corpora the tagger is trained on, loaded into annotated
// documents: token-tag column files (CoNLL, Europeana .bio), folders of BRAT
// standoff and ieval annotation files with text. Each file or folder is one
// source, named so that logs and training ids do not depend on where the
// corpora lie on a machine.
#ifndef IEVAL_EXTRACTORS_TAGGER_TRAINING_SOURCES_H_
#define IEVAL_EXTRACTORS_TAGGER_TRAINING_SOURCES_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval::tagger {

// As `ieval train-tagger` takes them (the messages name its options).
struct TrainingSourceOptions {
  std::vector<std::string> iob;     // token-tag column files
  std::vector<std::string> brat;    // folders of .txt/.ann pairs
  std::vector<std::string> corpus;  // annotation files with text
  // Tag scheme of the iob files: IOB1, IOB2 or IOBES.
  std::string iob_scheme = "IOB1";
  // iob files without -DOCSTART-: sentences per (pseudo-)document.
  int iob_doc_sentences = 40;
  // iob files without blank lines: sentences longer than this are cut
  // after . ! ?
  int iob_max_sentence = 80;
  // BRAT type mapping, "FROM=TO" each; unmapped types are dropped. Empty:
  // every type is kept. Nested BRAT spans are flattened (longest wins).
  std::vector<std::string> brat_map;
  // BRAT sources: keep only mentions with a name word, cut down to their
  // names (names_only.h).
  bool names_only = false;
};

struct TrainingSource {
  std::string name;  // SourceName of its path
  std::vector<AnnotatedDocument> docs;
};

// The last two parts of a path: "corpora/fr_litbank/entities/" ->
// "fr_litbank/entities"; just the last when there is no parent.
std::string SourceName(const std::string& path);

// Every iob file, then every BRAT folder, then every corpus, each in the
// order given. Writes one line to `log` per BRAT source read with
// names_only ("<name>: names only: kept …"). kUsage naming the option for
// a bad --iob-scheme or --brat-map and when no source is given; the
// readers' errors (file and line) otherwise, and the first problem of a
// corpus that does not validate.
Result<std::vector<TrainingSource>> LoadTrainingSources(
    const TrainingSourceOptions& options, std::ostream& log);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TRAINING_SOURCES_H_
