/* The C ABI of ieval extractor plug-ins: a shared library (.so) exporting
 * one function, ieval_plugin_get(), that returns a table describing the
 * extractor and the functions ieval calls. Written in C (usable from C, C++,
 * Rust, Zig…) and versioned: ieval refuses a table whose abi_version is not
 * the IEVAL_PLUGIN_ABI_VERSION it was built with, naming both, instead of
 * crashing on a changed layout. Any change to a struct below bumps it.
 *
 * Life cycle, all on ieval's side:
 *   table = ieval_plugin_get();
 *   inst  = table->create(options, n, error, size);      once
 *   table->extract(inst, doc_id, text, bytes, &result, error, size);
 *   table->free_result(inst, &result);                    after each extract
 *   table->destroy(inst);                                 once
 * extract may be called from several threads at once when thread_safe is 1;
 * otherwise ieval serialises the calls.
 *
 * Strings are UTF-8 and NUL-terminated, except the document text, which is
 * also given with its length in bytes. Offsets are zero-based, end
 * exclusive, in the unit the table declares. See extractors/README.md and
 * the example in extractors/plugin/example/. */
#ifndef IEVAL_PLUGIN_H_
#define IEVAL_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IEVAL_PLUGIN_ABI_VERSION 1

/* ieval_plugin_table::offset_unit */
#define IEVAL_OFFSET_CODEPOINT 0 /* Unicode code points */
#define IEVAL_OFFSET_BYTE 1      /* bytes of the UTF-8 text */
#define IEVAL_OFFSET_UTF16 2     /* UTF-16 code units */

/* One `--option key=value` given to the plug-in. */
typedef struct ieval_option {
  const char* key;
  const char* value;
} ieval_option;

/* One option the plug-in accepts, for `ieval list` and checking. */
typedef struct ieval_option_spec {
  const char* name;
  const char* type; /* "string", "int", "double" or "bool" */
  const char* default_value;
  const char* help;
} ieval_option_spec;

typedef struct ieval_mention {
  int64_t start;
  int64_t end;
  const char* type;   /* "PER", "ORG", … */
  const char* entity; /* canonical id, or NULL */
  const char* value;  /* normalised value, or NULL */
} ieval_mention;

/* A relation between two mentions of the same result, by index. */
typedef struct ieval_relation {
  const char* type;
  size_t head;
  size_t tail;
} ieval_relation;

/* What extract() fills in. The memory is the plug-in's; ieval copies it and
 * then calls free_result(). `opaque` is for the plug-in's bookkeeping. */
typedef struct ieval_result {
  const ieval_mention* mentions;
  size_t mention_count;
  const ieval_relation* relations;
  size_t relation_count;
  void* opaque;
} ieval_result;

typedef struct ieval_plugin_table {
  uint32_t abi_version; /* IEVAL_PLUGIN_ABI_VERSION */
  const char* name;     /* short, stable; reports show it */
  const char* version;  /* changes whenever the output can change */
  const char* description;
  int offset_unit; /* IEVAL_OFFSET_*: the unit of the mentions returned */
  int thread_safe; /* 1: extract may run concurrently on one instance */
  const ieval_option_spec* options;
  size_t option_count;

  /* Returns an instance, or NULL after writing a NUL-terminated message
   * into error (at most error_size bytes). Options come with their defaults
   * filled in; ieval has rejected unknown names and values of a wrong type. */
  void* (*create)(const ieval_option* options, size_t option_count, char* error,
                  size_t error_size);
  /* Returns 0 and fills *result, or nonzero after writing a message into
   * error (ieval then fails with exit code 3, naming the document). */
  int (*extract)(void* instance, const char* doc_id, const char* text,
                 size_t text_bytes, ieval_result* result, char* error,
                 size_t error_size);
  void (*free_result)(void* instance, ieval_result* result);
  void (*destroy)(void* instance);
} ieval_plugin_table;

/* The one symbol a plug-in exports (extern "C" in C++, #[no_mangle] in
 * Rust). */
#define IEVAL_PLUGIN_ENTRY "ieval_plugin_get"
typedef const ieval_plugin_table* (*ieval_plugin_get_fn)(void);
const ieval_plugin_table* ieval_plugin_get(void);

#ifdef __cplusplus
}
#endif

#endif /* IEVAL_PLUGIN_H_ */
