file(REMOVE_RECURSE
  "CMakeFiles/provstat_core.dir/core/alloc.c.o"
  "CMakeFiles/provstat_core.dir/core/alloc.c.o.d"
  "CMakeFiles/provstat_core.dir/core/diag.c.o"
  "CMakeFiles/provstat_core.dir/core/diag.c.o.d"
  "CMakeFiles/provstat_core.dir/core/error.c.o"
  "CMakeFiles/provstat_core.dir/core/error.c.o.d"
  "CMakeFiles/provstat_core.dir/core/strbuf.c.o"
  "CMakeFiles/provstat_core.dir/core/strbuf.c.o.d"
  "CMakeFiles/provstat_core.dir/generated/schema_sql.c.o"
  "CMakeFiles/provstat_core.dir/generated/schema_sql.c.o.d"
  "generated/schema_sql.c"
  "libprovstat_core.a"
  "libprovstat_core.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/provstat_core.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
