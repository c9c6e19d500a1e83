"""Does a user's template make the minutes reach out? Scripts and remote resources in its output.

A template may load an image whose address carries the minutes' words (a beacon: opening the
page sends them to someone's server) or run a script that does the same. Anonymous minutes
refuse such a template. What is looked for: script-bearing elements and event attributes,
``javascript:`` addresses, and any address a viewer fetches on its own (images, styles,
frames, ``ping``, CSS ``url()`` and ``@import``, Markdown images) that is not in the page
itself (``data:``) or beside it (a relative path).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from workshop_app.errors import KnownError

_ACTIVE_TAGS = frozenset(("script", "iframe", "frame", "frameset", "object", "embed", "applet"))
# Attributes whose address a viewer fetches without being asked; href is one except on links.
_FETCHED = frozenset(
    (
        "src",
        "srcset",
        "imagesrcset",
        "href",
        "xlink:href",
        "data",
        "poster",
        "background",
        "ping",
        "lowsrc",
        "dynsrc",
        "manifest",
        "codebase",
        "archive",
    )
)
_FOLLOWED_ONLY_WHEN_CLICKED = frozenset(("a", "area"))
_INVISIBLE_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")
_CSS_ADDRESS = re.compile(
    r"""(?:url\(\s*|@import\s+|image-set\(\s*|image\(\s*)(?:url\(\s*)?['"]?([^'")\s]+)""",
    re.IGNORECASE,
)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


SHOWN_CHARS = 60  # of an address, in the refusal (it may carry the minutes' words)


def _short(address: str) -> str:
    address = address.strip()
    return address if len(address) <= SHOWN_CHARS else f"{address[:SHOWN_CHARS]}…"


def _address(value: str) -> str:
    """An address as a browser reads it: no spaces or control characters, lower case."""
    return _INVISIBLE_IN_URLS.sub("", value).lower()


def is_remote(value: str) -> bool:
    """True for an address outside the page and its folder (another host, another scheme)."""
    address = _address(value)
    if address.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    return bool(_SCHEME.match(address)) and not address.startswith("data:")


def _css_text(css: str) -> str:
    def unescape(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else ""
        return match.group(2)

    return _CSS_ESCAPE.sub(unescape, _CSS_COMMENT.sub("", css))


def _remote_in_css(css: str) -> str | None:
    for match in _CSS_ADDRESS.finditer(_css_text(css)):
        if is_remote(match.group(1)):
            return match.group(1)
    return None


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.found.append(f"a <{tag}> element")
        self._in_style = tag == "style"
        for name, raw in attrs:
            value = raw or ""
            if name.startswith("on"):
                self.found.append(f"a script in <{tag} {name}>")
            elif _address(value).startswith(_SCRIPT_SCHEMES):
                self.found.append(f"a script address in <{tag} {name}>")
            elif name == "style" and (remote := _remote_in_css(value)):
                self.found.append(f"{_short(remote)} in <{tag} style>")
            elif name in _FETCHED and (tag, name) not in _CLICKED_LINKS:
                for address in value.split(",") if "srcset" in name else [value]:
                    candidate = address.strip().split(" ")[0] if "srcset" in name else address
                    if is_remote(candidate):
                        self.found.append(f"{_short(candidate)} in <{tag} {name}>")
            elif tag == "meta" and name == "http-equiv" and value.strip().lower() == "refresh":
                self.found.append("a <meta http-equiv=refresh> that moves to another page")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and (remote := _remote_in_css(data)):
            self.found.append(f"{_short(remote)} in <style>")


_CLICKED_LINKS = frozenset((tag, "href") for tag in _FOLLOWED_ONLY_WHEN_CLICKED)


def reaching_out(page: str, *, markdown: bool = False) -> list[str]:
    """What in ``page`` (HTML, or Markdown with ``markdown``) runs or fetches from outside."""
    scanner = _Scanner()
    scanner.feed(page)
    scanner.close()
    found = scanner.found
    if markdown:
        images = (m.group(1) for m in _MD_IMAGE.finditer(page))
        found += [f"{_short(image)} in a Markdown image" for image in images if is_remote(image)]
    return found


class TemplateReachesOut(KnownError):
    """A template for anonymous minutes would run a script or fetch from elsewhere."""


def refuse_reaching_out(template: Path, page: str, *, markdown: bool = False) -> None:
    """Raise ``TemplateReachesOut`` if ``page``, written by ``template``, reaches out."""
    found = reaching_out(page, markdown=markdown)
    if found:
        raise TemplateReachesOut(
            f"The template {template} has {found[0]}: anonymous minutes are not written with "
            "scripts or remote resources, which could send their words elsewhere."
        )
