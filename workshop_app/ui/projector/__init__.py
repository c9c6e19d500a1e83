"""The room's screen: ``controller`` (the chair's side: options, the View menu, one window at
most, fed the running state after each change), ``canvas`` (what the room sees, painted from
``domain.projector.projector_view``), ``window`` (the second top-level window that shows the
canvas), ``thumbnail`` (the Run view's small live picture of it) and ``controls`` (the chair's
Ctrl+P keys, owned by the controller; the frame hands them and a thumbnail to the Run view,
which shows them). A new projector mode is a ``ProjectorMode`` and its view in
``domain/projector.py``, then its key here.

May import Qt, ``domain``, ``store`` and the frame's shared modules (``ui.session``,
``ui.dialogs``, ``ui.loader``); never a mode's package or the main window. Loaded after the
window's first paint.
"""
