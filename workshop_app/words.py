"""How a count is said: "1 item", "3 items". The one place plural forms come from, so that the
translations (issue 19) have one door to go through; the store, the CLI and the UI all use it.

English has two forms; the translations bring their own rules (Arabic has six), which is why
callers pass both forms and never add an "s" themselves.
"""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """``count`` followed by the form of the word that goes with it: ``plural(1, "item",
    "items")`` is "1 item", ``plural(0, "item", "items")`` is "0 items"."""
    return f"{count:,} {plural_form(count, one, many)}"


def plural_form(count: int, one: str, many: str) -> str:
    """The word alone, for sentences where the number is elsewhere or spelled out."""
    return one if count == 1 else many
