"""Counts are said with the form of the word that goes with them, from one helper."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import workshop_app
from workshop_app.words import plural, plural_form

PACKAGE = Path(workshop_app.__file__).parent


@pytest.mark.parametrize(
    ("count", "said"),
    [(0, "0 items"), (1, "1 item"), (2, "2 items"), (1234, "1,234 items")],
)
def test_a_count_takes_the_form_of_the_word_that_goes_with_it(count: int, said: str) -> None:
    assert plural(count, "item", "items") == said


def test_irregular_forms_are_given_not_made() -> None:
    assert plural(2, "speech", "speeches") == "2 speeches"
    assert plural_form(1, "person", "people") == "person"
    assert plural_form(3, "person", "people") == "people"


#: What hand-made plurals look like in the code: "{'s' if n != 1 else ''}", "... else 's'"...
HAND_MADE = re.compile(r"""(['"])s\1 if |else (['"])s\2""")
#: ... and in the text: "item(s)", "speech(es)".
BRACKETED = re.compile(r"[a-z]\((?:s|es)\)(?!\w)")


def _texts(path: Path) -> list[str]:
    """The string constants of a module, f-strings' literal parts included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_module_makes_its_own_plural() -> None:
    """One door for plural forms, so that the translations can give each language its rules
    (issue 19): "1 items" and "participant(s)" cannot come back from a module of their own."""
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HAND_MADE.search(line)
    ]
    found += [
        f"{path.relative_to(PACKAGE)}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for text in _texts(path)
        if BRACKETED.search(text)
    ]
    assert found == []
