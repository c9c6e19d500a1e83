"""Who a contribution is attributed to, in each of the four attribution modes of the spec.

named: "Ms. A. Example (Civil society network)"; organisation: "Civil society network";
group: "a participant from civil society"; anonymous: nobody (Chatham House rule).
"""

from __future__ import annotations

from enum import StrEnum

from workshop_app.domain.model import Participant
from workshop_app.domain.roster import NO_GROUP


class Attribution(StrEnum):
    NAMED = "named"
    ORGANISATION = "organisation"
    GROUP = "group"
    ANONYMOUS = "anonymous"


FROM_THE_FLOOR = "from the floor"
#: The same words where they stand alone, as a speaker's name in a list or a column.
FROM_THE_FLOOR_LABEL = FROM_THE_FLOOR.capitalize()
A_PARTICIPANT = "a participant"

# Endings of demonyms and proper adjectives ("European", "Japanese", "Swedish"): such a first
# word keeps its capital when a group name is put in the middle of a sentence.
_PROPER_ENDINGS = ("an", "ese", "ish", "i")
# Common words with those endings, lower-cased like any other.
_COMMON_WORDS = frozenset({"human", "urban", "civilian", "veteran"})


def sentence_case_group(group: str) -> str:
    """``Civil society`` → ``civil society``; ``EU agencies`` and ``European institutions`` stay."""
    group = group.strip()
    first = group.split(maxsplit=1)[0] if group else ""
    if not first or not first[0].isupper():
        return group
    # Acronyms (EU, NGOs, UN-Habitat) and words with inner capitals (iDE, McKinsey) are names.
    if any(ch.isupper() for ch in first[1:]):
        return group
    if first.lower().endswith(_PROPER_ENDINGS) and first.lower() not in _COMMON_WORDS:
        return group
    return group[0].lower() + group[1:]


def group_phrase(group: str | None) -> str:
    """``a participant from civil society``; just ``a participant`` without a group."""
    if not group or not group.strip() or group == NO_GROUP:
        return A_PARTICIPANT
    return f"{A_PARTICIPANT} from {sentence_case_group(group)}"


def person_label(person: Participant) -> str:
    """Title and name: ``Ms. Natalia Rusu``."""
    title = (person.title or "").strip()
    name = person.name.strip()
    return f"{title} {name}" if title else name


def attribute(person: Participant | None, mode: Attribution) -> str | None:
    """Whom the minutes credit with what ``person`` said; None means: print no attribution.

    ``person`` None is a contribution from the floor.
    """
    if mode is Attribution.ANONYMOUS:
        return None
    if person is None:
        return FROM_THE_FLOOR
    organisation = (person.organisation or "").strip()
    if mode is Attribution.NAMED:
        label = person_label(person)
        if not organisation:
            return label
        # "Subsidiary Body for … (SBSTA)" already has its brackets: a comma, not a second pair.
        if "(" in organisation or ")" in organisation:
            return f"{label}, {organisation}"
        return f"{label} ({organisation})"
    if mode is Attribution.ORGANISATION and organisation:
        return organisation
    # Organisation mode without an organisation falls back to the group: it reveals no more.
    return group_phrase(person.stakeholder_group)


def at_sentence_start(attribution: str) -> str:
    """Capitalise our own phrases (``A participant from…``, ``From the floor``), nothing else."""
    if attribution.startswith((A_PARTICIPANT, FROM_THE_FLOOR)):
        return attribution[0].upper() + attribution[1:]
    return attribution
