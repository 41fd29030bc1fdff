# Empty dependencies file for provstat_core.
# This may be replaced when dependencies are built.
