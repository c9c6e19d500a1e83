"""What in a roster names someone when a text says it alone, and why: the reasoning of the
anonymity check over who took part.

A word identifies when fewer than k participants present share it (k is the workshop's
``anonymity_k``, 3 unless set): "Brazil" when one delegate came from Brazil, "the Moroccan
delegate" (the country's words in the app's languages, see ``countries``), an organisation
or stakeholder group of one or two, a first or family name alone ("Furtado said",
"attributed to Tomás?") that fewer than k of those present bear. A word shared by k or more
present participants names nobody and is not reported. Something only absent people share
is reported too: the text can only be about them.

Names alone and ordinary words. "Ana" is not found in "analysis" (words are matched whole),
but "May", "Grace" or "Rosa" are names and ordinary words. The rule: a name that is also an
ordinary word of the text's language (a short list per language, English always included)
counts only where it is written as a name is, with a capital letter and not as the first
word of a sentence ("as May said" is found, "we may" and "May we" are not), and not next to
a number ("21 May", "May 2018"). Country words that are ordinary words ("turkey",
"polish") are marked "~" in the table and count only with a capital letter. Names of one or
two letters are never searched for alone (only after a title, as before).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum

from workshop_app.domain.model import Participant
from workshop_app.minutes.countries import arabic_prefix, country_forms, without_article
from workshop_app.minutes.normalise import fold

DEFAULT_K = 3
MIN_NAME_LETTERS = 3

# Ordinary words that are also someone's first or family name, by language (folded).
_ORDINARY = {
    "en": """may will bill mark grace hope rose june april august faith joy frank dean summer
        dawn eve ray rich sky star iris ivy holly lily daisy amber ruby pearl jade crystal
        victor earl king young long white black brown green gray grey hill wood woods field
        fields bush rice price cash power hunt bond church street lord major noble wise hall
        stone more little small short best hand hart wolf fox lamb bird fish baker cook
        miller mason page art guy pat sue don sandy chance charity patience honor honour
        destiny sunny win bob jack jay rob pierce chase drew gene grant hunter lane marsh
        penny ward wells west north south east can per lee day law love case else said ram
        sun song dam bay gay fair mann amin""",
    "fr": """pierre rose claire france blanche marine aurore olive prudence constance modeste
        clement aime desire petit grand blanc brun roux berger boucher marchand meunier
        chevalier roi fontaine bois lac mer bon bonheur ange leger""",
    "es": """rosa luz paz dolores angeles cruz mar sol blanca pilar consuelo amparo socorro
        soledad esperanza gloria victoria rocio remedios nieves reyes santos leon lobo blanco
        moreno rubio calvo delgado campos castillo iglesias vega nieto bueno domingo ramos
        prieto salvador trinidad asuncion concepcion luna flores pinto prado rey santa
        sierra leal""",
    "pt": """rosa luz paz gloria vitoria graca esperanca santos ramos flores pinto leao lobo
        rocha pereira oliveira costa cruz campos branco moreno bispo padre rei reis mata vale
        serra mar sol""",
    "ar": "امل نور سعيد كريم جميل حسن امين منير سلام صباح فرح هدى",
}
_ORDINARY_WORDS = {
    lang: frozenset(fold(w).text for w in words.split()) for lang, words in _ORDINARY.items()
}
_ALL_ORDINARY = frozenset().union(*_ORDINARY_WORDS.values())


def ordinary_words(language: str | None) -> frozenset[str]:
    """The ordinary words of ``language`` (BCP 47) that are also names, English's with them."""
    primary = (language or "").split("-")[0].casefold()
    if primary not in _ORDINARY_WORDS:
        return _ALL_ORDINARY
    return _ORDINARY_WORDS[primary] | _ORDINARY_WORDS["en"]


class Case(IntEnum):
    """How a word must be written to count."""

    ANY = 0
    CAPITAL = 1  # "Turkey", not "turkey"
    NAME = 2  # with a capital, not first in its sentence, not beside a number: "as May said"


@dataclass(frozen=True)
class Needle:
    """A phrase that names someone, and why (the reason after "found: ")."""

    phrase: str  # as written, e.g. "Moroccan"
    what: str  # "first name", "family name", "country", "organisation", "stakeholder group"
    participant_id: str
    why: str
    case: Case = Case.ANY
    prefix: str = ""  # a pattern the phrase may take joined before it (Arabic prefixes)


def _count(n: int, k: int, of: str) -> str:
    """ "one participant from Brazil was present", "only 2 … were present (fewer than 3)"."""
    if n == 0:
        return f"a participant {of} is on the roster, though none was present"
    if n == 1:
        return f"one participant {of} was present"
    return f"only {n} participants {of} were present (fewer than {k})"


def _name_count(n: int, k: int) -> str:
    if n == 0:
        return "of a participant on the roster"
    if n == 1:
        return "of one participant"
    return f"of only {n} participants present (fewer than {k})"


def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).text.replace("-", " ").split())


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def name_needles(
    people: Sequence[Participant], k: int, ordinary: frozenset[str]
) -> Iterator[Needle]:
    """First and family names alone, where fewer than k present participants bear them."""
    present = [_folded_words(p.name) for p in people if p.present]
    for person in people:
        tokens = person.name.split()
        if len(tokens) < 2:
            continue  # a one-word name is searched for whole already
        for what, part in (("first name", tokens[0]), ("family name", tokens[-1])):
            folded = _folded_words(part)
            if sum(len(w) for w in folded) < MIN_NAME_LETTERS:
                continue
            n = sum(1 for words in present if _contains(words, folded))
            if n >= k:
                continue
            case = Case.NAME if " ".join(folded) in ordinary else Case.ANY
            yield Needle(part, what, person.id, f"the {what} {_name_count(n, k)}", case)


def _key(text: str | None) -> str:
    return fold(" ".join((text or "").split())).text


def _country_of(person: Participant) -> str:
    return country_forms(person.country)[0] if (person.country or "").strip() else ""


def country_needles(people: Sequence[Participant], k: int) -> Iterator[Needle]:
    """Each roster country, its adjective and capital, where fewer than k present share it."""
    shared = Counter(_country_of(p) for p in people if p.present)
    seen: set[str] = set()
    for person in people:
        name = _country_of(person)
        if not name or name in seen:
            continue
        seen.add(name)
        if shared[name] >= k:
            continue
        why = _count(shared[name], k, f"from {name}")
        for form in country_forms(person.country or "")[1]:
            case = Case.CAPITAL if form.startswith("~") else Case.ANY
            form = form.lstrip("~")
            yield Needle(
                without_article(form), "country", person.id, why, case, arabic_prefix(form)
            )


def organisation_needles(
    people: Sequence[Participant], k: int, needles_of: Callable[[str], list[str]]
) -> Iterator[Needle]:
    """Each organisation (and its head, "European Commission" of "…, DG X") fewer than k share."""
    keys = {p.id: {_key(n): n for n in needles_of(p.organisation or "")} for p in people}
    shared = Counter(key for p in people if p.present for key in keys[p.id])
    seen: set[str] = set()
    for person in people:
        for key, needle in keys[person.id].items():
            if key in seen:
                continue
            seen.add(key)
            if shared[key] < k:
                why = _count(shared[key], k, f"from {needle}")
                yield Needle(needle, "organisation", person.id, why)


def group_needles(people: Sequence[Participant], k: int) -> Iterator[Needle]:
    """Each stakeholder group fewer than k present participants belong to."""
    shared = Counter(_key(p.stakeholder_group) for p in people if p.present)
    seen: set[str] = set()
    for person in people:
        group = " ".join((person.stakeholder_group or "").split())
        if not group or _key(group) in seen:
            continue
        seen.add(_key(group))
        if shared[_key(group)] < k:
            of = f"of the stakeholder group {group}"
            yield Needle(group, "stakeholder group", person.id, _count(shared[_key(group)], k, of))


# Before the first word of a sentence (or a line, or a list entry), spaces, quotes and
# brackets aside; a number beside a word ("21 May", "May 2018") makes it a date.
_SENTENCE_ENDS = ".!?…:;\n•*#>–—-"
_OPENERS = "\"'“‘«([{¿¡"
_DATE_BEFORE = re.compile(r"\d[^\S\n]*$")
_DATE_AFTER = re.compile(r"[^\S\n]*,?[^\S\n]*\d")


def _first_in_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and (
        text[position] in _OPENERS
        or (text[position].isspace() and text[position] != "\n")
        or unicodedata.category(text[position]) == "Cf"
    ):
        position -= 1
    return position < 0 or text[position] in _SENTENCE_ENDS


def written_as(text: str, start: int, end: int, case: Case) -> bool:
    """Is ``text[start:end]`` written as ``case`` asks (see the module's docstring)?"""
    if case is Case.ANY:
        return True
    first = next((char for char in text[start:end] if char.isalpha()), "")
    if not first.isupper():
        return False
    if case is Case.CAPITAL:
        return True
    dated = _DATE_BEFORE.search(text, 0, start) or _DATE_AFTER.match(text, end)
    return not dated and not _first_in_sentence(text, start)
