file(REMOVE_RECURSE
  "CMakeFiles/aseankg-cli.dir/src/main.c.o"
  "CMakeFiles/aseankg-cli.dir/src/main.c.o.d"
  "aseankg"
  "aseankg.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/aseankg-cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
