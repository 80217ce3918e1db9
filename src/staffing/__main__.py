import sys

from staffing.cli.main import main

sys.exit(main())
