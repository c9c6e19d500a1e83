"""What the Minutes value holds for the demo: the rules of how such minutes are written."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import ItemStatus, WorkshopRecord
from workshop_app.minutes import MinutesOptions, RecordMode, build_minutes
from workshop_app.minutes.labels import duration_words


def test_title_block_and_chair_per_mode(demo: WorkshopRecord) -> None:
    def chairs(mode: Attribution) -> tuple[str, ...]:
        return build_minutes(demo, MinutesOptions(attribution=mode)).chairs

    minutes = build_minutes(demo)
    assert (minutes.title, minutes.date, minutes.venue) == (
        "European Conversation",
        "21 September 2017",
        "Brussels, Belgium",
    )
    assert chairs(Attribution.NAMED) == (
        "Ms. Ingrid Solberg (European Commission, DG International Cooperation and Development)",
    )
    assert chairs(Attribution.ORGANISATION) == (
        "European Commission, DG International Cooperation and Development",
    )
    # Not "Chair: A participant from European institutions" (issue 18): none in group mode.
    assert chairs(Attribution.GROUP) == ()
    assert chairs(Attribution.ANONYMOUS) == ()


def test_who_took_part_counts_present_people_and_lists_them_only_where_allowed(
    demo: WorkshopRecord,
) -> None:
    named = build_minutes(demo)
    assert [(p.group, p.present) for p in named.presence] == [
        ("EU development agencies", 4),
        ("European institutions", 3),
        ("Partner countries", 3),  # Grace Achieng registered but did not come
        ("Civil society", 4),
    ]
    assert named.total_present == 14
    assert named.attendance_has_names and len(named.attendance) == 14
    assert named.attendance[0].name == "Mr. Tomas Reinholt"
    by_organisation = build_minutes(demo, MinutesOptions(attribution=Attribution.ORGANISATION))
    assert by_organisation.attendance_shown and not by_organisation.attendance_has_names
    organisations = [a.organisation for a in by_organisation.attendance]
    assert organisations.count("MIEUX Programme") == 1  # each organisation once
    assert all(a.name == "" for a in by_organisation.attendance)
    for mode in (Attribution.GROUP, Attribution.ANONYMOUS):
        minutes = build_minutes(demo, MinutesOptions(attribution=mode))
        assert not minutes.attendance_shown and minutes.attendance == ()
        assert minutes.total_present == 14


def test_agenda_numbers_sessions_and_shows_planned_and_actual_times(demo: WorkshopRecord) -> None:
    items = build_minutes(demo).items
    assert [(i.number, i.title) for i in items][2:4] == [
        (None, "Lunch"),
        (3, "The way forward: regional events in 2018"),
    ]
    second = items[1]
    assert (second.planned_start, second.planned_end, second.duration) == ("10:00", "12:00", "2h00")
    assert (second.actual_start, second.actual_end) == ("10:04", "12:11")
    assert [i.title for i in build_minutes(demo).body_items] == [
        "Opening and welcome",
        "Partnerships and capacity development in migration management",
        "The way forward: regional events in 2018",
        "Closing remarks",
    ]


def test_sections_follow_the_guiding_questions(demo: WorkshopRecord) -> None:
    item = build_minutes(demo).items[1]
    first, second, third = item.sections
    assert first.question == "What can be considered a real partnership?"
    assert [s.id for s in first.said] == ["c03", "c05", "c15"]
    assert [s.id for s in first.examples] == ["c04", "c09"]
    assert [(c.id, c.status_label) for c in first.consensus] == [("k1", "Agreed")]
    assert second.consensus[0].reservations.startswith("Some partner-country delegates")
    assert [c.status for c in third.consensus] == ["agreed", "no_consensus"]
    opening = build_minutes(demo).items[0]
    assert [s.question for s in opening.sections] == [None]  # no questions: one general section


def test_points_agreed_and_next_steps(demo: WorkshopRecord) -> None:
    minutes = build_minutes(demo)
    assert [p.id for p in minutes.agreed] == ["k1", "k3", "k2", "k5"]
    assert [(s.owner, s.due, s.status_label) for s in minutes.next_steps] == [
        ("MIEUX Programme", "31 December 2018", "Open"),
        ("Ms. Léa Marchand (MIEUX Programme)", "6 October 2017", "Done"),
        ("All participants", "31 January 2018", "Open"),
        ("Mr. Tomas Reinholt (MIEUX Programme)", "15 December 2017", "Open"),
    ]
    # Before the organiser lists the public names, "MIEUX Programme" is two participants'
    # organisation: not printed as an owner either, but said to be an organisation of their
    # group (four present: at least k); the people by their roles (issue 18: never blank).
    private = dataclasses.replace(
        demo, workshop=dataclasses.replace(demo.workshop, public_names=())
    )
    anonymous = build_minutes(private, MinutesOptions(attribution=Attribution.ANONYMOUS))
    assert [s.owner for s in anonymous.next_steps] == [
        "an organisation from EU development agencies",
        "a rapporteur",
        "All participants",
        "a facilitator",
    ]
    # The demo lists the convening programme as public: its people's steps are its own.
    public = build_minutes(demo, MinutesOptions(attribution=Attribution.ANONYMOUS))
    assert [s.owner for s in public.next_steps] == [
        "MIEUX Programme",
        "MIEUX Programme",
        "All participants",
        "MIEUX Programme",
    ]


def test_annex_balance_and_speakers_log(demo: WorkshopRecord) -> None:
    annex = build_minutes(demo).annex
    assert annex is not None
    assert [(r.group, r.turns, r.time, r.percent) for r in annex.balance] == [
        ("EU development agencies", 5, "56 min", 35),  # speaking time, not "56:00" (a time)
        ("European institutions", 4, "37 min", 23),
        ("Partner countries", 5, "39 min", 25),
        ("Civil society", 4, "27 min", 17),
    ]
    assert annex.total_turns == 18 and annex.total_time == "2 h 39 min"
    assert {entry.duration for entry in annex.speakers_log} <= {
        f"{m} min" for m in range(1, 60)
    } | {f"{m} min {s} s" for m in range(60) for s in range(1, 60)}
    assert annex.speakers_log[0].time == "09:33"
    assert len(annex.speakers_log) == 18
    anonymous = build_minutes(demo, MinutesOptions(attribution=Attribution.ANONYMOUS)).annex
    assert anonymous is not None and not anonymous.log_shown and anonymous.speakers_log == ()
    assert build_minutes(demo, MinutesOptions(annex=False)).annex is None


def test_highlights_keep_highlighted_statements_and_count_the_rest(demo: WorkshopRecord) -> None:
    item = build_minutes(demo, MinutesOptions(record=RecordMode.HIGHLIGHTS)).items[1]
    first = item.sections[0]
    assert [s.id for s in first.said] == ["c03"]
    assert first.not_shown == 2
    assert [s.id for s in first.examples] == ["c04", "c09"]


def test_times_without_a_zone_keep_the_recorded_offset(demo: WorkshopRecord) -> None:
    record = dataclasses.replace(demo, workshop=dataclasses.replace(demo.workshop, timezone=None))
    assert build_minutes(record).items[1].actual_start == "10:04"
    utc = dataclasses.replace(demo, workshop=dataclasses.replace(demo.workshop, timezone="UTC"))
    assert build_minutes(utc).items[1].actual_start == "08:04"


def test_skipped_break_without_content_is_only_in_the_agenda(demo: WorkshopRecord) -> None:
    items = list(demo.agenda)
    items[4] = dataclasses.replace(items[4], status=ItemStatus.SKIPPED)
    record = dataclasses.replace(
        demo,
        agenda=tuple(items),
        contributions=tuple(c for c in demo.contributions if c.agenda_item_id != "a5"),
    )
    minutes = build_minutes(record)
    assert minutes.items[4].skipped
    assert "Closing remarks" not in [i.title for i in minutes.body_items]


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (40, "40 s"),
        (205, "3 min 25 s"),
        (3360, "56 min"),
        (9540, "2 h 39 min"),
        (3600, "1 h 00 min"),
    ],
)
def test_a_speaking_time_is_said_in_words(seconds: float, said: str) -> None:
    assert duration_words(seconds) == said


def test_minutes_of_a_day_still_running_print_no_empty_items() -> None:
    """Items not begun yet stay in the agenda but get no part of their own (they printed a
    heading over "Nothing was recorded on this question" lines)."""
    from workshop_app.demo import demo_in_progress
    from workshop_app.minutes import Format, render

    minutes = build_minutes(demo_in_progress())
    held = {item.title for item in minutes.body_items}
    assert "Closing remarks" not in held
    assert "Closing remarks" in {item.title for item in minutes.items}
    text = render(minutes, Format.MD).decode()
    assert "## 4. Closing remarks" not in text


def test_one_contribution_left_out_is_said_in_the_singular(demo: WorkshopRecord) -> None:
    from workshop_app.minutes import Format, render

    minutes = build_minutes(demo, MinutesOptions(record=RecordMode.HIGHLIGHTS))
    counts = {s.not_shown for item in minutes.items for s in item.sections}
    assert 1 in counts  # the demo has a question with exactly one left out
    text = render(minutes, Format.MD).decode()
    assert "1 further contribution is in the full record." in text
    assert "1 further contributions" not in text


def test_the_speakers_log_names_an_item_once_per_run_of_turns(demo: WorkshopRecord) -> None:
    annex = build_minutes(demo).annex
    assert annex is not None
    titles = [entry.item_title for entry in annex.speakers_log]
    assert titles[0]  # the first row names its item
    shown = [t for t in titles if t]
    assert len(shown) < len(titles)  # not repeated on every row
    assert all(a != b for a, b in itertools.pairwise(shown))  # each a new item
