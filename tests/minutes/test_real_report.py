"""Issue 18, done when: the anonymity check passes a test from a real multi-day workshop report
with invented people (countries with one delegate, first names, nationality adjectives).

The report is written into a workshop file, its public names confirmed through the store,
and the anonymous export is asked of the file, as the app and the CLI ask it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.workshops.loss_damage_report import (
    PLANTED,
    PUBLIC,
    PUBLIC_NAMES,
)
from tests.fixtures.workshops.loss_damage_report import loss_damage_record as record
from workshop_app.cli import main
from workshop_app.domain.attribution import Attribution
from workshop_app.minutes import MinutesOptions
from workshop_app.minutes.export import IdentitiesFound, export_minutes
from workshop_app.minutes.identities import IdentityMatch
from workshop_app.store import Document

ANONYMOUS = MinutesOptions(attribution=Attribution.ANONYMOUS)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "loss-damage.workshop"
    Document.create_from_record(path, record()).close()
    with Document.open(path) as doc:
        doc.workshop.set_public_names(PUBLIC_NAMES)
    return path


def refusal(path: Path, fmt: str = "md") -> list[IdentityMatch]:
    out = path.with_name(f"out.{fmt}")
    with pytest.raises(IdentitiesFound) as refused:
        export_minutes(path, ANONYMOUS, fmt, out)
    assert not out.exists()
    return list(refused.value.findings)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_every_slip_of_the_report_is_found_with_its_reason(report: Path, fmt: str) -> None:
    findings = refusal(report, fmt)
    assert sorted((f.found, f.why) for f in findings) == sorted(PLANTED)


def test_public_bodies_shared_countries_and_ordinary_words_are_not_reported(report: Path) -> None:
    findings = refusal(report)
    found = {f.found.casefold() for f in findings}
    for words in PUBLIC:
        assert words.casefold() not in found
    assert not found & {"ana", "grace", "kenyan", "sbsta", "germany", "bonn"}
    [may] = [f for f in findings if f.found == "May"]
    assert "as May noted" in may.context  # not "Parties may wish", not "before May 2026"


def test_each_finding_points_at_the_place_to_edit(report: Path) -> None:
    places = {(f.found, f.ref) for f in refusal(report)}
    assert ("Brazil", ("agenda_item", "a2")) in places
    assert ("Fur\u200btado", ("contribution", "c3")) in places
    assert ("Tomás", ("contribution", "c5")) in places


def test_unconfirmed_the_mandating_body_and_programme_are_participants_organisations(
    tmp_path: Path,
) -> None:
    """Before the organiser lists them as public, the bodies are what they are on the roster:
    the organisation of one participant (the SBSTA chair) and of two (the programme)."""
    path = tmp_path / "unconfirmed.workshop"
    Document.create_from_record(path, record()).close()
    whys = {f.why for f in refusal(path)}
    assert (
        "Subsidiary Body for Scientific and Technological Advice: one participant from "
        "Subsidiary Body for Scientific and Technological Advice was present"
    ) in whys
    assert (
        "Adaptation Knowledge Programme: only 2 participants from Adaptation Knowledge "
        "Programme were present (fewer than 3)"
    ) in whys


def test_the_group_of_one_is_not_a_row_of_who_took_part(report: Path) -> None:
    out = report.with_name("forced.md")
    export_minutes(report, ANONYMOUS, "md", out, allow_identities=True)
    text = out.read_text("utf-8")
    assert "Business and industry" not in text
    assert "Other groups" in text
    assert "Governments" in text  # eight present: a group large enough to name


def test_the_cli_refusal_and_force_give_every_reason(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = report.with_name("cli.md")
    assert main(["export", str(report), "-f", "md", "-a", "anonymous", "-o", str(out)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "'Brazil' in item 2, summary" in line
    assert "— one participant from Brazil was present" in line
    assert line.endswith("use --force to write anyway")
    assert not out.exists()
    forced = ["export", str(report), "-f", "md", "-a", "anonymous", "-o", str(out), "--force"]
    assert main(forced) == 0
    err = capsys.readouterr().err
    assert f"names participants in {len(PLANTED)} places:" in err
    for found, why in PLANTED:
        assert why.partition(": ")[2] in err, found
    assert "Brazil cautioned" in out.read_text("utf-8")
