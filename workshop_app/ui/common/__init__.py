"""Pieces every mode's panels are made of: form widgets, drafts of what is typed, refreshing
only what can be seen, the combo a table column is edited with (``choices``), and the
table model and buttons the outcome lists share.

May import Qt, ``domain``, ``store`` and ``errors``; never a mode package, ``ui.edits`` or the
frame (``ui``'s top-level modules), so any panel can use them.
"""
