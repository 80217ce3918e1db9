from staffing.cli.main import entry

# Guarded: the page's worker processes are started by spawning (as on Windows), which
# imports the main module again; it must not run the command a second time there.
if __name__ == "__main__":
    entry()
