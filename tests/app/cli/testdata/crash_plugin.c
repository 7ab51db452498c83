/* A plug-in that answers its first document with one mention and then
 * dies of SIGSEGV on the second: in ieval's process it ends the run; with
 * `ieval run --isolate` it fails its variant only. */
#include <signal.h>
#include <stddef.h>

#include "ieval_plugin.h"

static int kInstance;
static int answered;
static const ieval_mention kMention = {0, 1, "PER", NULL, NULL};

static void* Create(const ieval_option* options, size_t option_count,
                    char* error, size_t error_size) {
  (void)options, (void)option_count, (void)error, (void)error_size;
  return &kInstance;
}

static int Extract(void* instance, const char* doc_id, const char* text,
                   size_t text_bytes, ieval_result* result, char* error,
                   size_t error_size) {
  (void)instance, (void)doc_id, (void)text, (void)text_bytes, (void)error,
      (void)error_size;
  if (answered++ > 0) raise(SIGSEGV);
  result->mentions = &kMention;
  result->mention_count = 1;
  result->relations = NULL;
  result->relation_count = 0;
  return 0;
}

static void FreeResult(void* instance, ieval_result* result) {
  (void)instance, (void)result;
}

static void Destroy(void* instance) { (void)instance; }

static const ieval_plugin_table kTable = {IEVAL_PLUGIN_ABI_VERSION,
                                          "crash",
                                          "1",
                                          "crashes on its second document",
                                          IEVAL_OFFSET_CODEPOINT,
                                          0,
                                          NULL,
                                          0,
                                          Create,
                                          Extract,
                                          FreeResult,
                                          Destroy};

const ieval_plugin_table* ieval_plugin_get(void) { return &kTable; }
