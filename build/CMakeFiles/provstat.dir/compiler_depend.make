# Empty compiler generated dependencies file for provstat.
# This may be replaced when dependencies are built.
