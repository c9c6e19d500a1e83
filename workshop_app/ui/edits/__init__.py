"""The undoable edits: ``commands`` (the ``Editor`` that pushes a ``QUndoCommand`` only once the
store has committed it; ``Editor.macro()``, the one door for several edits as one step) and one
module of named edits per mode (``prepare_edits``, ``run_edits``, ``outcome_edits``), each a
store call and its undo.

May import QtCore/QtGui (the undo classes), ``domain``, ``store``, ``errors`` and
``ui.session``; never a widget, a mode package, ``ui.common`` or the main window. Panels
call these; these never call panels.
"""
