"""What every part of building the minutes needs, and the record indexed for it, once.

A day's record has tens of thousands of contributions but a few hundred items, speakers and
distinct moments: the contributions and points are grouped by item in one pass, and the work
done per speaker or per timestamp is done once for each. Everything lives only as long as one
build (one export), so nothing can be served stale.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from workshop_app.domain.attribution import attribute
from workshop_app.domain.clock import parse_timestamp, venue_time, venue_zone
from workshop_app.domain.model import (
    AgendaItem,
    BreakoutGroup,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    Participant,
    WorkshopRecord,
)
from workshop_app.minutes.labels import labels_for
from workshop_app.minutes.normalise import fold
from workshop_app.minutes.options import MinutesOptions
from workshop_app.minutes.text import one_line

# Withdrawn points were taken back in the room; minutes do not report them.
HIDDEN_CONSENSUS = (ConsensusStatus.WITHDRAWN,)


class BuildContext:
    """People, mode, the venue's time zone; contributions and points per item; memos."""

    def __init__(self, record: WorkshopRecord, options: MinutesOptions) -> None:
        self.record = record
        self.options = options
        self.mode = options.attribution
        self.people = {p.id: p for p in record.participants}
        self.timezone = record.workshop.timezone
        # By (item, breakout group): plenary's under (item, None).
        self.contributions: dict[tuple[str, str | None], list[Contribution]] = defaultdict(list)
        for c in record.contributions:
            self.contributions[c.agenda_item_id, c.group_id].append(c)
        self.points: dict[tuple[str, str | None], list[ConsensusPoint]] = defaultdict(list)
        for p in record.consensus:
            if p.status not in HIDDEN_CONSENSUS:
                self.points[p.agenda_item_id, p.group_id].append(p)
        self.groups_of: dict[str, list[BreakoutGroup]] = defaultdict(list)
        for group in record.groups:
            self.groups_of[group.agenda_item_id].append(group)
        self._group_names = {g.id: one_line(g.name) for g in record.groups}
        self._point_groups = {p.id: p.group_id for p in record.consensus}
        self._items = {item.id: item for item in record.agenda}
        self._named: dict[str, Participant] | None = None
        self._who: dict[str | None, str | None] = {}
        self._local: dict[str | None, dt.datetime | None] = {}
        self._stamps: dict[str | None, tuple[str, str]] = {}
        self.labels = labels_for(options.language or record.workshop.language)
        self.organiser = one_line(record.workshop.organiser)
        #: A group may be named in anonymous minutes when at least this many of it are present.
        self.anonymity_k = record.workshop.anonymity_k
        self._present: dict[str, int] = defaultdict(int)
        for person in record.participants:
            if person.present:
                self._present[one_line(person.stakeholder_group).casefold()] += 1
        self._public: frozenset[str] | None = None

    def present_in_group(self, group: str) -> int:
        """How many participants of the stakeholder group ``group`` are present."""
        return self._present.get(one_line(group).casefold(), 0)

    def public_names(self) -> frozenset[str]:
        """The workshop's public names and its organiser, folded as the anonymity check does."""
        if self._public is None:
            names = (*self.record.workshop.public_names, self.organiser)
            self._public = frozenset(
                " ".join(fold(one_line(name)).text.split()) for name in names if one_line(name)
            )
        return self._public

    def item(self, item_id: str) -> AgendaItem | None:
        return self._items.get(item_id)

    def group_name(self, group_id: str | None) -> str:
        """A breakout group's name; "" for plenary."""
        return self._group_names.get(group_id, "") if group_id else ""

    def group_label(self, point: ConsensusPoint) -> str:
        """For a point plenary took up from a group's: that group; else ""."""
        return self.group_name(self._point_groups.get(point.from_point_id or ""))

    def who(self, participant_id: str | None) -> str | None:
        if participant_id not in self._who:
            person = self.people.get(participant_id) if participant_id else None
            who = attribute(person, self.mode)
            # One line, and no directional control left open to turn round what follows it.
            self._who[participant_id] = one_line(who) if who is not None else None
        return self._who[participant_id]

    def local(self, timestamp: str | None) -> dt.datetime | None:
        """A recorded moment as the venue's wall-clock time (or as recorded, without a zone)."""
        if timestamp in self._local:
            return self._local[timestamp]
        moment: dt.datetime | None = None
        if timestamp:
            try:
                moment = parse_timestamp(timestamp)
            except ValueError:
                moment = None
            else:
                # On the venue's clock, or as recorded when the workshop has no zone.
                moment = venue_time(moment, self.timezone) if venue_zone(self.timezone) else moment
        self._local[timestamp] = moment
        return moment

    def stamp(self, timestamp: str | None) -> tuple[str, str]:
        """``("10:45", "2017-09-21 10:45")`` for a recorded moment; empty when none."""
        if timestamp not in self._stamps:
            moment = self.local(timestamp)
            full = moment.strftime("%Y-%m-%d %H:%M") if moment else ""
            self._stamps[timestamp] = (hhmm(moment), full)
        return self._stamps[timestamp]

    def named(self, wanted: str) -> Participant | None:
        """The first participant (in roster order) whose name or email is ``wanted`` (folded)."""
        if self._named is None:
            self._named = {}
            for person in self.record.participants:
                for key in (one_line(person.name).casefold(), one_line(person.email).casefold()):
                    if key:
                        self._named.setdefault(key, person)
        return self._named.get(wanted)


def hhmm(moment: dt.datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else ""
