"""Attribution of a contribution in each mode of the spec's table (domain.attribution)."""

from __future__ import annotations

import pytest

from workshop_app.domain.attribution import (
    Attribution,
    at_sentence_start,
    attribute,
    group_phrase,
    sentence_case_group,
)
from workshop_app.domain.model import Participant

PERSON = Participant(
    id="p",
    name="A. Example",
    title="Ms.",
    organisation="Civil society network",
    stakeholder_group="Civil society",
)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (Attribution.NAMED, "Ms. A. Example (Civil society network)"),
        (Attribution.ORGANISATION, "Civil society network"),
        (Attribution.GROUP, "a participant from civil society"),
        (Attribution.ANONYMOUS, None),
    ],
)
def test_the_spec_table(mode: Attribution, expected: str | None) -> None:
    assert attribute(PERSON, mode) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (Attribution.NAMED, "from the floor"),
        (Attribution.ORGANISATION, "from the floor"),
        (Attribution.GROUP, "from the floor"),
        (Attribution.ANONYMOUS, None),
    ],
)
def test_from_the_floor(mode: Attribution, expected: str | None) -> None:
    assert attribute(None, mode) == expected


def test_missing_parts_fall_back_without_revealing_more() -> None:
    bare = Participant(id="b", name="B. Sample")
    assert attribute(bare, Attribution.NAMED) == "B. Sample"
    assert attribute(bare, Attribution.ORGANISATION) == "a participant"
    assert attribute(bare, Attribution.GROUP) == "a participant"
    grouped = Participant(id="g", name="G", stakeholder_group="Partner countries")
    assert attribute(grouped, Attribution.ORGANISATION) == "a participant from partner countries"


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("Civil society", "civil society"),
        ("Partner countries", "partner countries"),
        ("EU development agencies", "EU development agencies"),
        ("European institutions", "European institutions"),
        ("NGOs", "NGOs"),
        ("Japanese municipalities", "Japanese municipalities"),
        ("Human rights defenders", "human rights defenders"),
        ("academia", "academia"),
        ("", ""),
    ],
)
def test_group_names_in_the_middle_of_a_sentence(group: str, expected: str) -> None:
    assert sentence_case_group(group) == expected


def test_group_phrase_and_sentence_start() -> None:
    assert group_phrase("No group") == "a participant"
    assert at_sentence_start("a participant from civil society") == (
        "A participant from civil society"
    )
    assert at_sentence_start("from the floor") == "From the floor"
    assert at_sentence_start("iDE Foundation") == "iDE Foundation"  # names keep their case
