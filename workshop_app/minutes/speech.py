"""Reported speech: the words before each contribution, and a next step's owner, per mode.

The one place that decides how the minutes say who said what (issue 18). Named, organisation
and group modes put the speaker first, with the verb of its kind: "Ms. A. Rusu (Moldova):
…" for a statement, "A participant from civil society raised a concern: …". Anonymous
minutes read as reported speech, "One participant asked: …", never a bare "A participant:"
(a plain statement is printed as the point it makes, without a formula before it);
when participants of one stakeholder group spoke one after another on the same question, and
that group is large enough not to single anyone out (at least the workshop's k present), the
run says so: "Three participants from civil society spoke in turn. One participant said: …",
"Another participant asked: …".
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.domain.attribution import Attribution, at_sentence_start, sentence_case_group
from workshop_app.domain.model import Contribution, ContributionKind, NextStep, Participant
from workshop_app.domain.roster import NO_GROUP
from workshop_app.minutes.context import BuildContext
from workshop_app.minutes.identities import find_identities
from workshop_app.minutes.labels import COUNT_WORDS, KIND_VERBS, OWNER_ROLES
from workshop_app.minutes.normalise import fold
from workshop_app.minutes.options import Owners
from workshop_app.minutes.text import one_line
from workshop_app.words import plural_form


def leads(ctx: BuildContext, contributions: Sequence[Contribution]) -> list[str]:
    """For each of ``contributions`` (printed one after another), the words before its text."""
    if ctx.mode is not Attribution.ANONYMOUS:
        return [_attributed(ctx, c) for c in contributions]
    result: list[str] = []
    start = 0
    while start < len(contributions):
        run = _run(ctx, contributions, start)
        kind = contributions[start].kind
        first = f"{ctx.labels.one_participant} {KIND_VERBS[kind]}"
        if len(run) > 1:
            first = f"{_spoke_in_turn(ctx, run)} {first}"
        elif kind is ContributionKind.STATEMENT:
            first = ""  # a point made, as such: "One participant said" on most lines is a formula
        result.append(first)
        result.extend(
            f"{ctx.labels.another_participant} {KIND_VERBS[c.kind]}"
            for c in contributions[start + 1 : start + len(run)]
        )
        start += len(run)
    return result


def _attributed(ctx: BuildContext, c: Contribution) -> str:
    """The speaker first; the verb of the kind after it, except for a plain statement."""
    who = at_sentence_start(ctx.who(c.participant_id) or "")
    if c.kind is ContributionKind.STATEMENT:
        return who
    if ctx.people.get(c.participant_id or "") is None:
        who = ctx.labels.floor_speaker  # "From the floor asked" would not be a sentence
    return f"{who} {KIND_VERBS[c.kind]}"


def _group_of(ctx: BuildContext, person: Participant | None) -> str:
    """The person's stakeholder group when it may be named (at least k present), else ""."""
    group = one_line(person.stakeholder_group) if person is not None else ""
    if not group or group == NO_GROUP:
        return ""
    return group if ctx.present_in_group(group) >= ctx.anonymity_k else ""


def _run(
    ctx: BuildContext, contributions: Sequence[Contribution], start: int
) -> list[Participant | None]:
    """The different speakers of one nameable group who spoke in a row from ``start`` on (the
    first alone when its group may not be named, or someone of it spoke before in the run)."""
    first = ctx.people.get(contributions[start].participant_id or "")
    group = _group_of(ctx, first)
    run: list[Participant | None] = [first]
    if not group or first is None:
        return run
    for c in contributions[start + 1 :]:
        person = ctx.people.get(c.participant_id or "")
        if person is None or person in run or _group_of(ctx, person).casefold() != group.casefold():
            break
        run.append(person)
    return run


def _spoke_in_turn(ctx: BuildContext, run: Sequence[Participant | None]) -> str:
    labels = ctx.labels
    count = len(run)
    word = COUNT_WORDS[count] if count < len(COUNT_WORDS) else f"{count:,}"
    group = one_line(run[0].stakeholder_group) if run[0] is not None else ""
    return labels.spoke_in_turn.format(
        count=word,
        people=plural_form(count, labels.participant_one, labels.participant_many),
        group=sentence_case_group(group),
    )


def _names_someone(ctx: BuildContext, text: str) -> bool:
    """Whether the final anonymity check would report ``text``: the same roster, k, public
    names (with the venue) and language as it uses."""
    workshop = ctx.record.workshop
    public = tuple(name for name in (one_line(workshop.venue), *workshop.public_names) if name)
    found = find_identities(
        text,
        ctx.record.participants,
        organiser=ctx.organiser,
        k=ctx.anonymity_k,
        public_names=public,
        language=one_line(ctx.options.language or workshop.language) or "en",
    )
    return bool(found)


def anonymous_owner(ctx: BuildContext, step: NextStep, person: Participant | None) -> str:
    """A next step's owner in anonymous minutes: an organisation on the public list (or the
    organiser) as it is; a person by role or as the secretariat, as the options say; other
    free text as typed unless it names someone (then as an organisation of a group, or as the
    secretariat)."""
    owner = one_line(step.owner)
    public = ctx.public_names()
    if person is None and owner and _folded(owner) in public:
        return owner
    if person is not None:
        organisation = one_line(person.organisation)
        if organisation and _folded(organisation) in public:
            return organisation
    elif not owner:
        return ""
    elif not _names_someone(ctx, owner):
        return owner  # "All delegations": nobody's identity
    labels = ctx.labels
    if ctx.options.owners is Owners.SECRETARIAT:
        return labels.owner_secretariat
    if person is None:
        # Typed as an organisation's name (or naming someone in passing): an organisation has
        # no role, so it is said to be one, from its people's group where that may be named.
        member = _member_of(ctx, owner)
        if member is None:
            return labels.owner_secretariat
        group = _group_of(ctx, member)
        if group:
            return labels.owner_organisation_from.format(group=sentence_case_group(group))
        return labels.owner_organisation
    role = OWNER_ROLES[person.role]
    if role:
        return role
    group = _group_of(ctx, person)
    if group:
        return labels.owner_participant_from.format(group=sentence_case_group(group))
    return labels.owner_participant


def _member_of(ctx: BuildContext, organisation: str) -> Participant | None:
    """The first participant of ``organisation`` (an owner typed as an organisation's name)."""
    wanted = _folded(organisation)
    for person in ctx.record.participants:
        if one_line(person.organisation) and _folded(one_line(person.organisation)) == wanted:
            return person
    return None


def _folded(text: str) -> str:
    return " ".join(fold(text).text.split())
