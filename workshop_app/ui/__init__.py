"""The desktop user interface (Qt only), grouped by what the user is doing.

The frame lives here, at the top: the main window and its File, Edit, View and Help menus
(``main_window``, ``file_commands``, ``recent``, ``safety`` and ``backups``, ``pending``),
the open workshop as the UI sees it (``session``), the mode bar (``modes``), going to a
place (``navigation``), every dialog behind a patchable function (``dialogs``), the status
bar, the start page, background tasks (``tasks``), the shortcuts list, the screenshots, and
``loader``, the one way a module is loaded after the window's first paint.

One package per mode, then what they share:

- ``prepare/``: before the event (details, agenda, roster, groups, registration import)
- ``run/``: on the day (the Run page, capture, feed, clock, speakers, balance, re-plan, search)
- ``minutes/``: after the event (consensus points, next steps, summaries, File > Export)
- ``projector/``: the room's screen (controller and its Ctrl+P keys, window)
- ``edits/``: the undo commands and the named edits each mode makes
- ``common/``: widgets and helpers any mode's panels use

Everything here may import ``domain``, ``store``, ``minutes``, ``roster_import`` and Qt;
outside ``ui`` only ``app`` (which starts the window) and the benchmarks import it. Each
package's docstring says what it may import; ``tests/test_import_graph.py`` holds the whole
graph free of cycles.
"""
