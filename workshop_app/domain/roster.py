"""Rules about the roster that need neither Qt nor SQL."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.domain.model import Participant

NO_GROUP = "No group"


@dataclass(frozen=True)
class GroupCount:
    group: str
    present: int
    registered: int


def checkin_counts(people: Sequence[Participant], groups: Sequence[str]) -> list[GroupCount]:
    """Registered and present per stakeholder group, in the workshop's group order.

    Groups people belong to that the workshop does not list come after, then those with none.
    """
    order = list(groups)
    for person in people:
        group = person.stakeholder_group or NO_GROUP
        if group not in order and group != NO_GROUP:
            order.append(group)
    if any(not p.stakeholder_group for p in people):
        order.append(NO_GROUP)
    counts = []
    for group in order:
        members = [p for p in people if (p.stakeholder_group or NO_GROUP) == group]
        counts.append(GroupCount(group, sum(p.present for p in members), len(members)))
    return counts


#: Words that belong to the family name they come before ("Ludwig van Beethoven",
#: "Ana de la Cruz", "Omar ibn al-Khattab").
PARTICLES = frozenset(
    {"van", "von", "der", "den", "ter", "ten", "zu", "de", "del", "della", "des", "di", "da",
     "das", "dos", "du", "la", "le", "bin", "ibn", "bint", "al", "el"}
)  # fmt: skip
#: Arabic articles joined to the name by a hyphen ("al-Khattab").
_ARTICLES = ("al-", "el-")
#: Words after a family name that are not part of it.
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@dataclass(frozen=True)
class NameParts:
    """A person's name cut for sorting: ``family`` as written (particles included)."""

    given: str
    family: str


def _in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_name(name: str) -> NameParts:
    """Find the family name in a name written in one field.

    The rule, in this order:

    1. "Kovács, Ádám": what comes before a comma is the family name.
    2. "NGUYỄN Thị Mai", "Jean DUPONT": the words written in capitals are the family name
       (the convention of international meetings for names whose order readers cannot
       guess), unless the whole name is in capitals.
    3. Otherwise the last word, with the particles just before it: "Pieter van Dam" ->
       "van Dam", "Ana de la Cruz" -> "de la Cruz", "Mohammed bin Salman Al Saud" ->
       "Al Saud". The first word is never a particle: "Da Silva" alone is given name "Da",
       family name "Silva".

    A suffix such as "Jr." or "III" is part of neither. A single word is a family name. A
    name written family name first without a comma or capitals ("Nguyễn Thị Mai") gets its
    last word as family name: the roster cannot know.
    """
    name = " ".join(name.split())
    if "," in name:
        family, _, given = name.partition(",")
        return NameParts(given=given.strip(), family=family.strip())
    words = name.split(" ")
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words = words[:-1]
    capitals = [w for w in words if _in_capitals(w)]
    if capitals and len(capitals) < len(words):
        return NameParts(
            given=" ".join(w for w in words if not _in_capitals(w)), family=" ".join(capitals)
        )
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return NameParts(given=" ".join(words[:start]), family=" ".join(words[start:]))


@functools.lru_cache(maxsize=4096)  # a roster sorts by it at every comparison
def family_sort_key(name: str) -> tuple[str, str]:
    """(family name as it sorts, given name): what a roster sorted by family name compares
    (with the locale's collation, which is the view's business).

    A particle written in lower case is skipped in sorting, one written with a capital
    sorts as part of the name, as people who write their name each way expect: "Pieter van
    Dam" sorts under D, "Vincent Van Gogh" under V, "Leonardo Di Caprio" under D, "Omar ibn
    al-Khattab" under K, "Youssef El Amrani" under E.
    """
    parts = split_name(name)
    words = parts.family.split(" ")
    while len(words) > 1 and words[0] in PARTICLES:
        words = words[1:]
    family = " ".join(words)
    for article in _ARTICLES:
        if family.startswith(article) and len(family) > len(article):
            family = family[len(article) :]
            break
    return family, parts.given
