# Writes the Java files SWIG generated into DIR as a javac argument file,
# OUT, one quoted path a line, so that add_jar compiles whatever classes the
# interface makes (cmake -DDIR=... -DOUT=... -P list-sources.cmake).
file(GLOB sources LIST_DIRECTORIES false "${DIR}/*.java")
list(SORT sources)
set(text "")
foreach(source IN LISTS sources)
  string(APPEND text "\"${source}\"\n")
endforeach()
file(WRITE "${OUT}" "${text}")
