"""The anonymity check reasons over who took part: what fewer than k present participants share
names them (a name alone, a country and its words, an organisation, a stakeholder group)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.security.helpers import said
from workshop_app.demo import demo_record
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import Participant
from workshop_app.minutes import MinutesOptions
from workshop_app.minutes.export import IdentitiesFound, export_minutes
from workshop_app.minutes.identities import find_identities
from workshop_app.store import Document

ROSTER = (
    Participant("m1", "Youssef Benali", country="Morocco", stakeholder_group="Governments"),
    Participant("m2", "Natalia Rusu", country="Republic of Moldova", organisation="Hydromet"),
    Participant("k1", "Grace Wanjiru", country="Kenya", organisation="Kenya Met"),
    Participant("k2", "Peter Otieno", country="Kenya", organisation="Kenya Met"),
    Participant("k3", "Amina Hassan", country="Kenya", organisation="Kenya Met"),
    Participant("b1", "Ana Souza", country="Brazil"),
    Participant("b2", "Pedro Souza", country="Brazil"),
    Participant("a1", "Leila Haddad", country="Lebanon", present=False),
    Participant("y1", "May Lindqvist", stakeholder_group="Business and industry"),
    Participant("t1", "Deniz Yilmaz", country="Türkiye"),
    Participant("t2", "Piotr Nowak", country="Poland"),
)


def whys(text: str, **options: object) -> list[str]:
    return [f.why for f in find_identities(text, ROSTER, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morocco cautioned", "Morocco: one participant from Morocco was present"),
        ("the Moroccan delegate's point", "Moroccan: one participant from Morocco was present"),
        ("two Moroccans", "Moroccans: one participant from Morocco was present"),
        ("la déléguée marocaine", "marocaine: one participant from Morocco was present"),
        ("قال الوفد المغربي", "المغربي: one participant from Morocco was present"),
        ("el delegado marroquí", "marroquí: one participant from Morocco was present"),
        ("a delegação moldava", "moldava: one participant from Moldova was present"),
        ("as Natalia from Chisinau said", "Chisinau: one participant from Moldova was present"),
        ("Moldova's view", "Moldova: one participant from Moldova was present"),
        ("Brazil agreed", "Brazil: only 2 participants from Brazil were present (fewer than 3)"),
        ("Hydromet's data", "Hydromet: one participant from Hydromet was present"),
        (
            "Lebanon sent apologies",
            "Lebanon: a participant from Lebanon is on the roster, though none was present",
        ),
        ("Furtado and Benali", "Benali: the family name of one participant"),
        ("attributed to Youssef?", "Youssef: the first name of one participant"),
        ("Souza's paper", "Souza: the family name of only 2 participants present (fewer than 3)"),
        (
            "bus\u200bine\u00adss and INDUSTRY",
            "business and INDUSTRY: one participant of the "
            "stakeholder group Business and industry was present",
        ),
        ("as May said", "May: the first name of one participant"),
        ("Turkey and the Polish delegation", "Turkey: one participant from Türkiye was present"),
        ("Turkey and the Polish delegation", "Polish: one participant from Poland was present"),
    ],
)
def test_what_fewer_than_k_share_is_found_with_why(text: str, expected: str) -> None:
    assert expected in whys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya shared its database; Kenyan agencies and the Kenya Met agreed.",  # three present
        "the analysis was shared",  # "Ana" is a first name, but not a word of this text
        "Parties may wish to act. May we begin? On 21 May, and in May 2026.",
        "the grace period",
        "roast turkey and shoe polish",
    ],
)
def test_what_k_or_more_share_and_ordinary_words_are_not(text: str) -> None:
    assert find_identities(text, ROSTER) == []


def test_public_names_are_never_reported() -> None:
    text = "The Government of Morocco hosted; Hydromet and Morocco spoke."
    assert whys(text, public_names=("Government of Morocco", "Hydromet")) == [
        "Morocco: one participant from Morocco was present"
    ]


def test_k_is_the_workshop_s_own(tmp_path: Path) -> None:
    """Set in the file: with k = 2 the two Brazilians may be named; with k = 3 they may not."""
    demo = demo_record()
    record = said(
        dataclasses.replace(demo, participants=(*demo.participants, *ROSTER)),
        "Brazil proposed a pilot.",
    )
    path = tmp_path / "k.workshop"
    Document.create_from_record(path, record).close()
    options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    with pytest.raises(IdentitiesFound) as refused:
        export_minutes(path, options, "md", tmp_path / "out.md")
    assert [f.found for f in refused.value.findings] == ["Brazil"]
    with Document.open(path) as doc:
        doc.workshop.set_anonymity_k(2)
    export_minutes(path, options, "md", tmp_path / "out.md")
    assert "Brazil proposed a pilot." in (tmp_path / "out.md").read_text("utf-8")


def test_the_ordinary_words_are_those_of_the_text_s_language() -> None:
    """ "Pierre" is a stone in French: in French minutes only a capital mid-sentence counts."""
    pierre = [Participant("f1", "Pierre Dupont")]
    assert find_identities("une pierre angulaire", pierre, language="fr") == []
    assert find_identities("Pierre a ouvert la séance.", pierre, language="fr") == []
    [found] = find_identities("comme Pierre l'a dit", pierre, language="fr")
    assert found.why == "Pierre: the first name of one participant"
    assert [f.found for f in find_identities("the pierre", pierre, language="en")] == ["pierre"]
