
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/buffer.c" "CMakeFiles/aseankg.dir/src/buffer.c.o" "gcc" "CMakeFiles/aseankg.dir/src/buffer.c.o.d"
  "/work/main/src/canonical.c" "CMakeFiles/aseankg.dir/src/canonical.c.o" "gcc" "CMakeFiles/aseankg.dir/src/canonical.c.o.d"
  "/work/main/src/data.c" "CMakeFiles/aseankg.dir/src/data.c.o" "gcc" "CMakeFiles/aseankg.dir/src/data.c.o.d"
  "/work/main/src/export.c" "CMakeFiles/aseankg.dir/src/export.c.o" "gcc" "CMakeFiles/aseankg.dir/src/export.c.o.d"
  "/work/main/src/file.c" "CMakeFiles/aseankg.dir/src/file.c.o" "gcc" "CMakeFiles/aseankg.dir/src/file.c.o.d"
  "/work/main/src/graph.c" "CMakeFiles/aseankg.dir/src/graph.c.o" "gcc" "CMakeFiles/aseankg.dir/src/graph.c.o.d"
  "/work/main/src/ntriples.c" "CMakeFiles/aseankg.dir/src/ntriples.c.o" "gcc" "CMakeFiles/aseankg.dir/src/ntriples.c.o.d"
  "/work/main/src/ontology.c" "CMakeFiles/aseankg.dir/src/ontology.c.o" "gcc" "CMakeFiles/aseankg.dir/src/ontology.c.o.d"
  "/work/main/src/output.c" "CMakeFiles/aseankg.dir/src/output.c.o" "gcc" "CMakeFiles/aseankg.dir/src/output.c.o.d"
  "/work/main/src/status.c" "CMakeFiles/aseankg.dir/src/status.c.o" "gcc" "CMakeFiles/aseankg.dir/src/status.c.o.d"
  "/work/main/src/text.c" "CMakeFiles/aseankg.dir/src/text.c.o" "gcc" "CMakeFiles/aseankg.dir/src/text.c.o.d"
  "/work/main/src/turtle.c" "CMakeFiles/aseankg.dir/src/turtle.c.o" "gcc" "CMakeFiles/aseankg.dir/src/turtle.c.o.d"
  "/work/main/src/utf8.c" "CMakeFiles/aseankg.dir/src/utf8.c.o" "gcc" "CMakeFiles/aseankg.dir/src/utf8.c.o.d"
  "/work/main/src/version.c" "CMakeFiles/aseankg.dir/src/version.c.o" "gcc" "CMakeFiles/aseankg.dir/src/version.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
