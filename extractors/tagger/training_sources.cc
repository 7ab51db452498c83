#include "ieval/extractors/tagger/training_sources.h"

#include <filesystem>
#include <ostream>
#include <utility>

#include "ieval/extractors/tagger/names_only.h"
#include "ieval/io/brat_reader.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/iob_reader.h"
#include "ieval/text/segmenter.h"

namespace ieval::tagger {

std::string SourceName(const std::string& path) {
  std::filesystem::path p = std::filesystem::path(path).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  const std::filesystem::path parent = p.parent_path().filename();
  return parent.empty() || parent == ".." || parent == "."
             ? p.filename().string()
             : (parent / p.filename()).string();
}

Result<std::vector<TrainingSource>> LoadTrainingSources(
    const TrainingSourceOptions& options, std::ostream& log) {
  std::vector<TrainingSource> sources;
  const auto scheme = ParseTagScheme(options.iob_scheme);
  if (!scheme) {
    return Status::Usage("--iob-scheme must be IOB1, IOB2 or IOBES, not '" +
                         options.iob_scheme + "'");
  }
  IobReadOptions iob;
  iob.max_sentence_tokens = options.iob_max_sentence;
  iob.sentences_per_document = options.iob_doc_sentences;
  for (const std::string& path : options.iob) {
    auto docs = ReadIobFile(path, *scheme, iob);
    if (!docs.ok()) return docs.status();
    TrainingSource s{SourceName(path), {}};
    for (const TaggedDocument& d : *docs)
      s.docs.push_back(TaggedToAnnotated(d, *scheme));
    sources.push_back(std::move(s));
  }
  BratConversion conversion;
  for (const std::string& pair : options.brat_map) {
    const size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      return Status::Usage("--brat-map takes FROM=TO pairs, not '" + pair +
                           "'");
    conversion.type_map[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  conversion.flatten = true;
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return segmenter.status();
  for (const std::string& path : options.brat) {
    auto docs = ReadBratFolder(path);
    if (!docs.ok()) return docs.status();
    TrainingSource s{SourceName(path), {}};
    NamesOnlyStats stats;
    for (const BratDocument& d : *docs) {
      AnnotatedDocument doc = BratToAnnotated(d, conversion);
      if (options.names_only) doc = NamesOnly(doc, **segmenter, &stats);
      s.docs.push_back(std::move(doc));
    }
    if (options.names_only) {
      log << s.name << ": names only: kept " << stats.kept << " mentions ("
          << stats.trimmed << " cut down to their names), dropped "
          << stats.dropped << " without a name\n";
    }
    sources.push_back(std::move(s));
  }
  for (const std::string& path : options.corpus) {
    std::vector<Status> problems;
    auto corpus = ReadCorpus(path, &problems);
    if (!corpus.ok()) return corpus.status();
    if (!problems.empty()) return problems.front();
    sources.push_back({SourceName(path), std::move(corpus->documents)});
  }
  if (sources.empty())
    return Status::Usage("give at least one of --iob, --brat, --corpus");
  return sources;
}

}  // namespace ieval::tagger
