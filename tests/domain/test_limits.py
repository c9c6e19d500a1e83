"""Each limit is defined once: the store refuses past it in words, the schema states it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import read_back
from workshop_app.assets import asset
from workshop_app.domain import limits
from workshop_app.domain.limits import MAX_NAME, MAX_OUTCOME, MAX_TEXT, SCHEMA_LIMITS, Refusal
from workshop_app.domain.model import AgendaItem, ConsensusPoint, Contribution, NextStep
from workshop_app.store import Document


def _max_lengths(schema: dict[str, Any]) -> Iterator[tuple[str, int]]:
    """(where, maxLength) for every limit the schema's definitions state."""
    for name, definition in schema["$defs"].items():
        if "maxLength" in definition:
            yield name, definition["maxLength"]
        for prop, spec in definition.get("properties", {}).items():
            if "maxLength" in spec:
                yield f"{name}.{prop}", spec["maxLength"]


def test_the_repository_schema_states_the_domain_limits() -> None:
    schema = json.loads(asset("workshop.schema.json").read_text(encoding="utf-8"))
    assert dict(_max_lengths(schema)) == SCHEMA_LIMITS
    # and the table names the constants themselves, not copies of their numbers
    assert SCHEMA_LIMITS["contribution.text"] is limits.MAX_TEXT
    assert SCHEMA_LIMITS["consensus_point.text"] is limits.MAX_OUTCOME
    assert SCHEMA_LIMITS["participant.name"] is limits.MAX_NAME


def test_the_store_refuses_each_kind_of_value_with_its_field(workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        doc.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
        refusals: list[Refusal] = []
        attempts = [
            lambda: doc.contributions.record(
                Contribution(id="c", agenda_item_id="a", text="x" * (MAX_TEXT + 1))
            ),
            lambda: doc.contributions.record(Contribution(id="c", agenda_item_id="a", text="  ")),
            lambda: doc.consensus.record(
                ConsensusPoint(id="p", agenda_item_id="a", text="x" * (MAX_OUTCOME + 1))
            ),
            lambda: doc.next_steps.add(NextStep(id="n", text="Write it up", due="2017-02-30")),
            lambda: doc.workshop.update(date="21/09/2017"),
            lambda: doc.workshop.update(purpose="x" * (MAX_TEXT + 1)),
            lambda: doc.agenda.add_question("a", "?" * (limits.MAX_QUESTION + 1)),
            lambda: doc.participants.update("nobody", name="x" * (MAX_NAME + 1)),
        ]
        for attempt in attempts:
            with pytest.raises(Refusal) as refused:
                attempt()
            refusals.append(refused.value)
    assert [r.field for r in refusals] == [
        "text", "text", "text", "due", "date", "purpose", "text", "name"
    ]  # fmt: skip
    assert "at most 100,000 characters long; this one has 100,001" in refusals[0].message
    assert "2017-02-30 is not a date" in refusals[3].message
    assert all(isinstance(r, ValueError) for r in refusals)  # as callers caught before
    assert read_back(workshop_path, "SELECT count(*) FROM contributions") == [(0,)]
    assert read_back(workshop_path, "SELECT count(*) FROM actions") == [(0,)]
    assert read_back(workshop_path, "SELECT date, purpose FROM workshop") == [(None, None)]
