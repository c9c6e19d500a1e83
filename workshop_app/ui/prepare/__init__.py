"""Prepare mode (before the event): the workshop's details and stakeholder groups, the agenda
(tree model, panel, detail form), the participants (roster model and panel) and the
registration list import dialog. ``prepare_page.PreparePage`` is the mode's page.

May import Qt, ``domain``, ``store``, ``roster_import``, ``ui.common``, ``ui.edits`` and the
frame's shared modules (``ui.session``, ``ui.dialogs``, ``ui.loader``); never another mode
package or the main window.
"""
