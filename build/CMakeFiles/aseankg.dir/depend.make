# Empty dependencies file for aseankg.
# This may be replaced when dependencies are built.
