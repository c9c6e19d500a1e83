"""Minutes mode (after the event): the Minutes page with its lists (consensus points with
their detail pane, next steps, item summaries), the dialogs that record or edit a consensus
point or a next step (the Run view opens them too), and File > Export: the export actions
and the export dialog with its live preview. A new export format goes to ``minutes/``
(``workshop_app.minutes.export``), and this package only offers it.

May import Qt, ``domain``, ``store``, ``minutes`` (the Minutes value and its renderers),
``ui.common``, ``ui.edits`` and the frame's shared modules (``ui.session``, ``ui.dialogs``,
``ui.tasks``, ``ui.loader``); never the main window or another mode's page.
"""
