"""What a committed write changed, announced to whoever listens (the Qt models)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


class Entity(StrEnum):
    WORKSHOP = "workshop"
    PARTICIPANT = "participant"
    DAY = "day"
    AGENDA_ITEM = "agenda_item"
    GROUP = "group"
    QUESTION = "question"
    SPEECH = "speech"
    CONTRIBUTION = "contribution"
    CONSENSUS = "consensus"
    NEXT_STEP = "next_step"
    DRAFT = "draft"


class ChangeKind(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    REMOVED = "removed"
    MOVED = "moved"


@dataclass(frozen=True)
class Change:
    entity: Entity
    kind: ChangeKind
    ids: tuple[str, ...] = ()


Listener = Callable[[Sequence[Change]], None]


@dataclass
class Transaction:
    """The open write: its database handle and the changes it will announce on commit."""

    db: Database
    changes: list[Change] = field(default_factory=list)

    def changed(self, entity: Entity, kind: ChangeKind, *ids: str) -> None:
        self.changes.append(Change(entity, kind, tuple(ids)))
