"""Pictures of the main window's views at 1366x768, so the UI can be looked at without a screen.

``python -m workshop_app.ui.screenshots OUTDIR`` (``make screenshots``, with
``QT_QPA_PLATFORM=offscreen``) builds the demo workshop in a temporary folder, opens it and
saves one PNG per entry of ``VIEWS``: later work adds its views there, one line each.

One module per mode holds its views (``prepare_views``, ``run_views``, ``minutes_views``,
``projector_views``); ``runner`` lists them in ``VIEWS`` and takes the pictures.
"""

from __future__ import annotations

from workshop_app.ui.screenshots.projector_views import PROJECTOR_SIZES
from workshop_app.ui.screenshots.runner import VIEWS, main, take_screenshots
from workshop_app.ui.screenshots.scene import SIZE

__all__ = ["PROJECTOR_SIZES", "SIZE", "VIEWS", "main", "take_screenshots"]
