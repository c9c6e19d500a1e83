"""Each fact the user sees (a format, a status's name, "From the floor") is defined once: a
second copy written elsewhere would drift from the first without any test noticing."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

import workshop_app
from tests.conftest import read_back
from workshop_app import cli
from workshop_app.domain import attribution, outcomes
from workshop_app.domain.limits import MAX_LINE
from workshop_app.domain.model import ConsensusStatus, NextStepStatus
from workshop_app.formats import EXPORT_FORMATS, FORMAT_LABELS, JSON, Format
from workshop_app.minutes import MinutesOptions, export_minutes

PACKAGE = Path(workshop_app.__file__).parent


def _strings() -> dict[str, set[str]]:
    """Each string literal of the package, with the modules (relative paths) that write it."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.setdefault(node.value.casefold(), set()).add(module)
    return found


def _written_in(text: str) -> set[str]:
    return _strings().get(text.casefold(), set())


@pytest.mark.parametrize(
    "label",
    [*outcomes.STATUS_LABELS.values(), *outcomes.NEXT_STEP_LABELS.values()],
)
def test_the_names_of_statuses_are_written_only_in_the_domain(label: str) -> None:
    # "Open" or "Done" is also the value of its enum member, in the model.
    assert _written_in(label) - {"domain/model.py"} == {"domain/outcomes.py"}


def test_from_the_floor_is_written_only_in_attribution() -> None:
    assert _written_in(attribution.FROM_THE_FLOOR) == {"domain/attribution.py"}
    assert attribution.FROM_THE_FLOOR_LABEL == "From the floor"


#: Modules that name a template's kind ("md", "html"): the kind of Jinja2 environment, not a format.
TEMPLATE_KINDS = {"minutes/templates.py", "minutes/markdown.py", "minutes/html.py"}
#: The module that says a registration list it read was an "XLSX" file: a kind of file read in,
#: not the export format.
READ_KINDS: dict[str, set[str]] = {Format.XLSX: {"roster_import/reading.py"}}


@pytest.mark.parametrize("name", [*EXPORT_FORMATS, *FORMAT_LABELS.values()])
def test_each_format_and_its_label_are_written_only_in_formats(name: str) -> None:
    read = READ_KINDS.get(name, set())  # a Format is its str value
    assert _written_in(name) - TEMPLATE_KINDS - read == {"formats.py"}


def test_no_class_name_is_defined_twice() -> None:
    defined: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                defined.setdefault(node.name, set()).add(path.relative_to(PACKAGE).as_posix())
    twice = {name for name, modules in defined.items() if len(modules) > 1}
    assert twice == set()


def _export_parser_choices() -> list[str]:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    export = sub.choices["export"]
    fmt = next(a for a in export._actions if "--format" in a.option_strings)
    return [str(choice) for choice in fmt.choices or ()]


def test_the_command_line_offers_the_interchange_file_and_every_minutes_format() -> None:
    assert _export_parser_choices() == [JSON, *(f.value for f in Format)]
    assert list(FORMAT_LABELS) == [
        Format.PDF,
        Format.DOCX,
        Format.HTML,
        Format.MD,
        Format.CSV,
        Format.XLSX,
    ]


def test_the_minutes_name_statuses_as_the_domain_does(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renaming a status in ``domain/outcomes.py`` renames it in the written minutes."""
    monkeypatch.setitem(outcomes.STATUS_LABELS, ConsensusStatus.AGREED, "Agreed by all")
    monkeypatch.setitem(outcomes.NEXT_STEP_LABELS, NextStepStatus.OPEN, "Still to do")
    out = tmp_path / "minutes.md"
    export_minutes(demo_path, MinutesOptions(), Format.MD, out)
    written = out.read_text(encoding="utf-8")
    assert "Agreed by all" in written
    assert "Still to do" in written


def test_the_files_own_check_on_a_title_is_the_limit_of_domain_limits(workshop_path: Path) -> None:
    """The one limit the schema states itself (in its first migration, which never changes)
    is the one ``domain/limits.py`` defines; every other limit lives there alone."""
    (sql,) = read_back(workshop_path, "SELECT sql FROM sqlite_master WHERE name = 'workshop'")[0]
    assert f"length(title) <= {MAX_LINE})" in str(sql)


def test_the_command_lines_attributions_are_the_domains() -> None:
    """Written out in ``cli.py`` so the command line starts without ``domain.model`` (its
    dataclasses and uuid): held equal to the one definition here."""
    assert tuple(a.value for a in attribution.Attribution) == cli.ATTRIBUTIONS


def test_action_means_a_qaction() -> None:
    """In the code, "action" is a QAction; a next step is a NextStep (the file's table and
    the JSON key keep the name "actions", which are contracts). A class named for actions
    must hold QActions."""
    holders = {"ExportActions"}  # File > Export's QActions
    found = {
        node.name
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and re.search(r"(^|[a-z])Action", node.name)
    }
    assert found == holders
