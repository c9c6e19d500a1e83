"""The frozen application's entry point: the same as the ``workshop-app`` console script."""

import sys

from workshop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
