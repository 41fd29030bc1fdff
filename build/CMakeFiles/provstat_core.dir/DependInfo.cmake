
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/core/alloc.c" "CMakeFiles/provstat_core.dir/core/alloc.c.o" "gcc" "CMakeFiles/provstat_core.dir/core/alloc.c.o.d"
  "/work/main/core/diag.c" "CMakeFiles/provstat_core.dir/core/diag.c.o" "gcc" "CMakeFiles/provstat_core.dir/core/diag.c.o.d"
  "/work/main/core/error.c" "CMakeFiles/provstat_core.dir/core/error.c.o" "gcc" "CMakeFiles/provstat_core.dir/core/error.c.o.d"
  "/work/main/core/strbuf.c" "CMakeFiles/provstat_core.dir/core/strbuf.c.o" "gcc" "CMakeFiles/provstat_core.dir/core/strbuf.c.o.d"
  "/work/main/build/generated/schema_sql.c" "CMakeFiles/provstat_core.dir/generated/schema_sql.c.o" "gcc" "CMakeFiles/provstat_core.dir/generated/schema_sql.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
