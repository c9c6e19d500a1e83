"""``python -m workshop_app.ui.screenshots OUTDIR``."""

from workshop_app.ui.screenshots.runner import main

raise SystemExit(main())
