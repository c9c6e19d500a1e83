"""Bounds on a user's template: how much it may write, for how long, and how big a value it
may build, so that a few bytes of Jinja2 cannot fill the memory or run for ever.

The output is streamed and stopped past ``MAX_OUTPUT_CHARS``; text a template keeps aside (a
``{% set %}`` block, a macro's output) is counted the same way, and so are values it builds
with ``~``, ``+``, ``*`` or ``%``. Time is checked while the template's own code runs (its
loops included), through a trace function on the frames Jinja2 compiled from it, so a loop
that writes nothing is stopped too.
"""

from __future__ import annotations

import functools
import inspect
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.runtime import Context
from jinja2.sandbox import safe_range
from jinja2.utils import generate_lorem_ipsum

from workshop_app.errors import KnownError

MAX_OUTPUT_CHARS = 50_000_000  # 50 MB of text: a day's full record is a few MB
MAX_SECONDS = 30.0
MAX_ARGUMENT = 100_000  # any number given to a function (as many as range() may count)
MAX_WIDTH = 10_000  # a width given to center, indent, ljust... ("center(10**9)")
MAX_LIPSUM = 100  # paragraphs of placeholder text
MAX_POWER_BITS = 100_000  # "9 ** 10**9" would take minutes and gigabytes
_WIDTH_FILTERS = {"center": ("width",), "indent": ("width",), "slice": ("slices",)}
_WIDTH_METHODS = frozenset(("center", "ljust", "rjust", "zfill", "expandtabs"))
CHECK_EVERY_LINES = 2048
TEMPLATE_FILENAME = "<template>"  # what Jinja2 names the code it compiles from a string
# A width or precision of six digits or more in a format string ("%999999d", "{:>999999}").
_HUGE_FORMAT = re.compile(r"%[-+ #0]*(\d{6,}|\d*\.\d{6,})|\{[^{}]*:[^{}]*\d{6,}[^{}]*\}")


class TemplateTooBig(KnownError):
    """The template writes (or builds) more text than minutes could ever need."""


class TemplateTooSlow(KnownError):
    """The template runs longer than minutes could ever need."""


def too_big() -> TemplateTooBig:
    return TemplateTooBig(f"it writes more than {MAX_OUTPUT_CHARS // 1_000_000} MB of text")


def _length(value: object) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


class BoundedBuffer(list[str]):
    """The list a compiled template collects set-aside output in, counting as it grows."""

    size = 0

    def append(self, item: str) -> None:
        self._count(_length(item))
        super().append(item)

    def extend(self, items: Iterable[str]) -> None:
        items = list(items)
        self._count(sum(_length(item) for item in items))
        super().extend(items)

    def _count(self, more: int) -> None:
        self.size += more
        if self.size > MAX_OUTPUT_CHARS:
            raise too_big()


class BoundedCodeGenerator(CodeGenerator):
    """Jinja2's compiler, with set-aside output in a ``BoundedBuffer`` and ``~`` checked."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.bounded_buffer()")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.bounded_value(")
        super().visit_Concat(node, frame)
        self.write(")")


def bounded_value(value: Any) -> Any:
    """``value``, unless it is a text or list too long for any minutes."""
    if _length(value) > MAX_OUTPUT_CHARS:
        raise too_big()
    return value


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``"x" * 10**9``, ``9 ** 10**9`` and ``"%999999999d" % 1`` before they are made."""
    if _too_big(operator, left, right):
        raise too_big()


def _too_big(operator: str, left: Any, right: Any) -> bool:
    if operator == "*":
        return any(
            isinstance(times, int) and _length(sequence) * times > MAX_OUTPUT_CHARS
            for sequence, times in ((left, right), (right, left))
        )
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
        return right * math.log2(abs(left)) > MAX_POWER_BITS
    if operator == "+":
        return _length(left) + _length(right) > MAX_OUTPUT_CHARS
    return operator == "%" and isinstance(left, str) and _HUGE_FORMAT.search(left) is not None


def _huge_width(values: Iterable[Any]) -> bool:
    return any(isinstance(v, int) and not isinstance(v, bool) and v > MAX_WIDTH for v in values)


def _huge_format(value: Any) -> bool:
    return isinstance(value, str) and _HUGE_FORMAT.search(value) is not None


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """The filter ``name``, refusing a huge width or format, and a huge result."""
    try:
        signature: inspect.Signature | None = inspect.signature(function)
    except (TypeError, ValueError):
        signature = None

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if name in _WIDTH_FILTERS and signature is not None:
            bound = signature.bind_partial(*args, **kwargs).arguments
            if _huge_width(bound.get(parameter) for parameter in _WIDTH_FILTERS[name]):
                raise too_big()
        if name == "format" and any(_huge_format(value) for value in args[:2]):
            raise too_big()
        return bounded_value(function(*args, **kwargs))

    return checked


def bounded_call(context: Context, obj: Any, *args: Any, **kwargs: Any) -> Any:
    """A call from the template, its arguments and its result checked."""
    method = inspect.unwrap(obj)  # the sandbox wraps str.format
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", "")
    values = (*args, *kwargs.values())
    if isinstance(owner, str) and (
        (name in _WIDTH_METHODS and _huge_width(values))
        or (name in ("format", "format_map") and _huge_format(owner))
    ):
        raise too_big()
    if obj is not safe_range and any(
        isinstance(v, int) and not isinstance(v, bool) and v > MAX_ARGUMENT for v in values
    ):
        raise too_big()
    return bounded_value(context.call(obj, *args, **kwargs))


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja2's placeholder text, at most ``MAX_WIDTH`` words a paragraph, 100 paragraphs."""
    if n > MAX_LIPSUM or _huge_width((min, max)):
        raise too_big()
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


class _Clock:
    """A trace function that stops the template's own code once its time is up."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.lines = 0

    def on_call(self, frame: FrameType, event: str, arg: object) -> Any:
        return self.on_line if frame.f_code.co_filename == TEMPLATE_FILENAME else None

    def on_line(self, frame: FrameType, event: str, arg: object) -> Any:
        self.lines += 1
        if self.lines % CHECK_EVERY_LINES == 0 and time.monotonic() > self.deadline:
            raise TemplateTooSlow(f"it runs for more than {MAX_SECONDS:g} seconds")
        return self.on_line


def stream(chunks: Iterator[str]) -> str:
    """The template's output, stopped past the size and time limits."""
    clock = _Clock(MAX_SECONDS)
    previous = sys.gettrace()
    sys.settrace(clock.on_call)
    try:
        parts: list[str] = []
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise too_big()
            parts.append(chunk)
    finally:
        sys.settrace(previous)
    return "".join(parts)
