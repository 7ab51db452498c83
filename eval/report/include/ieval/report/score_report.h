// Formatting corpus scores: the `ieval score --json` object (the floor of
// ../shared/INTERFACE.md, extended; the exact shape is in eval/README.md,
// "Span, relation, value and cluster scoring") and the readable tables
// printed without --json. Pure: strings out, no I/O.
#ifndef IEVAL_REPORT_SCORE_REPORT_H_
#define IEVAL_REPORT_SCORE_REPORT_H_

#include <string>
#include <vector>

#include "ieval/score/scorer.h"
#include "ieval/score/units.h"

namespace ieval {

// One JSON object, indented by 1 space when `pretty`, else on one line;
// ends with a newline. `options` are echoed under "options". Without
// `with_documents`, the "documents" array is left empty: for callers that write
// it themselves, document by document (DocumentScoresToJson), on threads
// of their own (report.json of `ieval run`). With `units` (not empty),
// their counts follow under "units" (UnitsToJson). With
// `per_document_file` (not empty), "per_document" follows "documents" and
// names the JSON Lines file that holds the documents' counts instead
// (PerDocumentLine per line; `ieval score --per-document`).
std::string ScoresToJson(const CorpusScores& scores,
                         const ScoreOptions& options, bool pretty = true,
                         bool with_documents = true,
                         const CorpusUnits* units = nullptr,
                         const std::string& per_document_file = "");

// One line of a --per-document file: the document's element of
// "documents" on one line, with its newline.
std::string PerDocumentLine(const DocumentScores& document);

// The "units" object: {"sentences": [...], "mentions": [...]} with the
// units that were counted, each {"doc_id", "start", "entities": {MODE:
// {"tp", "fp", "fn", "per_type": {TYPE: {…}}}}} on one line, zero counts
// left out. Indented as DocumentScoresToJson is, for a value `depth`
// levels deep; `indent` < 0: on one line.
std::string UnitsToJson(const CorpusUnits& units, int indent, int depth);

// The "documents" of a repeated variant's "repeats" (report.json): an
// array per repeat, in order, of every document's counts in doc_id order,
// each {"doc_id", "entities": {MODE: {"tp", "fp", "fn", "per_type"}},
// "relations": {"strict", "boundaries"}, "values": {TYPE: {"matched",
// "correct"}}} on one line, under the keys of the documents' entries,
// zero counts left out. Indented as UnitsToJson.
std::string RepeatDocumentsToJson(
    const std::vector<const CorpusScores*>& repeats, int indent, int depth);

// One element of ScoresToJson's "documents" array, exactly as it appears
// in a JSON text dumped with `indent` spaces per level (nlohmann's dump)
// where the element sits `depth` levels deep: every line after the first
// is indented by (depth + level) * indent spaces. No newline at the end.
// `indent` < 0: on one line (depth ignored).
std::string DocumentScoresToJson(const DocumentScores& document, int indent,
                                 int depth);

// Tables: per mode and type, the SemEval block, relations, values,
// clusters and the error analysis.
std::string ScoresToText(const CorpusScores& scores,
                         const ScoreOptions& options);

}  // namespace ieval

#endif  // IEVAL_REPORT_SCORE_REPORT_H_
