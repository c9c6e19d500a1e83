"""Allow ``python -m workshop_app``."""

from workshop_app.cli import main

raise SystemExit(main())
