"""Reading and writing files: bytes to data with line and column (load, fastload), outputs written whole or not at all (output)."""
