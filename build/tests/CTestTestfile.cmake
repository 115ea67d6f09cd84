# CMake generated Testfile for 
# Source directory: /work/main/tests
# Build directory: /work/main/build/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(graph "/work/main/build/tests/test_graph")
set_tests_properties(graph PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;21;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(text "/work/main/build/tests/test_text")
set_tests_properties(text PROPERTIES  ENVIRONMENT "ASEANKG_SHARED_DIR=/work/main/../shared;ASEANKG_SOURCE_DIR=/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;22;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(data "/work/main/build/tests/test_data")
set_tests_properties(data PROPERTIES  WORKING_DIRECTORY "/work/main" _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;25;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(w3c-ntriples-c14n "/work/main/build/tests/test_w3c_ntriples" "/work/main/../shared/w3c/rdf-tests/rdf12/rdf-n-triples/c14n/manifest.ttl")
set_tests_properties(w3c-ntriples-c14n PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;26;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(w3c-nquads-c14n "/work/main/build/tests/test_w3c_ntriples" "/work/main/../shared/w3c/rdf-tests/rdf12/rdf-n-quads/c14n/manifest.ttl")
set_tests_properties(w3c-nquads-c14n PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;28;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(w3c-ntriples-syntax "/work/main/build/tests/test_w3c_ntriples" "/work/main/../shared/w3c/rdf-tests/rdf11/rdf-n-triples/manifest.ttl")
set_tests_properties(w3c-ntriples-syntax PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;30;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(w3c-nquads-syntax "/work/main/build/tests/test_w3c_ntriples" "/work/main/../shared/w3c/rdf-tests/rdf11/rdf-n-quads/manifest.ttl")
set_tests_properties(w3c-nquads-syntax PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;32;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(cli "bash" "/work/main/tests/cli/run.sh" "/work/main/build/aseankg" "/work/main/build/tests/nt_canon" "/work/main")
set_tests_properties(cli PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;36;add_test;/work/main/tests/CMakeLists.txt;0;")
add_test(style "bash" "/work/main/tests/style.sh" "/work/main" "/work/main/build")
set_tests_properties(style PROPERTIES  _BACKTRACE_TRIPLES "/work/main/tests/CMakeLists.txt;40;add_test;/work/main/tests/CMakeLists.txt;0;")
