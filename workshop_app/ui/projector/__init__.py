"""The room's screen: ``controller`` (the chair's side: options, the View menu, one window at
most, fed the running state after each change), ``window`` (the second top-level window that
paints ``domain.projector.projector_view``) and ``controls`` (the Run view's Ctrl+P keys).
A new projector mode is a ``ProjectorMode`` and its view in ``domain/projector.py``, then its
key here.

May import Qt, ``domain``, ``store`` and the frame's shared modules (``ui.session``,
``ui.dialogs``); never the main window. Loaded after the window's first paint.
"""
