file(REMOVE_RECURSE
  "CMakeFiles/provstat.dir/cli/main.c.o"
  "CMakeFiles/provstat.dir/cli/main.c.o.d"
  "provstat"
  "provstat.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/provstat.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
