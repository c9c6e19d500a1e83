"""Issue 18: the roster reasoning of the anonymity check, over generated rosters and texts.

A country or stakeholder group k or more present participants share is never a finding; one
fewer than k share always is, whatever the case, accents or invisible characters of the
text; a family name borne by one participant is found alone, possessive or not.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.domain.model import Participant
from workshop_app.minutes.identities import IdentityScanner, shown

COUNTRIES = ("Brazil", "Morocco", "Moldova", "Cabo Verde", "Kenya", "Senegal", "Fiji")
GROUPS = ("Governments", "Civil society", "Business and industry", "Youth networks")
INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
# Syllables of invented family names: none an ordinary word, none a country's word.
SYLLABLES = ("zor", "blax", "quen", "ting", "vex", "ilo", "drum", "kaz", "pol", "yth")


@st.composite
def rosters(draw: st.DrawFn) -> tuple[list[Participant], int]:
    """Participants with countries and groups, some absent, and the workshop's k."""
    k = draw(st.integers(2, 5))
    people = []
    for n in range(draw(st.integers(1, 14))):
        people.append(
            Participant(
                id=f"g{n}",
                name=f"Person{n} Family{n}x",
                country=draw(st.sampled_from(COUNTRIES)),
                stakeholder_group=draw(st.sampled_from(GROUPS)),
                present=draw(st.booleans()) or draw(st.booleans()),
            )
        )
    return people, k


@st.composite
def hidden(draw: st.DrawFn, word: str) -> str:
    """``word`` as someone might type it: any case, with invisible characters inside."""
    case = draw(st.sampled_from([str, str.upper, str.lower, str.title]))
    letters = list(case(word))
    for index in sorted(draw(st.lists(st.integers(1, len(letters)), max_size=3)), reverse=True):
        letters.insert(index, draw(st.sampled_from(INVISIBLE)))
    return "".join(letters)


def present_sharing(people: list[Participant], attribute: str, value: str) -> int:
    return sum(1 for p in people if p.present and getattr(p, attribute) == value)


@settings(max_examples=150, deadline=None)
@given(
    data=st.data(), roster=rosters(), attribute=st.sampled_from(["country", "stakeholder_group"])
)
def test_a_country_or_group_is_a_finding_exactly_when_fewer_than_k_present_share_it(
    data: st.DataObject, roster: tuple[list[Participant], int], attribute: str
) -> None:
    people, k = roster
    value = getattr(data.draw(st.sampled_from(people)), attribute)
    typed = data.draw(hidden(value))
    findings = IdentityScanner(people, k=k).scan(f"In the second round, {typed}'s view was heard.")
    shared = present_sharing(people, attribute, value)
    if shared >= k:
        assert findings == []
        return
    of = f"from {value}" if attribute == "country" else f"of the stakeholder group {value}"
    reason = {
        0: f"a participant {of} is on the roster, though none was present",
        1: f"one participant {of} was present",
    }.get(shared, f"only {shared} participants {of} were present (fewer than {k})")
    [finding] = findings
    assert finding.what == ("country" if attribute == "country" else "stakeholder group")
    assert finding.why == f"{shown(typed)}: {reason}"


@settings(max_examples=100, deadline=None)
@given(
    data=st.data(),
    family=st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=3).map("".join),
    others=st.integers(0, 6),
    possessive=st.sampled_from(["", "'s", "\u2019s", "\u200b's"]),
)
def test_a_family_name_borne_by_one_participant_is_found_alone(
    data: st.DataObject, family: str, others: int, possessive: str
) -> None:
    people = [Participant("f0", f"Ana {family.title()}")]
    people += [Participant(f"o{n}", f"Other{n} Person{n}x") for n in range(others)]
    typed = data.draw(hidden(family))
    [finding] = IdentityScanner(people).scan(f"Building on what {typed}{possessive} said")
    assert shown(finding.found) == shown(typed)
    assert finding.why == f"{shown(typed)}: the family name of one participant"
