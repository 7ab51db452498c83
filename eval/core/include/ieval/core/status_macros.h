// Early returns for code that checks many things in a row (readers of
// configs and files read back), so each check stays one line:
//
//   IEVAL_RETURN_IF_ERROR(object.OnlyKeys({"seed", "resamples"}));
//   IEVAL_ASSIGN_OR_RETURN(config.jobs, jobs->Integer(1));
//
// For .cc files only: a macro in a public interface would leak.
#ifndef IEVAL_CORE_STATUS_MACROS_H_
#define IEVAL_CORE_STATUS_MACROS_H_

#include <utility>

#include "ieval/core/status.h"

// Returns the Status of `expr` (a Status) unless it is ok.
#define IEVAL_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::ieval::Status ieval_status_ = (expr);        \
    if (!ieval_status_.ok()) return ieval_status_; \
  } while (false)

#define IEVAL_STATUS_CONCAT_INNER_(a, b) a##b
#define IEVAL_STATUS_CONCAT_(a, b) IEVAL_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (a Result<T>): returns its Status unless it is ok, else
// assigns (or initialises, with a declaration) `lhs` with its value.
#define IEVAL_ASSIGN_OR_RETURN(lhs, expr)                                     \
  IEVAL_ASSIGN_OR_RETURN_IMPL_(IEVAL_STATUS_CONCAT_(ieval_result_, __LINE__), \
                               lhs, expr)
#define IEVAL_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                 \
  if (!result.ok()) return result.status();             \
  lhs = std::move(result).value()

#endif  // IEVAL_CORE_STATUS_MACROS_H_
