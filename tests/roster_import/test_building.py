"""Planning an import: names, roles, presence, groups, duplicates, and refusing bad rows."""

from __future__ import annotations

import pytest

from tests.roster_import.helpers import person
from workshop_app.domain.model import Participant, Role
from workshop_app.roster_import import (
    ImportPlan,
    RawTable,
    RosterImportError,
    Target,
    build_participants,
    guess_mapping,
)


def table(headers: list[str], *rows: list[str]) -> RawTable:
    """A table as read from a file whose header is on row 1."""
    return RawTable(headers, [list(row) for row in rows], list(range(2, len(rows) + 2)))


def plan_for(
    headers: list[str],
    *rows: list[str],
    existing: list[Participant] | None = None,
    groups: tuple[str, ...] = (),
) -> ImportPlan:
    raw = table(headers, *rows)
    return build_participants(raw, guess_mapping(headers), existing or [], known_groups=groups)


def error_for(headers: list[str], *rows: list[str]) -> RosterImportError:
    with pytest.raises(RosterImportError) as caught:
        plan_for(headers, *rows)
    return caught.value


def test_all_fields_are_imported() -> None:
    plan = plan_for(
        ["Title", "Name", "Organisation", "Group", "Country", "E-mail", "Role", "Present"],
        [
            "Ms.",
            "Kerstin Håkansson",
            "DG DEVCO",
            "EU institutions",
            "Belgium",
            "c@ec.eu",
            "Chair",
            "x",
        ],
    )
    (added,) = plan.to_add
    assert added.name == "Kerstin Håkansson"
    assert (added.title, added.organisation, added.stakeholder_group) == (
        "Ms.",
        "DG DEVCO",
        "EU institutions",
    )
    assert (added.country, added.email, added.role, added.present) == (
        "Belgium",
        "c@ec.eu",
        Role.CHAIR,
        True,
    )
    assert plan.skipped == []


def test_every_participant_gets_a_fresh_id() -> None:
    plan = plan_for(["Name"], ["A"], ["B"], ["C"])
    ids = [p.id for p in plan.to_add]
    assert len(set(ids)) == 3 and all(len(i) == 36 for i in ids)


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        ("Kerstin", "Håkansson", "Kerstin Håkansson"),
        ("  Jean   Pierre ", " de  la Cruz ", "Jean Pierre de la Cruz"),
        ("", "Gottwald", "Gottwald"),
        ("Rainer", "", "Rainer"),
    ],
)
def test_first_and_last_names_are_joined(first: str, last: str, name: str) -> None:
    plan = plan_for(["First name", "Surname", "Email"], [first, last, "x@y"])
    assert [p.name for p in plan.to_add] == [name]


def test_a_dutch_particle_or_a_middle_name_goes_between_first_and_last() -> None:
    plan = plan_for(
        ["Voornaam", "Tussenvoegsel", "Achternaam", "Organisatie"],
        ["Pieter", "van", "Dam", "EEAS"],
        ["Aoife", "", "D'Arcy", "Ambassade van Ierland"],
        ["Ingrid", "", "", "DG INTPA"],
    )
    assert [p.name for p in plan.to_add] == ["Pieter van Dam", "Aoife D'Arcy", "Ingrid"]
    plan = plan_for(["First name", "Middle name", "Last name"], ["María", "José", "Fernández"])
    assert [p.name for p in plan.to_add] == ["María José Fernández"]


def test_a_particle_alone_is_not_a_name() -> None:
    error = error_for(["Voornaam", "Tussenvoegsel", "Achternaam"], ["", "van", ""])
    assert error.message.startswith("row 2, columns 'Voornaam' and 'Achternaam': no name")


def test_full_name_wins_and_parts_fill_in_when_it_is_blank() -> None:
    plan = plan_for(
        ["Name", "First name", "Last name"],
        ["Dr Ana Pérez", "Ana", "Pérez"],
        ["", "Rainer", "Gottwald"],
    )
    assert [p.name for p in plan.to_add] == ["Dr Ana Pérez", "Rainer Gottwald"]


def test_cells_become_single_lines_and_empty_cells_absent() -> None:
    plan = plan_for(
        ["Name", "Organisation", "Country", "Email"],
        ["  Ana \t Pérez ", "DG DEVCO\r\nEuropean\x0bCommission", "", "   "],
    )
    (added,) = plan.to_add
    assert added.name == "Ana Pérez"
    assert added.organisation == "DG DEVCO European Commission"
    assert added.country is None and added.email is None


@pytest.mark.parametrize(
    ("cell", "role"),
    [
        ("", Role.PARTICIPANT),
        ("chair", Role.CHAIR),
        ("FACILITATOR", Role.FACILITATOR),
        ("Rapporteur", Role.RAPPORTEUR),
        ("organiser", Role.ORGANISER),
        ("Organizer", Role.ORGANISER),
        (" speaker ", Role.SPEAKER),
        ("participant", Role.PARTICIPANT),
        ("Observer", Role.OBSERVER),
    ],
)
def test_roles_in_english_any_case(cell: str, role: Role) -> None:
    assert plan_for(["Name", "Role"], ["A", cell]).to_add[0].role is role


@pytest.mark.parametrize(
    ("cell", "present"),
    [
        ("yes", True),
        ("YES", True),
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("x", True),
        ("X", True),
        ("no", False),
        ("false", False),
        ("0", False),
        ("", False),
    ],
)
def test_present_values(cell: str, present: bool) -> None:
    assert plan_for(["Name", "Attended"], ["A", cell]).to_add[0].present is present


def test_without_a_present_column_nobody_is_present_yet() -> None:
    # A registration list says who registered; check-in at the door says who came.
    assert [p.present for p in plan_for(["Name"], ["A"], ["B"]).to_add] == [False, False]


def test_default_present_can_be_chosen_by_the_caller() -> None:
    raw = table(["Name"], ["A"])
    plan = build_participants(raw, guess_mapping(["Name"]), [], default_present=True)
    assert plan.to_add[0].present is True


def test_groups_take_the_workshops_spelling_and_new_ones_are_offered() -> None:
    plan = plan_for(
        ["Name", "Stakeholder group"],
        ["A", "civil  SOCIETY"],
        ["B", "Partner countries"],
        ["C", "partner countries"],
        ["D", ""],
        ["E", "Academia"],
        groups=("Civil society", "EU institutions"),
    )
    assert [p.stakeholder_group for p in plan.to_add] == [
        "Civil society",
        "Partner countries",
        "Partner countries",
        None,
        "Academia",
    ]
    assert plan.new_groups == ["Partner countries", "Academia"]


def test_people_already_on_the_roster_are_skipped_and_named() -> None:
    roster = [
        person("Kerstin Håkansson", email="Kerstin@EC.eu", organisation="DG DEVCO"),
        person("Rainer Gottwald", organisation="ICMPD"),
    ]
    plan = plan_for(
        ["Name", "Organisation", "Email"],
        ["C. Håkansson", "European Commission", "kerstin@ec.eu "],
        ["rainer  gottwald", "icmpd", ""],
        ["Rainer Gottwald", "UNHCR", ""],
        existing=roster,
    )
    assert [p.name for p in plan.to_add] == ["Rainer Gottwald"]
    assert [(s.row, s.name, s.on_roster) for s in plan.skipped] == [
        (2, "C. Håkansson", True),
        (3, "rainer gottwald", True),
    ]
    assert plan.skipped[0].reason == "already on the roster as Kerstin Håkansson (same email)"
    assert plan.skipped[1].reason == (
        "already on the roster as Rainer Gottwald (same name and organisation)"
    )


def test_people_listed_twice_in_the_file_are_added_once() -> None:
    plan = plan_for(
        ["Name", "Organisation", "Email"],
        ["Ana Pérez", "Ministry", "ana@x"],
        ["Ana P.", "Other", "ANA@X"],
        ["Jo Li", "", ""],
        ["jo li", "", ""],
    )
    assert [p.name for p in plan.to_add] == ["Ana Pérez", "Jo Li"]
    assert [(s.row, s.reason, s.on_roster) for s in plan.skipped] == [
        (3, "the same person as row 2 (same email)", False),
        (5, "the same person as row 4 (same name and organisation)", False),
    ]


def test_preview_shows_the_first_rows_as_they_will_be_imported() -> None:
    plan = plan_for(["Name", "Role"], ["A", "chair"], ["A", ""], ["B", ""], ["C", ""])
    preview = plan.preview(3)
    assert [(row.row, row.participant.name, row.participant.role) for row in preview] == [
        (2, "A", Role.CHAIR),
        (3, "A", Role.PARTICIPANT),
        (4, "B", Role.PARTICIPANT),
    ]
    assert [row.skipped is not None for row in preview] == [False, True, False]
    assert plan.preview(0) == [] and len(plan.preview(99)) == 4


def test_a_row_without_a_name_is_refused_naming_row_and_column() -> None:
    error = error_for(["Name", "Email"], ["A", "a@x"], ["", "b@x"])
    assert error.message == "row 3, column 'Name': no name"
    assert error.row == 3


def test_missing_first_and_last_name_names_both_columns() -> None:
    error = error_for(["Given name", "Family name", "Email"], ["", " ", "b@x"])
    assert error.message == "row 2, columns 'Given name' and 'Family name': no name"


@pytest.mark.parametrize(
    ("header", "length", "limit"),
    [("E-mail", 501, 500), ("Organisation", 501, 500), ("Country", 501, 500), ("Title", 51, 50)],
)
def test_fields_over_the_spec_limits_are_refused(header: str, length: int, limit: int) -> None:
    error = error_for(["Name", header], ["A", "ok"], ["B", "x" * (limit)], ["C", "x" * length])
    assert error.message == f"row 4, column '{header}': longer than {limit} characters"


def test_fields_at_the_limits_are_accepted() -> None:
    plan = plan_for(["Name", "Title", "Email"], ["n" * 200, "t" * 50, "e" * 500])
    assert len(plan.to_add) == 1


def test_a_name_over_200_characters_is_refused() -> None:
    error = error_for(["Name"], ["n" * 201])
    assert error.message == "row 2, column 'Name': the name is longer than 200 characters"
    joined = error_for(["First name", "Last name"], ["f" * 100, "l" * 100])
    assert joined.message.startswith("row 2, columns 'First name' and 'Last name': ")


def test_a_long_title_hints_at_job_titles() -> None:
    error = error_for(
        ["Name", "Title"], ["A", "Deputy Head of Unit for Migration and Employment, EC"]
    )
    assert "job title" in error.hint


def test_an_unknown_role_is_refused_naming_row_column_and_value() -> None:
    error = error_for(["Name", "Role"], ["A", "chair"], ["B", "Keynote"])
    assert error.message.startswith("row 3, column 'Role': 'Keynote' is not a role (one of chair,")


def test_an_unreadable_present_value_is_refused() -> None:
    error = error_for(["Name", "Present"], ["A", "maybe"])
    assert error.message == "row 2, column 'Present': 'maybe' is neither yes nor no"


def test_the_first_bad_row_is_named_and_the_others_counted() -> None:
    error = error_for(["Name", "Role"], ["A", ""], ["", ""], ["C", "boss"], ["D", "king"])
    assert error.message == "row 3, column 'Name': no name"
    assert "2 other rows have problems too." in error.hint
    assert len(error.problems) == 3
    assert error.problems[1].startswith("row 4, column 'Role': ")


def test_unnamed_columns_are_named_by_letter() -> None:
    raw = table(["Name", ""], ["A", "someone"])
    mapping = guess_mapping(raw.headers)
    mapping.targets[1] = Target.ROLE
    with pytest.raises(RosterImportError, match=r"^row 2, column B: 'someone' is not a role"):
        build_participants(raw, mapping, [])


def test_an_ambiguous_mapping_is_refused_before_any_row() -> None:
    raw = table(["Name", "Email", "E-mail"], ["A", "a@x", "b@x"])
    with pytest.raises(RosterImportError, match="'Email' and 'E-mail' could each be the email"):
        build_participants(raw, guess_mapping(raw.headers), [])


def test_unrecognised_columns_are_not_imported() -> None:
    plan = plan_for(["Name", "Dietary needs"], ["A", "vegetarian"])
    assert plan.to_add[0] == Participant(id=plan.to_add[0].id, name="A", present=False)
