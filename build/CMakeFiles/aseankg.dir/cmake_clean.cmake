file(REMOVE_RECURSE
  "CMakeFiles/aseankg.dir/src/buffer.c.o"
  "CMakeFiles/aseankg.dir/src/buffer.c.o.d"
  "CMakeFiles/aseankg.dir/src/canonical.c.o"
  "CMakeFiles/aseankg.dir/src/canonical.c.o.d"
  "CMakeFiles/aseankg.dir/src/data.c.o"
  "CMakeFiles/aseankg.dir/src/data.c.o.d"
  "CMakeFiles/aseankg.dir/src/export.c.o"
  "CMakeFiles/aseankg.dir/src/export.c.o.d"
  "CMakeFiles/aseankg.dir/src/file.c.o"
  "CMakeFiles/aseankg.dir/src/file.c.o.d"
  "CMakeFiles/aseankg.dir/src/graph.c.o"
  "CMakeFiles/aseankg.dir/src/graph.c.o.d"
  "CMakeFiles/aseankg.dir/src/ntriples.c.o"
  "CMakeFiles/aseankg.dir/src/ntriples.c.o.d"
  "CMakeFiles/aseankg.dir/src/ontology.c.o"
  "CMakeFiles/aseankg.dir/src/ontology.c.o.d"
  "CMakeFiles/aseankg.dir/src/output.c.o"
  "CMakeFiles/aseankg.dir/src/output.c.o.d"
  "CMakeFiles/aseankg.dir/src/status.c.o"
  "CMakeFiles/aseankg.dir/src/status.c.o.d"
  "CMakeFiles/aseankg.dir/src/text.c.o"
  "CMakeFiles/aseankg.dir/src/text.c.o.d"
  "CMakeFiles/aseankg.dir/src/turtle.c.o"
  "CMakeFiles/aseankg.dir/src/turtle.c.o.d"
  "CMakeFiles/aseankg.dir/src/utf8.c.o"
  "CMakeFiles/aseankg.dir/src/utf8.c.o.d"
  "CMakeFiles/aseankg.dir/src/version.c.o"
  "CMakeFiles/aseankg.dir/src/version.c.o.d"
  "libaseankg.a"
  "libaseankg.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/aseankg.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
