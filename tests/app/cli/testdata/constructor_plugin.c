/* A library whose constructor, run by dlopen before any plug-in function
 * is called, writes the file named by IEVAL_TEST_CONSTRUCTOR_FILE: the
 * proof that a command loaded it. Not a plug-in (no table). */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void WriteProof(void) {
  const char* path = getenv("IEVAL_TEST_CONSTRUCTOR_FILE");
  if (path == NULL) return;
  FILE* f = fopen(path, "w");
  if (f == NULL) return;
  fputs("loaded\n", f);
  fclose(f);
}
