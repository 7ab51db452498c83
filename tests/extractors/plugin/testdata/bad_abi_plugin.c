/* A plug-in built for another ABI version: ieval must refuse it by name
 * rather than call through a table whose layout it does not know. */
#include <stddef.h>

#include "ieval_plugin.h"

static const ieval_plugin_table kTable = {IEVAL_PLUGIN_ABI_VERSION + 1,
                                          "future",
                                          "9",
                                          "from the future",
                                          0,
                                          1,
                                          NULL,
                                          0,
                                          NULL,
                                          NULL,
                                          NULL,
                                          NULL};

const ieval_plugin_table* ieval_plugin_get(void) { return &kTable; }
