// Stand-in so the span branch links: the token-sequence branch brings the
// real `ieval score --conll` (replaced at merge).
#include <iostream>

#include "eval/cli/exit_codes.h"
#include "eval/cli/score_command.h"

namespace ieval {

int RunConllScore(const ScoreArgs&) {
  std::cerr << "ieval score --conll lands with the token-sequence branch\n";
  return kExitBadInput;
}

}  // namespace ieval
