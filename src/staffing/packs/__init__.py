"""Rule packs: the data the checks read (pack) and loading them from the shipped folder (load)."""
