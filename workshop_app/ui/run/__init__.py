"""Run mode (on the day): the Run page and what it assembles: the chair's clock and agenda
moves, the rapporteur's capture (entry box, speaker field, the feed's model and look), the
list of speakers and the balance chart, the Run view's consensus panel and outcome actions,
and the Re-plan and Search dialogs. ``run_page.RunPage`` is the mode's page.

May import Qt, ``domain``, ``store``, ``ui.common``, ``ui.edits`` and the frame's shared
modules (``ui.session``, ``ui.dialogs``, ``ui.loader``); never the main window, another mode
or the projector (the frame hands the Run page the projector's keys to show).
"""
