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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_app.domain.model import Participant
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

# Forms of address a rapporteur may put before a surname (compared without the dot).
TITLES = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "madam",
    "mme",
    "mlle",
    "herr",
    "frau",
    "sr",
    "sra",
    "h.e",
    "hon",
    "ambassador",
    "minister",
    "judge",
    "rev",
)
# Lower-case particles that belong to a surname: "van Dam", "El Amrani", "da Silva".
_PARTICLE_WORDS = (
    "van von de der den da di du del della la le el al bin ben ibn dos das do ter ten zu af"
)
PARTICLES = frozenset(_PARTICLE_WORDS.split(" "))
CONTEXT_CHARS = 30
MIN_ORGANISATION_HEAD = 10  # "European Commission" from "European Commission, DG X"


@dataclass(frozen=True)
class IdentityMatch:
    """One place where output would name a participant."""

    found: str  # the words as they stand in the text
    what: str  # "name", "email" or "organisation"
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


# Between the words of a name: any run of spaces, punctuation or symbols ("Lopez, Maria",
# "Maria-Lopez", "Maria%20Lopez" once decoded) or, between two words of three letters or
# more, nothing at all ("MariaLopez": shorter words run together make ordinary words).
_SEPARATOR = r"[\W_]+"
_JOINED = r"[\W_]*"
MIN_JOINED_WORD = 3
_LETTERS = re.compile(r"[^\W_]+")
# The words "at" and "dot" (or punctuation) standing in for the signs of an e-mail address.
_AT = r"(?:\s*@\s*|[\W_]+at[\W_]+)"
_DOT = r"(?:\s*\.\s*|[\W_]+dot[\W_]+)"


def _folded_words(text: str) -> list[str]:
    return _LETTERS.findall(fold(text).text)


def _phrase(words: Sequence[str]) -> str:
    """Folded words as a pattern, separated as ``_SEPARATOR`` and ``_JOINED`` say."""
    pattern = ""
    for number, word in enumerate(words):
        if number:
            short = min(len(word), len(words[number - 1])) < MIN_JOINED_WORD
            pattern += _SEPARATOR if short else _JOINED
        pattern += re.escape(word)
    return pattern


def _words(text: str) -> str:
    """A phrase as a pattern whose words may be separated by any punctuation or space."""
    return _phrase(_folded_words(text))


# Scripts written without spaces between words: a name there has no word boundary around it.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")
_WORD = re.compile(r"\w+")


def _unspaced(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_UNSPACED_SCRIPTS)


def _bounded(pattern: str, needle: str) -> str:
    """``pattern`` as whole words (no letter or digit beside it), except in unspaced scripts."""
    needle = needle.strip()
    before = "" if not needle or _unspaced(needle[0]) else r"(?<![^\W_])"
    after = "" if not needle or _unspaced(needle[-1]) else r"(?![^\W_])"
    return f"{before}{pattern}{after}"


def _key(needle: str) -> str:
    """The longest word of a needle: text without it cannot match, so its pattern is skipped."""
    return max(_WORD.findall(fold(needle).text), key=len, default="")


def _surnames(tokens: Sequence[str]) -> list[str]:
    """``["Pieter", "van", "Dam"]`` → ``["Dam", "van Dam"]``."""
    last = len(tokens) - 1
    found = [tokens[last]]
    start = last
    while start > 1 and tokens[start - 1].casefold() in PARTICLES:
        start -= 1
        found.append(" ".join(tokens[start:]))
    return found


# A participant's whole name or e-mail address is theirs even inside a public name (an
# organiser's name may be a participant's own: "Dr. María López").
_NEVER_PUBLIC = frozenset(("name", "email"))
FULL_NAME = "the name of a participant"
NAME_FORM = "a participant's name"
EMAIL = "the e-mail address of a participant"


def _name_patterns(person: Participant) -> Iterator[tuple[str, str, str]]:
    """(pattern, key, why) for the full name (also family name first), title or initial with
    surname."""
    name = person.name.strip()
    tokens = name.split()
    if not tokens:
        return
    # A name of one or two letters ("Li") is only searched for after a title.
    if sum(ch.isalpha() for ch in name) >= 3:
        yield _bounded(_words(name), name), _key(name), FULL_NAME
    surnames = _surnames(tokens)
    given = " ".join(tokens[: len(tokens) - len(surnames[-1].split())])
    own = (person.title or "").strip()
    titles = "|".join(
        _words(title) for title in dict.fromkeys([*TITLES, own]) if _folded_words(title)
    )
    if given and sum(ch.isalpha() for ch in name) >= 3:
        # "Lopez, Maria", "Dam, Pieter van": the orders of registers and lists.
        orders = [f"{surname} {given}" for surname in surnames]
        particles = surnames[-1].split()[:-1]
        if particles:
            orders.append(" ".join([tokens[-1], given, *particles]))
        for order in orders:
            yield _bounded(_words(order), name), _key(tokens[-1]), NAME_FORM
    for surname in surnames:
        key = _key(surname)
        yield _bounded(rf"(?:{titles}){_SEPARATOR}{_words(surname)}", surname), key, NAME_FORM
        if len(tokens) > 1 and tokens[0][0].isalpha():
            initial = re.escape(fold(tokens[0][0]).text)
            if initial:
                yield _bounded(rf"{initial}{_SEPARATOR}{_words(surname)}", surname), key, NAME_FORM


def _email_pattern(email: str) -> str:
    """An address, also written with "at" and "dot" ("maria [at] example [dot] org")."""
    address = fold(email).text
    local, _at, domain = address.rpartition("@")
    if not local:
        return rf"(?<![\w.+-]){re.escape(address)}(?![\w-]|\.\w)"
    parts = [_DOT.join(re.escape(part) for part in side.split(".")) for side in (local, domain)]
    return rf"(?<![\w.+-]){_AT.join(parts)}(?![\w-]|\.\w)"


def _organisation_needles(organisation: str) -> list[str]:
    whole = " ".join(organisation.split())
    head = re.split(r",|\s\(", whole, maxsplit=1)[0].strip()
    needles = [whole]
    if head != whole and len(head.split()) >= 2 and len(head) >= MIN_ORGANISATION_HEAD:
        needles.append(head)
    return [n for n in needles if sum(ch.isalnum() for ch in n) >= 3]


def _trie(words: Iterable[str]) -> str:
    """An expression matching each of ``words`` (the longest first), as a trie of branches."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branches(node: dict[str, dict]) -> str:
        parts = [re.escape(char) + branches(child) for char, child in node.items() if char]
        if not parts:
            return ""
        either = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
        return f"(?:{either})?" if "" in node else either

    return branches(root)


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
            re.compile(_bounded(_words(name), name)) for name in public if _folded_words(name)
        ]
        self._patterns: list[_Pattern] = []
        for person in participants:
            for pattern, key, why in _name_patterns(person):
                self._add(pattern, key, "name", person.id, why)
            email = (person.email or "").strip()
            if email:
                self._add(_email_pattern(email), _key(email), "email", person.id, EMAIL)
        needles: list[Needle] = [
            *name_needles(participants, k, ordinary_words(language)),
            *organisation_needles(participants, k, _organisation_needles),
            *country_needles(participants, k),
            *group_needles(participants, k),
        ]
        for needle in needles:
            pattern = _bounded(needle.prefix + _words(needle.phrase), needle.phrase)
            if needle.what == "organisation" and any(re.search(pattern, p) for p in public):
                continue  # named in a public name: the organiser's own, or a convening body
            key = _key(needle.phrase)
            self._add(pattern, key, needle.what, needle.participant_id, needle.why, needle.case)

        # Which patterns to try on a text: those whose key it holds. All the keys are found
        # in one pass of one expression (a trie of them, tried at every place of the text).
        self._by_key: dict[str, list[int]] = defaultdict(list)
        for number, compiled in enumerate(self._patterns):
            self._by_key[compiled.key].append(number)
        keys = [key for key in self._by_key if key]
        self._keys = re.compile(f"(?=({_trie(keys)}))") if keys else None
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
            if pattern.what not in _NEVER_PUBLIC and any(
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
