#include "ieval/extractors/tagger/training_args.h"

#include <string>

#include "ieval/extractors/tagger/dictionary.h"
#include "ieval/extractors/tagger/label_scheme.h"
#include "ieval/extractors/tagger/tagger.h"

namespace ieval::tagger {

Result<TrainOptions> ToTrainOptions(const TrainingArgs& args) {
  const auto scheme = ParseLabelScheme(args.scheme);
  if (!scheme) return Status::Usage("--scheme must be bio or bilou");
  TrainOptions options;
  options.types = args.types;
  options.scheme = *scheme;
  options.epochs = args.epochs;
  options.seed = args.seed;
  options.hash_bits = args.hash_bits;
  if (args.dictionary != "none") {
    if (args.dictionary != CldrPlaceDictionary::kId) {
      return Status::Usage(std::string("--dictionary must be none or ") +
                           CldrPlaceDictionary::kId + ", not '" +
                           args.dictionary + "'");
    }
    auto dict = DictionaryForId(args.dictionary);
    if (!dict.ok()) return dict.status();
    options.dictionary = *dict;
  }
  return options;
}

}  // namespace ieval::tagger
