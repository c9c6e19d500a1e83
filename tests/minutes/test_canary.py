"""Canary: participants with unique names speak, propose, give examples and own actions.

Exported anonymously in every format (and the agenda handout), none of their names, emails or
organisations appears anywhere: not in the text, not in the raw bytes, not inside any part of
the DOCX zip (docProps included), not in the PDF's metadata.
"""

from __future__ import annotations

import dataclasses

import pytest

from tests.minutes.readback import docx_parts, pdf_metadata, text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import (
    Contribution,
    ContributionKind,
    NextStep,
    Participant,
    Role,
    Speech,
    WorkshopRecord,
)
from workshop_app.minutes import Format, MinutesOptions, build_minutes, produce
from workshop_app.minutes.options import Owners

CANARIES = (
    Participant(
        id="z1",
        name="Zorblax Quentington",
        title="Dr.",
        organisation="Canary Org Xyzzy",
        stakeholder_group="Civil society",
        email="zq@canary.invalid",
        role=Role.CHAIR,
        job_title="Chief Canary Whisperer",
    ),
    Participant(
        id="z2",
        name="Yvaine Plumtree-Oxhart",
        title="Ms.",
        organisation="Plumtree Foundation for Vexillology",
        stakeholder_group="Partner countries",
        email="yvaine@plumtree.invalid",
        role=Role.RAPPORTEUR,
    ),
)
NEEDLES = (
    "zorblax",
    "quentington",
    "zq@canary.invalid",
    "canary org xyzzy",
    "xyzzy",
    "yvaine",
    "plumtree",
    "oxhart",
    "vexillology",
    "yvaine@plumtree.invalid",
    "canary whisperer",
)


def with_canaries(record: WorkshopRecord) -> WorkshopRecord:
    speeches = (
        Speech("zs1", "z1", "a2", None, "2017-09-21T11:51:00+02:00", "2017-09-21T11:55:00+02:00"),
        Speech("zs2", "z2", "a4", None, "2017-09-21T13:42:00+02:00", "2017-09-21T13:48:00+02:00"),
    )
    contributions = (
        Contribution("zc1", "a2", "Canaries sing before the mine fills.", "q1", "z1", "zs1"),
        Contribution(
            "zc2",
            "a2",
            "A flag for every partnership.",
            "q2",
            "z2",
            "zs2",
            kind=ContributionKind.EXAMPLE,
            highlight=True,
        ),
        Contribution(
            "zc3",
            "a4",
            "Let us meet again.",
            None,
            "z2",
            "zs2",
            kind=ContributionKind.PROPOSAL,
            highlight=True,
        ),
    )
    actions = (
        NextStep(
            "zx1", "Write the canary report.", "a4", "Zorblax Quentington", "z1", "2018-01-15"
        ),
        NextStep("zx2", "Fund the flags.", "a4", "Plumtree Foundation for Vexillology"),
        NextStep("zx3", "Send the invitations.", None, "zq@canary.invalid"),
    )
    return dataclasses.replace(
        record,
        participants=(*record.participants, *CANARIES),
        speeches=(*record.speeches, *speeches),
        contributions=(*record.contributions, *contributions),
        next_steps=(*record.next_steps, *actions),
    )


def leaks(haystack: str) -> list[str]:
    lowered = " ".join(haystack.split()).casefold()  # a name wrapped across lines still counts
    return [needle for needle in NEEDLES if needle in lowered]


@pytest.fixture(scope="module")
def canary_record(demo: WorkshopRecord) -> WorkshopRecord:
    # The demo's own texts of item 1 name an organisation ("MIEUX Programme"), which the
    # anonymity check would rightly refuse; this test is about what attribution hides.
    agenda = tuple(
        dataclasses.replace(item, summary=None, description=None) for item in demo.agenda
    )
    return with_canaries(dataclasses.replace(demo, agenda=agenda))


EXPORTS = [(fmt, False) for fmt in Format] + [(fmt, True) for fmt in ("md", "html", "docx", "pdf")]


@pytest.mark.parametrize(("fmt", "agenda"), EXPORTS)
def test_anonymous_export_names_no_canary_anywhere(
    canary_record: WorkshopRecord, fmt: str, agenda: bool
) -> None:
    options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    data = produce(canary_record, options, fmt, agenda=agenda)  # the check finds nothing
    assert leaks(text_of(fmt, data)) == []
    assert leaks(data.decode("latin-1")) == []  # the raw bytes, whatever the encoding
    assert leaks(data.decode("utf-8", "replace")) == []
    if fmt in ("docx", "xlsx"):  # every part of the zip: properties, styles, each sheet
        for name, part in docx_parts(data).items():
            assert leaks(part.decode("utf-8", "replace")) == [], name
    if fmt == "pdf":
        assert leaks(pdf_metadata(data)) == []
    if not agenda:
        # The canaries' words are in the minutes, only their identities are not.
        assert "Canaries sing before the mine fills." in " ".join(text_of(fmt, data).split())


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_named_export_does_show_the_canaries(canary_record: WorkshopRecord, fmt: str) -> None:
    """The control: the same test would see the canaries if they were there."""
    data = produce(canary_record, MinutesOptions(), fmt)
    found = leaks(text_of(fmt, data))
    assert {"zorblax", "quentington", "canary org xyzzy"} <= set(found)
    if fmt == "pdf":
        assert "canary" not in pdf_metadata(data).casefold()  # the organiser is the author


def test_owners_are_attributed_per_mode(canary_record: WorkshopRecord) -> None:
    def owners(mode: Attribution) -> list[str]:
        steps = build_minutes(canary_record, MinutesOptions(attribution=mode)).next_steps
        return [step.owner for step in steps if step.id.startswith("zx")]

    assert owners(Attribution.NAMED) == [
        "Dr. Zorblax Quentington (Canary Org Xyzzy)",
        "Plumtree Foundation for Vexillology",
        "Dr. Zorblax Quentington (Canary Org Xyzzy)",  # a free-text owner that is an email
    ]
    assert owners(Attribution.GROUP) == [
        "a participant from civil society",
        "Plumtree Foundation for Vexillology",  # free text is shown as typed
        "a participant from civil society",
    ]
    # Anonymous (issue 18): no longer blank, but never a name: the owner's role by default,
    # or the secretariat when the organiser chooses so.
    assert owners(Attribution.ANONYMOUS) == [
        "the chair",
        "an organisation from partner countries",  # typed as an organisation, not public
        "the chair",
    ]
    secretariat = MinutesOptions(attribution=Attribution.ANONYMOUS, owners=Owners.SECRETARIAT)
    steps = build_minutes(canary_record, secretariat).next_steps
    assert [s.owner for s in steps if s.id.startswith("zx")] == ["the secretariat"] * 3
