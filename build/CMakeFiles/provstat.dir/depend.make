# Empty dependencies file for provstat.
# This may be replaced when dependencies are built.
