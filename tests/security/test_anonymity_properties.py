"""Issue 14, High 1: generated evasions of roster names are all refused in anonymous minutes.

Hypothesis takes a participant's name and hides it the ways a reader still reads through:
changed case, accents taken off, look-alike letters of other scripts, the family name first,
the words run together or joined by punctuation, invisible characters inside, percent- or
entity-encoding. Every such text in a contribution makes the anonymous export refuse.
"""

from __future__ import annotations

import dataclasses
import unicodedata
import urllib.parse

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.security.helpers import NEUTRAL, base_record, said
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import Participant, WorkshopRecord
from workshop_app.minutes import IdentitiesFound, MinutesOptions, produce
from workshop_app.minutes.identities import IdentityScanner

ROSTER = (
    Participant(id="r1", name="María López", stakeholder_group="Civil society"),
    Participant(id="r2", name="Jürgen Østergaard", stakeholder_group="Civil society"),
    Participant(id="r3", name="Sofia Kalniņa", stakeholder_group="Civil society"),
    Participant(id="r4", name="Pieter van Dam", stakeholder_group="Civil society"),
    Participant(id="r5", name="Chloé Dubois", stakeholder_group="Civil society"),
)
INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff\u034f\u200e\u200f\u2061\u2063\u180e"
LOOKALIKES = {
    "a": "\u0430\u03b1",
    "c": "\u0441\u03f2",
    "e": "\u0435",
    "i": "\u0456\u03b9",
    "o": "\u043e\u03bf\u0585",
    "p": "\u0440\u03c1",
    "s": "\u0455",
    "x": "\u0445",
    "y": "\u0443",
    "A": "\u0410\u0391",
    "B": "\u0412\u0392",
    "C": "\u0421",
    "D": "\u1d05",
    "E": "\u0415\u0395",
    "H": "\u041d\u0397",
    "K": "\u041a\u039a",
    "M": "\u041c\u039c",
    "O": "\u041e\u039f",
    "P": "\u0420\u03a1",
    "S": "\u0405",
    "T": "\u0422\u03a4",
}
SEPARATORS = [" ", "-", "_", ".", ", ", "\u00a0", "\u2003", "/", "", "%20", "&nbsp;", "+"]


def no_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@st.composite
def evasions(draw: st.DrawFn) -> str:
    """A roster name as someone might type it to get it past a search."""
    words = draw(st.sampled_from(ROSTER)).name.split()
    if draw(st.booleans()):  # "López, María"
        words = [words[-1], *words[:-1]]
    case = draw(st.sampled_from([str, str.upper, str.lower, str.swapcase, str.title]))
    words = [case(word) for word in words]
    if draw(st.booleans()):
        words = [no_accents(word) for word in words]
    letters = list(draw(st.sampled_from(SEPARATORS)).join(words))
    for index in draw(st.lists(st.integers(0, len(letters) - 1), max_size=4)):
        if letters[index] in LOOKALIKES:
            letters[index] = draw(st.sampled_from(LOOKALIKES[letters[index]]))
    for index in sorted(draw(st.lists(st.integers(1, len(letters)), max_size=4)), reverse=True):
        letters.insert(index, draw(st.sampled_from(INVISIBLE)))
    name = "".join(letters)
    encoding = draw(st.sampled_from(["none", "percent", "entities", "hex entities"]))
    if encoding == "percent":
        return urllib.parse.quote(name)
    if encoding == "entities":
        return "".join(f"&#{ord(c)};" for c in name)
    if encoding == "hex entities":
        return "".join(f"&#x{ord(c):x};" for c in name)
    return name


@pytest.fixture(scope="module")
def record() -> WorkshopRecord:
    base = base_record()
    return dataclasses.replace(base, participants=(*base.participants, *ROSTER))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=evasions(), fmt=st.sampled_from(["md", "html", "csv"]))
def test_an_evaded_name_is_refused(record: WorkshopRecord, name: str, fmt: str) -> None:
    probe = said(record, f"In the second round {name} said: {NEUTRAL}")
    with pytest.raises(IdentitiesFound) as refused:
        produce(probe, MinutesOptions(attribution=Attribution.ANONYMOUS), fmt)
    [finding] = refused.value.findings
    assert finding.ref == ("contribution", "sc1")
    assert finding.what == "name"


SYLLABLES = ["an", "ana", "mar", "maria", "lo", "lopez", "pez", "van", "dam", "li", "é", "ñ", "王"]
names = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map("".join)


@settings(max_examples=100, deadline=None)
@example(roster=[("ana", "lopez", "x"), ("li", "lopezana", "x")], words=["lopezana"])
@given(
    roster=st.lists(st.tuples(names, names, names), min_size=1, max_size=6),
    words=st.lists(st.sampled_from([*SYLLABLES, " ", ", ", "-", "Dr. ", "x"]), max_size=30),
)
def test_the_quick_search_for_keys_misses_nothing(
    roster: list[tuple[str, str, str]], words: list[str]
) -> None:
    """Only the patterns whose key the text holds are tried; trying them all finds the same.

    The example: "lopezana" is Ana Lopez family name first, run together, and also the key
    of Li Lopezana; the key "lopez" inside it must still be found.
    """
    people = [
        Participant(id=f"q{n}", name=f"{given} {family}", organisation=f"{org} Institute")
        for n, (given, family, org) in enumerate(roster)
    ]
    text = "".join(words)
    scanner = IdentityScanner(people)
    everything = IdentityScanner(people)
    everything._candidates = lambda folded: everything._patterns  # type: ignore[method-assign]
    assert scanner.scan(text) == everything.scan(text)
