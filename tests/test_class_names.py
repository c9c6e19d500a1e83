"""Each class of the user interface has a name of its own, so that a name in a traceback, a
test or a review points at one thing."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import workshop_app

UI = Path(workshop_app.__file__).parent / "ui"

#: Twins known to be renamed by issue 15's point 3 (one definition of each fact); none other.
KNOWN_TWINS = {"ChoiceDelegate"}


def test_no_two_ui_classes_share_a_name() -> None:
    homes: dict[str, list[str]] = defaultdict(list)
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ClassDef):
                homes[node.name].append(str(path.relative_to(UI)))
    twins = {name: where for name, where in homes.items() if len(where) > 1}
    assert set(twins) <= KNOWN_TWINS, twins
    # the Run view's consensus panel and the minutes' workshop-wide list
    assert {"ItemConsensusPanel", "ConsensusListPanel"} <= set(homes)
