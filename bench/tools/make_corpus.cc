// make_corpus: writes the synthetic corpus of synthetic.h to files, for
// benchmarks and scale tests (scripts/make-corpus wraps it):
//   gold.jsonl   documents with text, mentions (code points), entity ids,
//                values and relations
//   pred.jsonl   the predictions (no text): the gold perturbed
//   tokens.conll token gold-tag pred-tag (IOB2), blank line between sentences
// Usage: make_corpus [--out DIR] [--docs N | --tokens N] [--seed N]
//                    [--shared DIR]
// --tokens N writes documents until the CoNLL file has at least N tokens.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>

#include "tools/synthetic.h"

int main(int argc, char** argv) {
  std::string out_dir = ".", shared = "../shared";
  uint64_t seed = 1;
  int64_t docs = 1000, tokens = 0;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) {
      std::cerr << "make_corpus: " << flag << " needs a value\n";
      return 2;
    }
    const std::string value = argv[i + 1];
    try {
      if (flag == "--out") {
        out_dir = value;
      } else if (flag == "--shared") {
        shared = value;
      } else if (flag == "--seed") {
        seed = std::stoull(value);
      } else if (flag == "--docs") {
        docs = std::stoll(value);
      } else if (flag == "--tokens") {
        tokens = std::stoll(value);
      } else {
        std::cerr << "make_corpus: unknown option " << flag
                  << " (use --out DIR --docs N|--tokens N --seed N "
                     "--shared DIR)\n";
        return 2;
      }
    } catch (const std::exception&) {
      std::cerr << "make_corpus: " << flag << " needs a number, not '" << value
                << "'\n";
      return 2;
    }
  }
  auto corpus = ieval::SyntheticCorpus::Create(shared, seed);
  if (!corpus.ok()) {
    std::cerr << "make_corpus: " << corpus.status().ToString() << "\n";
    return 2;
  }
  std::ofstream gold(out_dir + "/gold.jsonl", std::ios::binary),
      pred(out_dir + "/pred.jsonl", std::ios::binary),
      conll_file(out_dir + "/tokens.conll", std::ios::binary);
  if (!gold || !pred || !conll_file) {
    std::cerr << "make_corpus: cannot write into " << out_dir << "\n";
    return 2;
  }
  ieval::AnnotatedDocument g, p;
  std::string conll;
  for (int64_t d = 0;
       tokens > 0 ? (*corpus)->tally().tokens < tokens : d < docs; ++d) {
    conll.clear();
    (*corpus)->Next(&g, &p, &conll);
    gold << ieval::SyntheticJsonLine(g) << '\n';
    pred << ieval::SyntheticJsonLine(p) << '\n';
    conll_file << conll;
  }
  const ieval::SyntheticTally& t = (*corpus)->tally();
  std::cout << "make_corpus: " << t.documents << " documents, "
            << t.gold_mentions << " gold mentions, " << t.gold_relations
            << " gold relations, " << t.tokens << " CoNLL tokens\n";
  return gold && pred && conll_file ? 0 : 2;
}
