"""The room's screen: ``controller`` (the chair's side: options, the View menu, one window at
most, fed the running state after each change), ``window`` (the second top-level window that
paints ``domain.projector.projector_view``) and ``controls`` (the Run view's Ctrl+P keys).
A new projector mode is a ``ProjectorMode`` and its view in ``domain/projector.py``, then its
key here.

May import Qt, ``domain``, ``store``, the frame's shared modules (``ui.session``,
``ui.dialogs``, ``ui.loader``) and what the Run page offers its parts (``ui.run.run_view``;
the controller still checks for ``ui.run.run_page`` itself, until the page tells it what it
needs through signals); never the main window. Loaded after the window's first paint.
"""
