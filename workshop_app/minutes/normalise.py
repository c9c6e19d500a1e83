"""Text as the anonymity check compares it: what a reader sees, whatever hides it from a search.

A name can be typed so that a plain search misses it while every reader still sees it: a
zero-width or other invisible character inside it, a Cyrillic or Greek letter drawn like a
Latin one, fullwidth or mathematical letters, accents, percent- or entity-encoding, a
right-to-left override that shows reversed text the right way round. ``fold`` undoes all
of these, consistently for the text and for the names searched for, and keeps for each
character of its result the span of the original text it came from, so that a finding can
still quote the text as it was typed. Punctuation is left in place: the patterns of
``identities`` treat any run of it (or none, between two words of a name) as a separator.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Default-ignorable characters that are not format characters (Cf, dropped by category):
# the combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian variation
# selectors, variation selectors.
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
# Control characters that are whitespace where they stand; the others are dropped by the
# renderers (or shown as nothing), so they are dropped here too.
_SPACE_CONTROLS = "\t\n\r\x85"
_DROPPED_CATEGORIES = frozenset(("Cf", "Cs", "Co", "Cn"))

# Letters of other scripts drawn like Latin ones (a small table of the look-alikes that
# matter for names, after Unicode's confusables list), and Latin letters that carry a stroke
# or ligature rather than an accent NFKD would take off. Capitals are mapped before case
# folding, because some look like a Latin letter only as a capital (Cyrillic Н, Greek Η).
_CAPITAL_LOOKALIKES = {
    **dict(zip("АВЕКМНОРСТУХЅІЈԚԜҮҺӀ", "ABEKMHOPCTYXSIJQWYHI", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹͿ", "ABEZHIKMNOPTYXCJ", strict=True)),
}
_SMALL_LOOKALIKES = {
    **dict(zip("аеорсухѕіјԛԝһӏүԁ", "aeopcyxsijqwhlyd", strict=True)),
    **dict(zip("αορνικυχγϲϳ", "aopvikuxycj", strict=True)),
    **dict(zip("օսհո", "ouhn", strict=True)),
    **dict(zip("ıȷøłđðħŧƀɡɑɩ", "ijolddhtbgai", strict=True)),
    **dict(zip("ᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdeghijklmnoprstuvwyz", strict=True)),
    "æ": "ae",
    "œ": "oe",
}
RLO = "\u202e"  # right-to-left override: what follows is shown reversed
_OVERRIDE_ENDS = "\u202c\u2069\n"  # pop directional formatting, pop isolate, paragraph end
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
DECODE_ROUNDS = 3  # "&amp;nbsp;" and "%2526" are encoded twice; nobody reads three layers


def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    if category in _DROPPED_CATEGORIES:
        return True
    if category == "Cc":
        return char not in _SPACE_CONTROLS
    return unicodedata.combining(char) != 0 or _IGNORABLE.match(char) is not None


@functools.cache
def fold_char(char: str) -> str:
    """One character as compared: compatibility form, no accent, no case, Latin look-alike."""
    # Look-alikes first as well: NFKD makes some of them other letters (lunate sigma "ϲ": σ).
    char = _SMALL_LOOKALIKES.get(char, _CAPITAL_LOOKALIKES.get(char, char))
    out: list[str] = []
    for part in unicodedata.normalize("NFKD", char):
        if _invisible(part):
            continue
        for folded in _CAPITAL_LOOKALIKES.get(part, part).casefold():
            out.append(_SMALL_LOOKALIKES.get(folded, folded))
    return "".join(out)


# Characters that do not fold to exactly one character (dropped, or "ß" to "ss").
_IRREGULAR: set[str] = set()


class _FoldTable(dict[int, str]):
    """``str.translate``'s table, filled in as characters are first met."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if len(folded) != 1:
            _IRREGULAR.add(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


@dataclass(frozen=True)
class Folded:
    """Folded text, and for each of its characters the span of the source it stands for."""

    text: str
    starts: Sequence[int] | None = None  # None: character i comes from source character i
    ends: Sequence[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        return min(self.starts[start:end]), max(self.ends[start:end])


class _Units:
    """Folded characters, each with the source span it stands for, decoded step by step."""

    def __init__(self, text: str, order: Sequence[int]) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for index in order:
            for folded in fold_char(text[index]):
                self.chars.append(folded)
                self.starts.append(index)
                self.ends.append(index + 1)

    def decode(self, pattern: re.Pattern[str], decoder: Callable[[str], str]) -> bool:
        """Replace each match by what ``decoder`` makes of it, folded; True if any changed."""
        joined = "".join(self.chars)
        changed = False
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        done = 0
        for match in pattern.finditer(joined):
            decoded = "".join(fold_char(char) for char in decoder(match.group()))
            if decoded == match.group():
                continue
            changed = True
            chars += self.chars[done : match.start()]
            starts += self.starts[done : match.start()]
            ends += self.ends[done : match.start()]
            first, last = self.starts[match.start()], self.ends[match.end() - 1]
            chars += decoded
            starts += [first] * len(decoded)
            ends += [last] * len(decoded)
            done = match.end()
        if changed:
            self.chars = chars + self.chars[done:]
            self.starts = starts + self.starts[done:]
            self.ends = ends + self.ends[done:]
        return changed


def _percent_decoded(encoded: str) -> str:
    raw = bytes.fromhex(encoded.replace("%", ""))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def fold(text: str) -> Folded:
    """``text`` as the anonymity check compares it (see the module's docstring)."""
    folded = text.translate(_TABLE)
    if "%" not in folded and "&" not in folded and _IRREGULAR.isdisjoint(text):
        return Folded(folded)  # the usual case: one character for one, nothing encoded
    return _decoded(text, range(len(text)))


def _decoded(text: str, order: Sequence[int]) -> Folded:
    # Folded first, so that an invisible character or a look-alike inside "%20" or "&nbsp;"
    # does not keep it from being read as the space a reader's browser shows.
    units = _Units(text, order)
    for _ in range(DECODE_ROUNDS):
        percent = units.decode(_PERCENT, _percent_decoded)
        entity = units.decode(_ENTITY, html.unescape)
        if not (percent or entity):
            break
    return Folded("".join(units.chars), units.starts, units.ends)


def views(text: str) -> list[Folded]:
    """The text folded, and, if it holds a right-to-left override, also as it is shown."""
    found = [fold(text)]
    if RLO in text:
        found.append(_decoded(text, _shown_order(text)))
    return found


def _shown_order(text: str) -> list[int]:
    """The source positions in the order a reader sees them: each overridden run reversed."""
    order: list[int] = []
    position = 0
    while position < len(text):
        start = text.find(RLO, position)
        if start < 0:
            order.extend(range(position, len(text)))
            break
        end = start + 1
        while end < len(text) and text[end] not in _OVERRIDE_ENDS:
            end += 1
        order.extend(range(position, start + 1))
        order.extend(reversed(range(start + 1, end)))
        position = end
    return order
