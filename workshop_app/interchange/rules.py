"""The rules of an interchange file that its schema cannot express: unique ids, references.

They run on a document that already passed the schema, so shapes and types can be trusted.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Iterator
from typing import Any

from workshop_app.interchange.errors import InterchangeError, JsonPath, format_path, quote
from workshop_app.interchange.validation import document_position

Problem = tuple[JsonPath, str]


def first_rule_problem(document: dict[str, Any]) -> InterchangeError | None:
    """The broken rule that comes first in the document, or None if every rule holds."""
    problems = list(_problems(document))
    if not problems:
        return None
    path, message = min(problems, key=lambda p: document_position(document, p[0]))
    return InterchangeError.at(path, message)


@functools.cache
def _known_zones() -> frozenset[str]:
    # The list rather than ZoneInfo(name): that would accept "europe/brussels" on a
    # case-insensitive disk and "localtime", neither of which names the same zone elsewhere.
    return frozenset(zoneinfo.available_timezones() - {"localtime"})


def _problems(document: dict[str, Any]) -> Iterator[Problem]:
    yield from _workshop_problems(document["workshop"])
    index = _Index(document)
    yield from index.problems
    yield from _day_problems(document, index)
    yield from _group_problems(document, index)
    yield from _speech_problems(document, index)
    yield from _contribution_problems(document, index)
    yield from _consensus_problems(document, index)
    yield from _action_problems(document, index)


def _workshop_problems(workshop: dict[str, Any]) -> Iterator[Problem]:
    zone = workshop.get("timezone")
    if zone is not None and zone not in _known_zones():
        yield (
            ("workshop", "timezone"),
            f"{quote(zone)} is not a known IANA time zone (e.g. Europe/Brussels)",
        )
    start = workshop.get("start_time")
    if start is not None and int(start[:2]) > 23:
        yield (("workshop", "start_time"), f"{quote(start)} is not a time of day")


class _Index:
    """The ids of each list (first occurrence wins), and the problems met while building it."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.problems: list[Problem] = []
        self.participants = self._ids(document, "participants")
        self.days = self._ids(document, "days")
        #: group id -> its agenda item
        self.groups = {
            gid: group["agenda_item"] for gid, group in self._ids(document, "groups").items()
        }
        self.points = self._ids(document, "consensus")
        self.agenda = self._ids(document, "agenda")
        self.speeches = self._ids(document, "speeches")
        self.contributions = self._ids(document, "contributions")
        self._ids(document, "actions")
        #: question id -> (the agenda item it belongs to, where it is)
        self.questions: dict[str, tuple[str, JsonPath]] = {}
        for i, item in enumerate(document.get("agenda", [])):
            for j, question in enumerate(item.get("questions", [])):
                path: JsonPath = ("agenda", i, "questions", j, "id")
                seen = self.questions.get(question["id"])
                if seen is not None:
                    self.problems.append(
                        (path, f"{_already_used(question['id'])} {format_path(seen[1])}")
                    )
                else:
                    self.questions[question["id"]] = (item["id"], path)

    def _ids(self, document: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        where: dict[str, int] = {}
        for i, obj in enumerate(document.get(key, [])):
            if obj["id"] in found:
                first = format_path((key, where[obj["id"]], "id"))
                self.problems.append(((key, i, "id"), f"{_already_used(obj['id'])} {first}"))
            else:
                found[obj["id"]] = obj
                where[obj["id"]] = i
        return found


def _already_used(value: str) -> str:
    return f"the id {quote(value)} is already used by"


def _missing(path: JsonPath, value: str, noun: str) -> Problem:
    return path, f"{quote(value)} is not {noun} of this workshop"


def _day_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    """Each item's day is one of the file's, and the days' items come in the days' order."""
    days = list(index.days)
    for i, day in enumerate(document.get("days", [])):
        for key in ("start_time", "end_time"):
            time = day.get(key)
            if time is not None and int(time[:2]) > 23:
                yield (("days", i, key), f"{quote(time)} is not a time of day")
    latest = 0  # the position of the day of the items so far
    for i, item in enumerate(document.get("agenda", [])):
        day = item.get("day")
        if day is None:
            continue
        if day not in index.days:
            yield _missing(("agenda", i, "day"), day, "a day")
            continue
        if days.index(day) < latest:
            yield (
                ("agenda", i, "day"),
                f"{quote(day)} is an earlier day than the items before it: the agenda is "
                "listed in running order, each day's items after the day before's",
            )
        latest = max(latest, days.index(day))


def _group_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    """Each group's item and people exist; each item's report-back names another item."""
    for i, group in enumerate(document.get("groups", [])):
        if group["agenda_item"] not in index.agenda:
            yield _missing(("groups", i, "agenda_item"), group["agenda_item"], "an agenda item")
        for key in ("facilitator", "rapporteur"):
            person = group.get(key)
            if person is not None and person not in index.participants:
                yield _missing(("groups", i, key), person, "a participant")
        seen: set[str] = set()
        for j, member in enumerate(group.get("members", [])):
            if member not in index.participants:
                yield _missing(("groups", i, "members", j), member, "a participant")
            elif member in seen:
                yield (("groups", i, "members", j), f"{quote(member)} is listed twice")
            seen.add(member)
    for i, item in enumerate(document.get("agenda", [])):
        target = item.get("reports_on")
        if target is not None and (target not in index.agenda or target == item["id"]):
            yield _missing(("agenda", i, "reports_on"), target, "another agenda item")
        for j, question in enumerate(item.get("questions", [])):
            yield from _in_group(("agenda", i, "questions", j), question, item["id"], index)


def _in_group(path: JsonPath, obj: dict[str, Any], item: str, index: _Index) -> Iterator[Problem]:
    """``obj``'s group, if any, is a breakout group of ``item``."""
    group = obj.get("group")
    if group is None:
        return
    if group not in index.groups:
        yield _missing((*path, "group"), group, "a breakout group")
    elif index.groups[group] != item:
        yield (
            (*path, "group"),
            f"{quote(group)} is a breakout group of agenda item {quote(index.groups[group])}, "
            f"not of {quote(item)}",
        )


def _speech_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    for i, speech in enumerate(document.get("speeches", [])):
        if speech["participant"] not in index.participants:
            yield _missing(("speeches", i, "participant"), speech["participant"], "a participant")
        if speech["agenda_item"] not in index.agenda:
            yield _missing(("speeches", i, "agenda_item"), speech["agenda_item"], "an agenda item")
        yield from _in_group(("speeches", i), speech, speech["agenda_item"], index)


def _item_and_question(path: JsonPath, obj: dict[str, Any], index: _Index) -> Iterator[Problem]:
    """The agenda item resolves, and the question, if any, is one of that item's."""
    item = obj["agenda_item"]
    item_known = item in index.agenda
    if not item_known:
        yield _missing((*path, "agenda_item"), item, "an agenda item")
    question = obj.get("question")
    if question is None:
        return
    owner = index.questions.get(question)
    if owner is None:
        if item_known:
            message = f"{quote(question)} is not a guiding question of agenda item {quote(item)}"
            yield (*path, "question"), f"{message}: no guiding question has that id"
        else:
            yield _missing((*path, "question"), question, "a guiding question")
    elif item_known and owner[0] != item:
        yield (
            (*path, "question"),
            f"{quote(question)} is not a guiding question of agenda item {quote(item)} "
            f"(it belongs to {quote(owner[0])})",
        )


def _contribution_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    for i, contribution in enumerate(document.get("contributions", [])):
        path: JsonPath = ("contributions", i)
        yield from _item_and_question(path, contribution, index)
        yield from _in_group(path, contribution, contribution["agenda_item"], index)
        participant = contribution.get("participant")
        if participant is not None and participant not in index.participants:
            yield _missing((*path, "participant"), participant, "a participant")
        speech_id = contribution.get("speech")
        if speech_id is None:
            continue
        speech = index.speeches.get(speech_id)
        if speech is None:
            yield _missing((*path, "speech"), speech_id, "a speech")
        elif contribution["agenda_item"] in index.agenda and (
            speech["agenda_item"] != contribution["agenda_item"]
        ):
            yield (
                (*path, "speech"),
                f"speech {quote(speech_id)} is on agenda item {quote(speech['agenda_item'])}, "
                f"not on {quote(contribution['agenda_item'])} like this contribution",
            )


def _consensus_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    for i, point in enumerate(document.get("consensus", [])):
        path: JsonPath = ("consensus", i)
        yield from _item_and_question(path, point, index)
        yield from _in_group(path, point, point["agenda_item"], index)
        source = point.get("from_point")
        if source is not None and (source not in index.points or source == point["id"]):
            yield _missing((*path, "from_point"), source, "another consensus point")
        listed: dict[str, int] = {}
        for j, contribution in enumerate(point.get("supporting_contributions", [])):
            where: JsonPath = (*path, "supporting_contributions", j)
            if contribution in listed:
                yield (
                    where,
                    f"contribution {quote(contribution)} is listed twice "
                    f"(also supporting_contributions[{listed[contribution]}])",
                )
                continue
            listed[contribution] = j
            if contribution not in index.contributions:
                yield _missing(where, contribution, "a contribution")


def _action_problems(document: dict[str, Any], index: _Index) -> Iterator[Problem]:
    for i, action in enumerate(document.get("actions", [])):
        item = action.get("agenda_item")
        if item is not None and item not in index.agenda:
            yield _missing(("actions", i, "agenda_item"), item, "an agenda item")
        group = action.get("group")
        if group is not None and item is None and group not in index.groups:
            yield _missing(("actions", i, "group"), group, "a breakout group")
        elif item is not None:
            yield from _in_group(("actions", i), action, item, index)
        owner = action.get("owner_participant")
        if owner is not None and owner not in index.participants:
            yield _missing(("actions", i, "owner_participant"), owner, "a participant")
