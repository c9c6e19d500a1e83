"""The anonymity check: does text about to be written name a participant?

A rapporteur may type "as Ms Rusu said" into a summary. Before an anonymous export the text is
scanned for each participant's full name, title with surname ("Ms. Rusu", "Dr Kalnina"),
initial with surname ("N. Rusu"), the name family name first ("Rusu, Natalia"), email (also
with "at" and "dot"), and for what fewer than k of those present share (``roster_words``):
a first or family name alone, the organisation, the country (its adjective and capital in
the app's languages) and the stakeholder group. Every text is first folded as ``normalise``
says (invisible characters, look-alike letters, accents, case, percent- and entity-encoding),
and words may be separated by any punctuation, or run together. Each finding says why.
Public names (the organiser, and the bodies on the workshop's list of public names) are
never reported: an organisation named in one is not searched for, and nothing found inside
one where it stands in the text is reported.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.domain.model import Participant
from workshop_app.minutes.name_patterns import (
    EMAIL,
    NEVER_PUBLIC,
    bounded,
    email_pattern,
    folded_words,
    key_of,
    name_patterns,
    organisation_needles_of,
    trie,
    words_pattern,
)
from workshop_app.minutes.normalise import fold, views
from workshop_app.minutes.passages import passages
from workshop_app.minutes.roster_words import (
    DEFAULT_K,
    Case,
    Needle,
    country_needles,
    group_needles,
    name_needles,
    ordinary_words,
    organisation_needles,
    written_as,
)

if TYPE_CHECKING:
    from workshop_app.minutes.model import Minutes

CONTEXT_CHARS = 30


@dataclass(frozen=True)
class IdentityMatch:
    """One place where output would name a participant."""

    found: str  # the words as they stand in the text
    what: str  # "name", "email", "first name", "family name", "organisation", "country"…
    participant_id: str
    where: str  # "item 2, summary"
    context: str  # the words around it
    ref: tuple[str, str] | None = None  # ("contribution", "c07"): what to open to edit it
    #: "Brazil: one participant from Brazil was present"
    why: str = ""

    def describe(self) -> str:
        """``'Ms. Rusu' in item 2, summary ("…as Ms. Rusu said…") — a participant's name``."""
        where = f" in {self.where}" if self.where else ""
        found = shown(self.found)
        reason = self.why.removeprefix(f"{found}: ")
        why = f" — {reason}" if reason else ""
        return f"'{found}'{where} (\"{self.context}\"){why}"


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    key: str
    what: str
    participant_id: str
    why: str
    case: Case = Case.ANY


class IdentityScanner:
    """Compiled patterns for a roster; ``scan`` finds them in any text."""

    def __init__(
        self,
        participants: Sequence[Participant],
        organiser: str | None = None,
        *,
        k: int = DEFAULT_K,
        public_names: Sequence[str] = (),
        language: str | None = None,
    ):
        public = [fold(name).text for name in (organiser or "", *public_names) if name.strip()]
        self._public = [
            re.compile(bounded(words_pattern(name), name)) for name in public if folded_words(name)
        ]
        self._patterns: list[_Pattern] = []
        for person in participants:
            for pattern, key, why in name_patterns(person):
                self._add(pattern, key, "name", person.id, why)
            email = (person.email or "").strip()
            if email:
                self._add(email_pattern(email), key_of(email), "email", person.id, EMAIL)
        needles: list[Needle] = [
            *name_needles(participants, k, ordinary_words(language)),
            *organisation_needles(participants, k, organisation_needles_of),
            *country_needles(participants, k),
            *group_needles(participants, k),
        ]
        for needle in needles:
            pattern = bounded(needle.prefix + words_pattern(needle.phrase), needle.phrase)
            if needle.what == "organisation" and any(re.search(pattern, p) for p in public):
                continue  # named in a public name: the organiser's own, or a convening body
            key = key_of(needle.phrase)
            self._add(pattern, key, needle.what, needle.participant_id, needle.why, needle.case)

        # Which patterns to try on a text: those whose key it holds. All the keys are found
        # in one pass of one expression (a trie of them, tried at every place of the text).
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for number, compiled in enumerate(self._patterns):
            self._by_key[compiled.key].append(number)
        keys = [key for key in self._by_key if key]
        self._keys = re.compile(f"(?=({trie(keys)}))") if keys else None
        # The longest key found at a place stands for every key it starts with.
        self._prefixes = {key: [key[:n] for n in range(1, len(key) + 1)] for key in keys}

    def _add(
        self, pattern: str, key: str, what: str, pid: str, why: str, case: Case = Case.ANY
    ) -> None:
        self._patterns.append(_Pattern(re.compile(pattern), key, what, pid, why, case))

    def _candidates(self, folded: str) -> list[_Pattern]:
        """The patterns whose key is in ``folded``, in roster order."""
        present = {""}  # a pattern without a key is always tried
        if self._keys is not None:
            for match in self._keys.finditer(folded):
                present.update(self._prefixes[match.group(1)])
        numbers = sorted(number for key in present for number in self._by_key.get(key, ()))
        return [self._patterns[number] for number in numbers]

    def scan(
        self, text: str, where: str = "", ref: tuple[str, str] | None = None
    ) -> list[IdentityMatch]:
        """Every place in ``text`` that names a participant (overlaps reported once)."""
        if not text or not self._patterns:
            return []
        spans: list[tuple[int, int, _Pattern]] = []
        public: list[tuple[int, int]] = []
        for view in views(text):
            folded = view.text
            for regex in self._public:
                public += [view.span(m.start(), m.end()) for m in regex.finditer(folded) if m.end()]
            for pattern in self._candidates(folded):  # rosters of hundreds meet pages of text
                for match in pattern.regex.finditer(folded):
                    if match.end() > match.start():
                        start, end = view.span(match.start(), match.end())
                        if written_as(text, start, end, pattern.case):
                            spans.append((start, end, pattern))
        spans.sort(key=lambda s: (s[0], -s[1]))
        findings: list[IdentityMatch] = []
        reach = -1
        for start, end, pattern in spans:
            if end <= reach:
                continue  # inside a longer match already reported
            if pattern.what not in NEVER_PUBLIC and any(
                p_start <= start and end <= p_end for p_start, p_end in public
            ):
                continue  # part of a public name: "the Government of Morocco" as organiser
            reach = end
            found = text[start:end]
            findings.append(
                IdentityMatch(
                    found,
                    pattern.what,
                    pattern.participant_id,
                    where,
                    _context(text, start, end),
                    ref,
                    f"{shown(found)}: {pattern.why}",
                )
            )
        return findings


def shown(found: str) -> str:
    """Found words as a reader sees them, on one line: "Fur\u200btado" → "Furtado"."""
    visible = "".join(char for char in found if unicodedata.category(char) != "Cf")
    return " ".join(visible.split())


def _context(text: str, start: int, end: int) -> str:
    before = max(0, start - CONTEXT_CHARS)
    after = min(len(text), end + CONTEXT_CHARS)
    snippet = " ".join(text[before:after].split())
    return f"{'…' if before else ''}{snippet}{'…' if after < len(text) else ''}"


@functools.lru_cache(maxsize=8)
def scanner_for(
    participants: tuple[Participant, ...],
    organiser: str | None,
    k: int = DEFAULT_K,
    public_names: tuple[str, ...] = (),
    language: str | None = None,
) -> IdentityScanner:
    """The compiled scanner for a roster, kept while exports of one workshop follow each other."""
    return IdentityScanner(
        participants, organiser, k=k, public_names=public_names, language=language
    )


def _scanner(minutes: Minutes, participants: Sequence[Participant]) -> IdentityScanner:
    # The venue is the event's, as the organiser is: "Brussels, Belgium" in the title block
    # says where the meeting was, not who came from there.
    public = tuple(name for name in (minutes.venue, *minutes.public_names) if name)
    return scanner_for(
        tuple(participants), minutes.organiser, minutes.anonymity_k, public, minutes.language
    )


def find_identities(
    text: str,
    participants: Sequence[Participant],
    *,
    organiser: str | None = None,
    k: int = DEFAULT_K,
    public_names: Sequence[str] = (),
    language: str | None = None,
) -> list[IdentityMatch]:
    """Places in ``text`` that name one of ``participants``, each with why."""
    scanner = scanner_for(tuple(participants), organiser, k, tuple(public_names), language)
    return scanner.scan(text)


def scan_minutes(
    minutes: Minutes,
    participants: Sequence[Participant],
    *,
    handout: bool = False,
    extra: Iterable[str] = (),
) -> list[IdentityMatch]:
    """Every place in ``minutes`` (and in ``extra``, e.g. a template's output) naming someone."""
    scanner = _scanner(minutes, participants)
    findings: list[IdentityMatch] = []
    for text, where, ref in passages(minutes, handout=handout):
        findings.extend(scanner.scan(text, where, ref))
    known = {f.found.casefold() for f in findings}
    for text in extra:
        # The template's output repeats every passage; report only what they do not hold.
        for finding in scanner.scan(text, "the template's own text"):
            if finding.found.casefold() not in known:
                known.add(finding.found.casefold())
                findings.append(finding)
    return findings


def scan_texts(
    minutes: Minutes, participants: Sequence[Participant], texts: Iterable[tuple[str, str]]
) -> list[IdentityMatch]:
    """Every place in ``texts`` ((text, where) pairs: what a renderer added) naming someone."""
    scanner = _scanner(minutes, participants)
    return [finding for text, where in texts for finding in scanner.scan(text, where)]
