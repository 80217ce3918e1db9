import sys

from staffing.cli import main

sys.exit(main())
