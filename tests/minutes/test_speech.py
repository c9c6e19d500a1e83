"""Reported speech per mode (issue 18): the words before each contribution, in every format,
read back from files exported from a workshop file; and who owns a next step when anonymous."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from tests.minutes.readback import csv_rows, text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import (
    AgendaItem,
    Contribution,
    ContributionKind,
    GuidingQuestion,
    ItemStatus,
    NextStep,
    Participant,
    Role,
    Workshop,
    WorkshopRecord,
)
from workshop_app.minutes import MinutesOptions, build_minutes, export_minutes, read_record
from workshop_app.minutes.options import Owners
from workshop_app.store import Document

CIVIL, PARTNERS, ACADEMIA = "Civil society", "Partner countries", "Academia"
PEOPLE = (
    Participant(
        "c1", "Ana Lopes", title="Ms.", organisation="Rivers Trust", stakeholder_group=CIVIL
    ),
    Participant("c2", "Ben Okoro", title="Mr.", organisation="Open Roads", stakeholder_group=CIVIL),
    Participant("c3", "Cleo Marsh", organisation="Hill Watch", stakeholder_group=CIVIL),
    # Two of the partner countries present (one sent apologies): fewer than k = 3, so in
    # anonymous minutes that group is never named.
    Participant("p1", "Dara Voss", organisation="Lake Ministry", stakeholder_group=PARTNERS),
    Participant("p2", "Emil Stark", organisation="Coast Office", stakeholder_group=PARTNERS),
    Participant(
        "p3", "Fay Dunn", organisation="Dune Agency", stakeholder_group=PARTNERS, present=False
    ),
    Participant(
        "h1", "Gil Amor", organisation="Forum Board", stakeholder_group=CIVIL, role=Role.CHAIR
    ),
    Participant(
        "r1",
        "Hal Brin",
        organisation="Quarry Lab",
        stakeholder_group=ACADEMIA,
        role=Role.RAPPORTEUR,
    ),
)
SAID = (
    # Three participants of civil society, one after another, on the same question.
    ("c1", ContributionKind.STATEMENT, "Regional centres cannot replace national ones."),
    ("c2", ContributionKind.CONCERN, "Funding may dry up after the pilot."),
    ("c3", ContributionKind.QUESTION, "Who evaluates the centres?"),
    # Two of the partner countries, one after another: too few to be named as a group.
    ("p1", ContributionKind.PROPOSAL, "Twin each centre with a ministry."),
    ("p2", ContributionKind.STATEMENT, "Twinning has worked before."),
    ("c1", ContributionKind.CONCERN, "Small centres lose their staff."),
    (None, ContributionKind.QUESTION, "Is there a budget line?"),
)
STEPS = (
    NextStep("x1", "Draft the terms of reference.", owner_participant_id="h1"),
    NextStep("x2", "Circulate the minutes.", owner="Hal Brin"),
    NextStep("x3", "Map the regional centres.", owner_participant_id="c2"),
    NextStep("x4", "Ask the ministries for data.", owner_participant_id="p1"),
    NextStep("x5", "Collect examples.", owner="All delegations"),
    NextStep("x6", "Host the next meeting.", owner="Lake Ministry"),
)


def record() -> WorkshopRecord:
    contributions = tuple(
        Contribution(
            f"s{n}",
            "a1",
            text,
            "q1",
            who,
            kind=kind,
            recorded_at=f"2024-05-02T10:{n:02d}:00+00:00",
        )
        for n, (who, kind, text) in enumerate(SAID, start=1)
    )
    return WorkshopRecord(
        workshop=Workshop(
            title="Regional Centres Forum",
            date="2024-05-02",
            organiser="Forum Secretariat",
            stakeholder_groups=(CIVIL, PARTNERS, ACADEMIA),
        ),
        participants=PEOPLE,
        agenda=(
            AgendaItem(
                "a1",
                "Centres",
                status=ItemStatus.DONE,
                questions=(GuidingQuestion("q1", "a1", "What should centres do?"),),
            ),
        ),
        contributions=contributions,
        next_steps=STEPS,
    )


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "forum.workshop"
    Document.create_from_record(path, record()).close()
    return path


def exported(path: Path, fmt: str, mode: Attribution, **options: object) -> str:
    """The minutes of the workshop FILE as a reader of ``fmt`` sees them, on one line."""
    out = path.with_name(f"out-{mode.value}.{fmt}")
    export_minutes(path, MinutesOptions(attribution=mode, **options), fmt, out)  # type: ignore[arg-type]
    text = text_of(fmt, out.read_bytes())
    if fmt == "md":
        text = text.replace("**", "").replace("\\", "")
    return " ".join(text.split())


FORMATS = ("md", "html", "docx", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymous_minutes_read_as_reported_speech(workshop: Path, fmt: str) -> None:
    text = exported(workshop, fmt, Attribution.ANONYMOUS)
    # A run of one group's speakers, counted from the record; the group has three present.
    assert (
        "Three participants from civil society spoke in turn. One participant said: "
        "Regional centres cannot replace national ones." in text
    )
    assert "Another participant raised a concern: Funding may dry up after the pilot." in text
    assert "Another participant asked: Who evaluates the centres?" in text
    # Two partner countries present: not named, each on their own.
    assert "One participant made a proposal: Twin each centre with a ministry." in text
    assert "participants from partner countries" not in text.casefold()
    assert "Two participants" not in text
    assert "One participant raised a concern: Small centres lose their staff." in text
    assert "One participant asked: Is there a budget line?" in text
    # A plain statement on its own is the point it makes, with no formula before it.
    assert "said: Twinning has worked before." not in text
    assert "Twinning has worked before." in text
    # No robot prefix, no kind tags after the text.
    assert "A participant:" not in text
    assert "(concern)" not in text and "(question)" not in text and "(proposal)" not in text
    for person in PEOPLE:
        assert person.name not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_named_and_group_minutes_put_the_speaker_first_with_the_verb(
    workshop: Path, fmt: str
) -> None:
    named = exported(workshop, fmt, Attribution.NAMED)
    assert "Ms. Ana Lopes (Rivers Trust): Regional centres cannot replace national ones." in named
    assert "Mr. Ben Okoro (Open Roads) raised a concern: Funding may dry up" in named
    assert "Cleo Marsh (Hill Watch) asked: Who evaluates the centres?" in named
    assert "A participant from the floor asked: Is there a budget line?" in named
    assert "(concern)" not in named and "(question)" not in named
    group = exported(workshop, fmt, Attribution.GROUP)
    assert "A participant from civil society raised a concern: Funding may dry up" in group
    assert "A participant from partner countries made a proposal: Twin each centre" in group
    assert "(proposal)" not in group


def test_the_csv_keeps_the_kind_in_its_own_column(workshop: Path) -> None:
    out = workshop.with_name("out.csv")
    export_minutes(workshop, MinutesOptions(attribution=Attribution.ANONYMOUS), "csv", out)
    rows = csv_rows(out.read_bytes())
    kinds = {row[5]: row[3] for row in rows[1:]}
    assert kinds["Funding may dry up after the pilot."] == "concern"
    assert kinds["Who evaluates the centres?"] == "question"
    assert all(row[4] == "" for row in rows[1:])  # and no attribution, as before


def owners_in(text: str) -> dict[str, str]:
    """Next step → owner, from the Markdown table of the next steps."""
    found = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in {step.text for step in STEPS}:
            found[cells[0]] = cells[1]
    return found


def test_anonymous_owners_by_role(workshop: Path) -> None:
    out = workshop.with_name("owners.md")
    export_minutes(workshop, MinutesOptions(attribution=Attribution.ANONYMOUS), "md", out)
    assert owners_in(out.read_text(encoding="utf-8")) == {
        "Draft the terms of reference.": "the chair",
        "Circulate the minutes.": "a rapporteur",  # typed as the person's name
        "Map the regional centres.": "a participant from civil society",  # 4 present
        "Ask the ministries for data.": "a participant",  # partner countries: 2 present
        "Collect examples.": "All delegations",  # names nobody: as typed
        "Host the next meeting.": "a participating organisation",  # not on the public list
    }


def test_anonymous_owners_as_the_secretariat_from_the_cli(workshop: Path) -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "workshop_app", "export", str(workshop), "-f", "md"),
            *("-a", "anonymous", "--owners", "secretariat", "-o", "-"),
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    owners = owners_in(result.stdout.decode("utf-8"))
    assert owners.pop("Collect examples.") == "All delegations"
    assert set(owners.values()) == {"the secretariat"}
    assert len(owners) == 5


def test_named_owners_are_unchanged_by_the_owner_choice(workshop: Path) -> None:
    out = workshop.with_name("named.md")
    options = MinutesOptions(owners=Owners.SECRETARIAT)
    export_minutes(workshop, options, "md", out)
    owners = owners_in(out.read_text(encoding="utf-8"))
    assert owners["Draft the terms of reference."] == "Gil Amor (Forum Board)"
    assert owners["Host the next meeting."] == "Lake Ministry"


def test_the_workshops_k_decides_which_group_may_be_named(workshop: Path) -> None:
    with Document.open(workshop) as doc:
        doc.workshop.set_anonymity_k(2)  # the organiser's choice, kept in the file
    text = exported(workshop, "md", Attribution.ANONYMOUS)
    assert (
        "Two participants from partner countries spoke in turn. One participant made a proposal: "
        "Twin each centre with a ministry." in text
    )
    assert "Another participant said: Twinning has worked before." in text
    out = workshop.with_name("k2.md")
    export_minutes(workshop, MinutesOptions(attribution=Attribution.ANONYMOUS), "md", out)
    owners = owners_in(out.read_text(encoding="utf-8"))
    assert owners["Ask the ministries for data."] == "a participant from partner countries"
    with Document.open(workshop) as doc:
        doc.workshop.set_anonymity_k(5)  # civil society has four present: no longer named
    text = exported(workshop, "md", Attribution.ANONYMOUS)
    assert "civil society" not in text.replace("Civil society |", "")  # the presence table
    assert "One participant raised a concern: Funding may dry up after the pilot." in text
    assert "One participant asked: Who evaluates the centres?" in text


def test_owners_on_the_public_list_are_named(workshop: Path) -> None:
    with Document.open(workshop) as doc:
        doc.workshop.set_public_names(["Lake Ministry", "forum board"])
    record = read_record(workshop)
    for owners in Owners:
        options = MinutesOptions(attribution=Attribution.ANONYMOUS, owners=owners)
        steps = {s.text: s.owner for s in build_minutes(record, options).next_steps}
        assert steps["Host the next meeting."] == "Lake Ministry"  # typed as such
        # The chair's organisation is public: the action is that organisation's.
        assert steps["Draft the terms of reference."] == "Forum Board"
        # Not public: not named, but by role or as the secretariat.
        assert (
            steps["Map the regional centres."]
            == {
                Owners.ROLE: "a participant from civil society",
                Owners.SECRETARIAT: "the secretariat",
            }[owners]
        )


def test_a_speaker_who_speaks_again_is_not_another_participant(tmp_path: Path) -> None:
    said = (
        ("c1", ContributionKind.STATEMENT, "First point."),
        ("c2", ContributionKind.STATEMENT, "Second point."),
        ("c1", ContributionKind.QUESTION, "Back to the first?"),  # the same person again
        ("c3", ContributionKind.STATEMENT, "Third point."),
    )
    contributions = tuple(
        Contribution(f"t{n}", "a1", text, "q1", who, kind=kind, recorded_at=f"2024-05-02T11:0{n}")
        for n, (who, kind, text) in enumerate(said)
    )
    path = tmp_path / "again.workshop"
    Document.create_from_record(
        path, dataclasses.replace(record(), contributions=contributions)
    ).close()
    minutes = build_minutes(read_record(path), MinutesOptions(attribution=Attribution.ANONYMOUS))
    assert [(s.lead, s.text) for s in minutes.statements] == [
        ("Two participants from civil society spoke in turn. One participant said", "First point."),
        ("Another participant said", "Second point."),
        # A new run: two people of civil society again, one of them heard before.
        (
            "Two participants from civil society spoke in turn. One participant asked",
            "Back to the first?",
        ),
        ("Another participant said", "Third point."),
    ]


def test_an_owner_is_judged_by_the_workshops_own_k(workshop: Path) -> None:
    """An owner typed as a group that k = 3 may name but the workshop's k = 6 may not is not
    kept as typed (the export's own check would then refuse the minutes)."""
    from workshop_app.domain.model import NextStep
    from workshop_app.minutes import scan_minutes

    with Document.open(workshop) as doc:
        doc.workshop.set_anonymity_k(6)
        doc.next_steps.add(NextStep("x7", "Gather the civil society views.", owner="Civil society"))
    record = read_record(workshop)
    minutes = build_minutes(record, MinutesOptions(attribution=Attribution.ANONYMOUS))
    steps = {s.text: s.owner for s in minutes.next_steps}
    assert steps["Gather the civil society views."] not in ("Civil society", "")
    assert not [f for f in scan_minutes(minutes, record.participants) if "Civil" in f.found]
