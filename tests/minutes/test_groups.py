"""Breakout groups in the minutes: each group's discussion under its item, the report-back with
the groups' reports and what plenary agreed, in every format and every attribution mode."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.minutes.readback import text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import (
    BreakoutGroup,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    Speech,
    SpeechStatus,
    WorkshopRecord,
)
from workshop_app.minutes import Format, MinutesOptions, build_minutes, export_minutes, render
from workshop_app.minutes.identities import scan_minutes
from workshop_app.store import Document

AFRICA = "Group A: Africa"
ASIA = "Group B: Asia-Pacific"
SAID_IN_A = "Border posts in the Sahel share data only when both ministries sign."
SAID_IN_B = "In the Pacific, seasonal work schemes are the partnership people see."
PROPOSED_IN_A = "Joint data-sharing protocols signed by both ministries."
AGREED_IN_PLENARY = "Data-sharing protocols are part of every partnership."


@pytest.fixture
def with_groups(demo: WorkshopRecord) -> WorkshopRecord:
    """The demo with item a2 run as two groups, reporting back to plenary in item a4."""
    groups = (
        BreakoutGroup(
            "gA",
            "a2",
            AFRICA,
            room="Room Volta",
            facilitator_id="p01",
            rapporteur_id="p02",
            summary="The group looked at data sharing at borders.",
            member_ids=("p01", "p02"),
        ),
        BreakoutGroup("gB", "a2", ASIA, room="Room Mekong", rapporteur_id="p03"),
    )
    contributions = (
        *demo.contributions,
        Contribution("cA", "a2", SAID_IN_A, participant_id="p04", group_id="gA"),
        Contribution("cB", "a2", SAID_IN_B, participant_id="p05", group_id="gB"),
    )
    consensus = (
        *demo.consensus,
        ConsensusPoint("kA", "a2", PROPOSED_IN_A, status=ConsensusStatus.AGREED, group_id="gA"),
        ConsensusPoint(
            "kP", "a4", AGREED_IN_PLENARY, status=ConsensusStatus.AGREED, from_point_id="kA"
        ),
    )
    agenda = tuple(
        dataclasses.replace(item, reports_on="a2") if item.id == "a4" else item
        for item in demo.agenda
    )
    return dataclasses.replace(
        demo, agenda=agenda, groups=groups, contributions=contributions, consensus=consensus
    )


def test_each_group_has_its_part_and_plenary_keeps_its_own(with_groups: WorkshopRecord) -> None:
    minutes = build_minutes(with_groups)
    item = next(i for i in minutes.items if i.id == "a2")
    assert [g.name for g in item.groups] == [AFRICA, ASIA]
    plenary = [s.text for sec in item.sections for s in sec.said]
    in_a = [s.text for sec in item.groups[0].sections for s in sec.said]
    assert SAID_IN_A in in_a and SAID_IN_A not in plenary
    rapporteur = next(p for p in with_groups.participants if p.id == "p02")
    assert rapporteur.name in item.groups[0].rapporteur  # named mode: the person
    report_back = next(i for i in minutes.items if i.id == "a4")
    assert [r.name for r in report_back.reports] == [AFRICA, ASIA]
    assert [p.text for p in report_back.reports[0].points] == [PROPOSED_IN_A]
    agreed = {p.text: p.group for p in minutes.agreed}
    assert agreed[AGREED_IN_PLENARY] == AFRICA  # the link to the group's discussion
    assert PROPOSED_IN_A not in agreed  # a group proposes; plenary agrees


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_format_shows_the_groups_and_the_report_back(
    with_groups: WorkshopRecord, fmt: str
) -> None:
    text = " ".join(text_of(fmt, render(build_minutes(with_groups), Format(fmt))).split())
    text = text.replace("\\", "").replace(" )", ")")  # a span's end is not a space
    for expected in (AFRICA, ASIA, "Room Volta", SAID_IN_A, SAID_IN_B, "Reports from the groups"):
        assert expected in text, (fmt, expected)
    assert text.index(AFRICA) < text.index(SAID_IN_A) < text.index(ASIA) < text.index(SAID_IN_B)
    assert f"(from {AFRICA})" in text
    assert "The group looked at data sharing at borders." in text


def test_anonymous_minutes_name_no_facilitator_or_rapporteur(with_groups: WorkshopRecord) -> None:
    named = build_minutes(with_groups)
    anonymous = build_minutes(with_groups, MinutesOptions(attribution=Attribution.ANONYMOUS))
    item = next(i for i in anonymous.items if i.id == "a2")
    assert [(g.facilitator, g.rapporteur) for g in item.groups] == [("", ""), ("", "")]
    people = with_groups.participants
    anonymous_options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    before = scan_minutes(build_minutes(demo_with(with_groups), anonymous_options), people)
    assert scan_minutes(anonymous, people) == before  # the demo's own, nothing more
    text = render(anonymous, Format.MD).decode()
    for person in people:
        assert person.name not in text
    assert next(i for i in named.items if i.id == "a2").groups[0].facilitator


def test_a_name_in_a_groups_summary_is_found_by_the_anonymity_check(
    with_groups: WorkshopRecord,
) -> None:
    name = next(p.name for p in with_groups.participants if p.id == "p04")
    groups = (
        dataclasses.replace(with_groups.groups[0], summary=f"{name} presented the Sahel case."),
        with_groups.groups[1],
    )
    record = dataclasses.replace(with_groups, groups=groups)
    anonymous = build_minutes(record, MinutesOptions(attribution=Attribution.ANONYMOUS))
    found = {f.where for f in scan_minutes(anonymous, record.participants)}
    assert {f"item 2, {AFRICA}, summary", f"item 3, report of {AFRICA}"} <= found


def demo_with(record: WorkshopRecord) -> WorkshopRecord:
    """The same record without its groups (what the demo alone finds)."""
    return dataclasses.replace(
        record,
        groups=(),
        contributions=tuple(c for c in record.contributions if not c.group_id),
        consensus=tuple(p for p in record.consensus if not p.group_id and not p.from_point_id),
        agenda=tuple(dataclasses.replace(i, reports_on=None) for i in record.agenda),
    )


def test_an_item_without_groups_prints_as_before(demo: WorkshopRecord) -> None:
    minutes = build_minutes(demo)
    assert all(not item.groups and not item.reports for item in minutes.items)
    assert "Reports from the groups" not in render(minutes, Format.MD).decode()


def test_the_balance_of_voices_is_overall_and_per_group(with_groups: WorkshopRecord) -> None:
    turns = (
        Speech(
            "sA1",
            "p04",
            "a2",
            started_at="2017-09-21T10:50:00+02:00",
            ended_at="2017-09-21T10:53:00+02:00",
            status=SpeechStatus.DONE,
            group_id="gA",
        ),
        Speech(
            "sA2",
            "p05",
            "a2",
            started_at="2017-09-21T10:54:00+02:00",
            ended_at="2017-09-21T10:55:00+02:00",
            status=SpeechStatus.DONE,
            group_id="gA",
        ),
    )
    record = dataclasses.replace(with_groups, speeches=(*with_groups.speeches, *turns))
    minutes = build_minutes(record)
    assert minutes.annex is not None
    (group,) = minutes.annex.group_balances  # group B's turns were not recorded
    assert (group.name, group.total_turns, group.total_time) == (AFRICA, 2, "4 min")
    overall = build_minutes(with_groups).annex
    assert overall is not None and minutes.annex.total_turns == overall.total_turns + 2
    for fmt in ("md", "html", "docx"):
        text = " ".join(text_of(fmt, render(minutes, Format(fmt))).split())
        annex = text[text.index("Participation balance") :]
        assert AFRICA in annex and "4 min" in annex, fmt


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_a_report_names_its_rapporteur_without_brackets_in_brackets(
    with_groups: WorkshopRecord, fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / "groups.workshop"
    Document.create_from_record(path, with_groups).close()
    out = tmp_path / f"minutes.{fmt}"
    export_minutes(path, MinutesOptions(), fmt, out)
    text = " ".join(text_of(fmt, out.read_bytes()).replace("\\", "").replace("*", "").split())
    rapporteur = next(p for p in with_groups.participants if p.id == "p02")
    heading = f"{AFRICA} · Rapporteur: {rapporteur.title} {rapporteur.name} (MIEUX Programme)"
    assert heading in text, fmt
    assert "))" not in text
