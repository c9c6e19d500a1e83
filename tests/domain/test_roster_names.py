"""The family name in a name written in one field, and the key a roster sorts people by."""

from __future__ import annotations

import pytest

from workshop_app.domain.roster import NameParts, family_sort_key, split_name


@pytest.mark.parametrize(
    ("name", "given", "family"),
    [
        ("Ádám Kovács", "Ádám", "Kovács"),
        ("Madonna", "", "Madonna"),
        ("  Grace   Achieng ", "Grace", "Achieng"),
        ("Jean-Pierre Dupont-Moretti", "Jean-Pierre", "Dupont-Moretti"),
        ("Pieter van Dam", "Pieter", "van Dam"),
        ("Ludwig van der Berg", "Ludwig", "van der Berg"),
        ("Ana María de la Cruz", "Ana María", "de la Cruz"),
        ("Vincent Van Gogh", "Vincent", "Van Gogh"),
        ("Youssef El Amrani", "Youssef", "El Amrani"),
        ("Omar ibn al-Khattab", "Omar", "ibn al-Khattab"),
        ("Mohammed bin Salman Al Saud", "Mohammed bin Salman", "Al Saud"),
        ("Martin Luther King Jr.", "Martin Luther", "King"),
        ("Smith III", "", "Smith"),
        ("Da Silva", "Da", "Silva"),  # the first word is a given name, never a particle
        ("Kovács, Ádám", "Ádám", "Kovács"),
        ("NGUYỄN Thị Mai", "Thị Mai", "NGUYỄN"),
        ("Jean DUPONT", "Jean", "DUPONT"),
        ("JOHN SMITH", "JOHN", "SMITH"),  # all in capitals: the capitals tell nothing
        ("J. R. Tolkien", "J. R.", "Tolkien"),  # an initial is not a name in capitals
        ("", "", ""),
    ],
)
def test_the_family_name_is_found_in_one_field(name: str, given: str, family: str) -> None:
    assert split_name(name) == NameParts(given=given, family=family)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ádám Kovács", ("Kovács", "Ádám")),
        ("Pieter van Dam", ("Dam", "Pieter")),  # a particle in lower case is skipped
        ("Ana María de la Cruz", ("Cruz", "Ana María")),
        ("Vincent Van Gogh", ("Van Gogh", "Vincent")),  # with a capital it is sorted on
        ("Leonardo Di Caprio", ("Di Caprio", "Leonardo")),
        ("Omar ibn al-Khattab", ("Khattab", "Omar")),  # and so is an article in lower case
        ("Ahmed Al-Sayed", ("Al-Sayed", "Ahmed")),
        ("Youssef El Amrani", ("El Amrani", "Youssef")),
        ("Madonna", ("Madonna", "")),
    ],
)
def test_the_sort_key_is_the_family_name_then_the_given_name(
    name: str, key: tuple[str, str]
) -> None:
    assert family_sort_key(name) == key
