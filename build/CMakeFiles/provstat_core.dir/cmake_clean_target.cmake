file(REMOVE_RECURSE
  "libprovstat_core.a"
)
