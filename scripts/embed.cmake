# Turns a text file into a C string constant: cmake -DIN=f -DOUT=f.c -P embed.cmake
file(READ ${IN} content)
string(REPLACE "\\" "\\\\" content "${content}")
string(REPLACE "\"" "\\\"" content "${content}")
string(REPLACE "\n" "\\n\"\n\"" content "${content}")
file(WRITE ${OUT} "/* generated from store/schema.sql: do not edit */\nconst char ps_schema_sql[] =\n\"${content}\";\n")
