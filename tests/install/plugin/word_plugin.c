/* An ieval plug-in: every occurrence of the option `word` (default
 * "Russie") as a mention of the option `type` (default LOC), in UTF-8 byte
 * offsets, which ieval converts to code points. */
#include <stdlib.h>
#include <string.h>

#include "ieval_plugin.h"

typedef struct {
  char* word;
  char* type;
} Instance;

static const ieval_option_spec kOptions[] = {
    {"word", "string", "Russie", "the word to find"},
    {"type", "string", "LOC", "the type of its mentions"},
};

static char* Copy(const char* s) {
  char* out = malloc(strlen(s) + 1);
  if (out) strcpy(out, s);
  return out;
}

static void* Create(const ieval_option* options, size_t count, char* error,
                    size_t error_size) {
  Instance* in = calloc(1, sizeof *in);
  for (size_t i = 0; in && i < count; ++i) {
    if (strcmp(options[i].key, "word") == 0) in->word = Copy(options[i].value);
    if (strcmp(options[i].key, "type") == 0) in->type = Copy(options[i].value);
  }
  if (!in || !in->word || !in->type || !in->word[0]) {
    strncpy(error, "word and type must not be empty", error_size - 1);
    error[error_size - 1] = '\0';
    return NULL;
  }
  return in;
}

static int Extract(void* instance, const char* doc_id, const char* text,
                   size_t bytes, ieval_result* result, char* error,
                   size_t error_size) {
  (void)doc_id;
  (void)error;
  (void)error_size;
  const Instance* in = instance;
  const size_t n = strlen(in->word);
  size_t found = 0, room = 8;
  ieval_mention* mentions = malloc(room * sizeof *mentions);
  for (size_t i = 0; mentions && i + n <= bytes; ++i) {
    if (memcmp(text + i, in->word, n) != 0) continue;
    if (found == room) {
      room *= 2;
      mentions = realloc(mentions, room * sizeof *mentions);
      if (!mentions) break;
    }
    mentions[found++] =
        (ieval_mention){(int64_t)i, (int64_t)(i + n), in->type, NULL, NULL};
  }
  result->mentions = mentions;
  result->mention_count = mentions ? found : 0;
  result->relations = NULL;
  result->relation_count = 0;
  result->opaque = mentions;
  return 0;
}

static void FreeResult(void* instance, ieval_result* result) {
  (void)instance;
  free(result->opaque);
}

static void Destroy(void* instance) {
  Instance* in = instance;
  free(in->word);
  free(in->type);
  free(in);
}

static const ieval_plugin_table kTable = {IEVAL_PLUGIN_ABI_VERSION,
                                          "word",
                                          "1",
                                          "every occurrence of one word",
                                          IEVAL_OFFSET_BYTE,
                                          1,
                                          kOptions,
                                          2,
                                          Create,
                                          Extract,
                                          FreeResult,
                                          Destroy};

const ieval_plugin_table* ieval_plugin_get(void) { return &kTable; }
