# Build-time script: turns a text file into a C++ source defining
#   extern const char NAME[] = R"...(<file contents>)...";
# so assets (the HTML report template) stay readable files in the tree and
# still ship inside the binary. Usage:
#   cmake -DINPUT=f.html -DOUTPUT=f.cc -DNAME=kSymbol -P EmbedText.cmake
file(READ "${INPUT}" content)
set(delimiter "ieval_embed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/EmbedText.cmake; do not edit.\n"
  "namespace ieval {\n"
  "extern const char ${NAME}[];\n"
  "const char ${NAME}[] = R\"${delimiter}(${content})${delimiter}\";\n"
  "}  // namespace ieval\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
