"""How a participant's name, e-mail address and organisation are written as patterns of the
anonymity check (``identities``), on text folded as ``normalise`` says."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from workshop_app.domain.model import Participant
from workshop_app.minutes.normalise import fold

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
MIN_ORGANISATION_HEAD = 10  # "European Commission" from "European Commission, DG X"


# Between the words of a name: any run of spaces, punctuation or symbols ("Lopez, Maria",
# "Maria-Lopez", "Maria%20Lopez" once decoded) or, between two words of three letters or
# more, nothing at all ("MariaLopez": shorter words run together make ordinary words).
SEPARATOR = r"[\W_]+"
_JOINED = r"[\W_]*"
MIN_JOINED_WORD = 3
_LETTERS = re.compile(r"[^\W_]+")
# The words "at" and "dot" (or punctuation) standing in for the signs of an e-mail address.
_AT = r"(?:\s*@\s*|[\W_]+at[\W_]+)"
_DOT = r"(?:\s*\.\s*|[\W_]+dot[\W_]+)"


def folded_words(text: str) -> list[str]:
    return _LETTERS.findall(fold(text).text)


def _phrase(words: Sequence[str]) -> str:
    """Folded words as a pattern, separated as ``SEPARATOR`` and ``_JOINED`` say."""
    pattern = ""
    for number, word in enumerate(words):
        if number:
            short = min(len(word), len(words[number - 1])) < MIN_JOINED_WORD
            pattern += SEPARATOR if short else _JOINED
        pattern += re.escape(word)
    return pattern


def words_pattern(text: str) -> str:
    """A phrase as a pattern whose words may be separated by any punctuation or space."""
    return _phrase(folded_words(text))


# Scripts written without spaces between words: a name there has no word boundary around it.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR")
_WORD = re.compile(r"\w+")


def _unspaced(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_UNSPACED_SCRIPTS)


def bounded(pattern: str, needle: str) -> str:
    """``pattern`` as whole words (no letter or digit beside it), except in unspaced scripts."""
    needle = needle.strip()
    before = "" if not needle or _unspaced(needle[0]) else r"(?<![^\W_])"
    after = "" if not needle or _unspaced(needle[-1]) else r"(?![^\W_])"
    return f"{before}{pattern}{after}"


def key_of(needle: str) -> str:
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
NEVER_PUBLIC = frozenset(("name", "email"))
FULL_NAME = "the name of a participant"
NAME_FORM = "a participant's name"
EMAIL = "the e-mail address of a participant"


def name_patterns(person: Participant) -> Iterator[tuple[str, str, str]]:
    """(pattern, key, why) for the full name (also family name first), title or initial with
    surname."""
    name = person.name.strip()
    tokens = name.split()
    if not tokens:
        return
    # A name of one or two letters ("Li") is only searched for after a title.
    if sum(ch.isalpha() for ch in name) >= 3:
        yield bounded(words_pattern(name), name), key_of(name), FULL_NAME
    surnames = _surnames(tokens)
    given = " ".join(tokens[: len(tokens) - len(surnames[-1].split())])
    own = (person.title or "").strip()
    titles = "|".join(
        words_pattern(title) for title in dict.fromkeys([*TITLES, own]) if folded_words(title)
    )
    if given and sum(ch.isalpha() for ch in name) >= 3:
        # "Lopez, Maria", "Dam, Pieter van": the orders of registers and lists.
        orders = [f"{surname} {given}" for surname in surnames]
        particles = surnames[-1].split()[:-1]
        if particles:
            orders.append(" ".join([tokens[-1], given, *particles]))
        for order in orders:
            yield bounded(words_pattern(order), name), key_of(tokens[-1]), NAME_FORM
    for surname in surnames:
        key = key_of(surname)
        yield bounded(rf"(?:{titles}){SEPARATOR}{words_pattern(surname)}", surname), key, NAME_FORM
        if len(tokens) > 1 and tokens[0][0].isalpha():
            initial = re.escape(fold(tokens[0][0]).text)
            if initial:
                yield (
                    bounded(rf"{initial}{SEPARATOR}{words_pattern(surname)}", surname),
                    key,
                    NAME_FORM,
                )


def email_pattern(email: str) -> str:
    """An address, also written with "at" and "dot" ("maria [at] example [dot] org")."""
    address = fold(email).text
    local, _at, domain = address.rpartition("@")
    if not local:
        return rf"(?<![\w.+-]){re.escape(address)}(?![\w-]|\.\w)"
    parts = [_DOT.join(re.escape(part) for part in side.split(".")) for side in (local, domain)]
    return rf"(?<![\w.+-]){_AT.join(parts)}(?![\w-]|\.\w)"


def organisation_needles_of(organisation: str) -> list[str]:
    whole = " ".join(organisation.split())
    head = re.split(r",|\s\(", whole, maxsplit=1)[0].strip()
    needles = [whole]
    if head != whole and len(head.split()) >= 2 and len(head) >= MIN_ORGANISATION_HEAD:
        needles.append(head)
    return [n for n in needles if sum(ch.isalnum() for ch in n) >= 3]


def trie(words: Iterable[str]) -> str:
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
