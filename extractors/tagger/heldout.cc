#include "ieval/extractors/tagger/heldout.h"

#include <chrono>
#include <utility>

#include "ieval/extractors/tagger/model.h"
#include "ieval/extractors/tagger/strict_summary.h"
#include "ieval/extractors/tagger/tokens.h"
#include "ieval/io/annotation_json.h"
#include "ieval/text/segmenter.h"

namespace ieval::tagger {

HeldoutSplit SplitHeldout(const std::vector<TrainingSource>& sources,
                          int every) {
  HeldoutSplit split;
  std::string data;  // what the model is trained on
  for (const TrainingSource& s : sources) {
    SourceSplit summary{s.name, static_cast<int64_t>(s.docs.size()), 0, 0};
    for (size_t i = 0; i < s.docs.size(); ++i) {
      summary.mentions +=
          static_cast<int64_t>(s.docs[i].annotations.mentions.size());
      if (every > 0 && (i + 1) % static_cast<size_t>(every) == 0) {
        split.heldout[s.name].push_back(&s.docs[i]);
        ++summary.held_out;
        continue;
      }
      split.train.push_back(s.docs[i]);
      data += SerializeAnnotatedDocument(s.docs[i]);
    }
    split.sources.push_back(std::move(summary));
  }
  split.training_fingerprint = Fingerprint(data);
  return split;
}

Result<TypedCounts> ScoreHeldout(
    const Extractor& tagger, const std::vector<const AnnotatedDocument*>& docs,
    const std::vector<std::string>& types) {
  TypedCounts counts;
  for (const AnnotatedDocument* doc : docs) {
    auto pred = tagger.Extract(doc->document);
    if (!pred.ok()) return pred.status();
    counts += StrictSpanCounts(*doc, *pred, types);
  }
  return counts;
}

Result<TaggingSpeed> MeasureTaggingSpeed(
    const Extractor& tagger, const std::vector<const AnnotatedDocument*>& docs,
    int passes) {
  TaggingSpeed speed;
  for (int pass = 0; pass < passes; ++pass) {
    const auto t0 = std::chrono::steady_clock::now();
    for (const AnnotatedDocument* doc : docs)
      if (auto pred = tagger.Extract(doc->document); !pred.ok())
        return pred.status();
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    if (pass == 0 || s < speed.seconds) speed.seconds = s;
  }
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return segmenter.status();
  for (const AnnotatedDocument* d : docs)
    speed.tokens += static_cast<int64_t>(
        Tokenize(**segmenter, d->document.text).tokens.size());
  return speed;
}

}  // namespace ieval::tagger
