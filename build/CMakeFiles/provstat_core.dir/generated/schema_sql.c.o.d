CMakeFiles/provstat_core.dir/generated/schema_sql.c.o: \
 /work/main/build/generated/schema_sql.c /usr/include/stdc-predef.h
