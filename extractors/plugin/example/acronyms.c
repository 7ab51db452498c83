/* An example ieval plug-in in plain C: every all-capital word of 2 to 8
 * ASCII letters ("OTAN", "KCNA", "ONU") is a mention of type ORG. Built by
 * CMake as plugins/libieval_acronyms.so beside the ieval binary; run it with
 *   ieval extract --extractor plugin --option path=libieval_acronyms.so …
 * It reports byte offsets (IEVAL_OFFSET_BYTE) to show that ieval converts
 * them: « », U+00A0 and ’ are several bytes each but one code point.
 * Copy this file to start a plug-in of your own (extractors/README.md). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ieval_plugin.h"

typedef struct acronyms {
  long min_length;
  long max_length;
  char type[32];
} acronyms;

static const ieval_option_spec kOptions[] = {
    {"min_length", "int", "2", "shortest acronym, in letters"},
    {"max_length", "int", "8", "longest acronym, in letters"},
    {"type", "string", "ORG", "entity type given to every acronym"},
};

/* The code point starting at text[i] (of n bytes), and its length. Invalid
 * bytes never reach a plug-in: ieval checks the text is valid UTF-8. */
static uint32_t decode(const unsigned char* text, size_t i, size_t n,
                       size_t* len) {
  const unsigned char c = text[i];
  size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = k == 1 ? c : k == 2 ? c & 0x1F : k == 3 ? c & 0x0F : c & 0x07;
  if (i + k > n) k = n - i;
  for (size_t j = 1; j < k; ++j) cp = (cp << 6) | (text[i + j] & 0x3F);
  *len = k;
  return cp;
}

/* Whether a code point continues a word: letters and digits (any non-ASCII
 * code point but the usual French punctuation and spaces counts as one). */
static int is_word(uint32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  }
  switch (cp) {
    case 0x00A0: /* no-break space */
    case 0x202F: /* narrow no-break space */
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x2019: /* ’ */
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2026: /* … */
      return 0;
    default:
      return 1;
  }
}

static void* create(const ieval_option* options, size_t count, char* error,
                    size_t error_size) {
  acronyms* self = calloc(1, sizeof *self);
  if (self == NULL) {
    snprintf(error, error_size, "out of memory");
    return NULL;
  }
  for (size_t i = 0; i < count; ++i) {
    if (strcmp(options[i].key, "min_length") == 0) {
      self->min_length = strtol(options[i].value, NULL, 10);
    } else if (strcmp(options[i].key, "max_length") == 0) {
      self->max_length = strtol(options[i].value, NULL, 10);
    } else if (strcmp(options[i].key, "type") == 0) {
      snprintf(self->type, sizeof self->type, "%s", options[i].value);
    }
  }
  if (self->min_length < 1 || self->max_length < self->min_length) {
    snprintf(error, error_size,
             "need 1 <= min_length <= max_length, got %ld and %ld",
             self->min_length, self->max_length);
    free(self);
    return NULL;
  }
  return self;
}

static int extract(void* instance, const char* doc_id, const char* text,
                   size_t bytes, ieval_result* result, char* error,
                   size_t error_size) {
  const acronyms* self = instance;
  const unsigned char* t = (const unsigned char*)text;
  size_t capacity = 16, count = 0;
  ieval_mention* mentions = malloc(capacity * sizeof *mentions);
  if (mentions == NULL) {
    snprintf(error, error_size, "out of memory on %s", doc_id);
    return 1;
  }
  int after_word = 0; /* the previous code point continues a word */
  size_t i = 0;
  while (i < bytes) {
    size_t len = 0;
    const uint32_t cp = decode(t, i, bytes, &len);
    if (after_word || !(cp >= 'A' && cp <= 'Z')) {
      after_word = is_word(cp);
      i += len;
      continue;
    }
    /* A word starts with a capital: take its capitals, then check it ends. */
    size_t end = i;
    while (end < bytes && t[end] >= 'A' && t[end] <= 'Z') ++end;
    size_t next_len = 0;
    const int ends = end == bytes || !is_word(decode(t, end, bytes, &next_len));
    const long letters = (long)(end - i);
    if (ends && letters >= self->min_length && letters <= self->max_length) {
      if (count == capacity) {
        capacity *= 2;
        ieval_mention* grown = realloc(mentions, capacity * sizeof *mentions);
        if (grown == NULL) {
          free(mentions);
          snprintf(error, error_size, "out of memory on %s", doc_id);
          return 1;
        }
        mentions = grown;
      }
      ieval_mention m = {(int64_t)i, (int64_t)end, self->type, NULL, NULL};
      mentions[count++] = m;
    }
    after_word = 1;
    i = end;
  }
  result->mentions = mentions;
  result->mention_count = count;
  result->relations = NULL;
  result->relation_count = 0;
  result->opaque = mentions;
  return 0;
}

static void free_result(void* instance, ieval_result* result) {
  (void)instance;
  free(result->opaque);
}

static void destroy(void* instance) { free(instance); }

static const ieval_plugin_table kTable = {
    IEVAL_PLUGIN_ABI_VERSION,
    "acronyms",
    "1",
    "All-capital words of 2-8 ASCII letters (OTAN, KCNA) as ORG: the example "
    "C plug-in",
    IEVAL_OFFSET_BYTE,
    1,
    kOptions,
    sizeof kOptions / sizeof kOptions[0],
    create,
    extract,
    free_result,
    destroy,
};

const ieval_plugin_table* ieval_plugin_get(void) { return &kTable; }
