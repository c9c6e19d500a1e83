"""The title block in each format and in the agenda handout (issue 18): the chair is named
where people or organisations are; group and anonymous minutes have no chair line at all
(never "Chair: A participant from European institutions")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minutes.readback import text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.minutes import MinutesOptions, export_minutes

FORMATS = ("md", "html", "docx", "pdf")


def head(path: Path, fmt: str, mode: Attribution, *, agenda: bool) -> str:
    """What the exported file (minutes or handout) says before its first section."""
    out = path.with_name(f"{'agenda' if agenda else 'minutes'}-{mode.value}.{fmt}")
    options = MinutesOptions(attribution=mode)
    export_minutes(path, options, fmt, out, agenda=agenda, allow_identities=True)
    text = " ".join(text_of(fmt, out.read_bytes()).split())
    # The handout's first section is the agenda; the minutes' the key outcomes (or, without
    # them, why the event was convened).
    start = text.index("European Conversation") + 30
    ends = ("Agenda",) if agenda else ("Key outcomes", "Why the event was convened")
    return text[: min(text.index(end, start) for end in ends if end in text[start:])]


@pytest.mark.parametrize("agenda", [False, True], ids=["minutes", "handout"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_group_and_anonymous_title_blocks_name_no_chair(
    demo_path: Path, fmt: str, agenda: bool
) -> None:
    named = head(demo_path, fmt, Attribution.NAMED, agenda=agenda)
    assert "Chair" in named and "Ingrid Solberg" in named  # the control: it is there to see
    for mode in (Attribution.GROUP, Attribution.ANONYMOUS):
        block = head(demo_path, fmt, mode, agenda=agenda)
        assert "Brussels, Belgium" in block  # the title block itself is printed
        assert "Chair" not in block, mode
        assert "participant" not in block.casefold(), mode
