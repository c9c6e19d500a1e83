"""How typed text is matched against names: without accents, case or surrounding spaces."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` as it is matched: "  Tomás " and "tomas" are the same."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
