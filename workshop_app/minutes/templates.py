"""Jinja2 environments for the minutes templates: escaping always on, sandboxed.

HTML templates autoescape every value (user templates too: the flag belongs to the
environment, not to the file's name). Markdown templates pass every value through
``md_escape``. Both are sandboxed, because a template file may come from someone else.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from workshop_app.assets import resources_dir
from workshop_app.domain.attribution import at_sentence_start
from workshop_app.errors import KnownError
from workshop_app.minutes import model
from workshop_app.minutes.labels import Labels
from workshop_app.minutes.template_limits import (
    BoundedBuffer,
    BoundedCodeGenerator,
    TemplateTooBig,
    TemplateTooSlow,
    bounded_call,
    bounded_filter,
    bounded_lipsum,
    bounded_value,
    check_binop,
    stream,
)
from workshop_app.minutes.text import md_escape

# Written with a literal start, so the engine can skip to each "\n\n\n" instead of trying
# every position of a many-megabyte page (the same matches as r"\n{3,}", 20 times sooner).
_EXTRA_BLANK_LINES = re.compile(r"\n\n\n+")


class TemplateProblem(KnownError):
    """A user's template cannot be read or rendered."""


# The minutes' own frozen values, each with its public fields. Reading such a field hands
# the template plain data, which the sandbox allows on every check it makes: its answer is
# known, so it is not asked again for each of hundreds of thousands of reads.
_VALUE_TYPES = (
    model.Minutes,
    model.ItemMinutes,
    model.Section,
    model.Statement,
    model.ConsensusEntry,
    model.GroupPresence,
    model.Attendee,
    model.NextStepEntry,
    model.NextStepGroup,
    model.BalanceRow,
    model.LogEntry,
    model.Annex,
    Labels,
)
_VALUE_FIELDS = {
    cls: frozenset(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_"))
    for cls in _VALUE_TYPES
}
_PLAIN_DATA = frozenset((str, int, float, bool, type(None), tuple, *_VALUE_TYPES))


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with a short way to the plain data fields of the minutes."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        fields = _VALUE_FIELDS.get(type(obj))
        if fields is not None and attribute in fields:
            value = getattr(obj, attribute)
            if type(value) in _PLAIN_DATA:
                return value
        return super().getattr(obj, attribute)


class _UserSandbox(_Sandbox):
    """The sandbox for a user's template, with every way to make a huge value bounded."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset(("*", "**", "+", "%"))
    # Called by the code BoundedCodeGenerator writes.
    bounded_buffer = BoundedBuffer
    bounded_value = staticmethod(bounded_value)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return bounded_value(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not __self.is_safe_callable(__obj):
            return super().call(__context, __obj, *args, **kwargs)  # the sandbox refuses it
        return bounded_call(__context, __obj, *args, **kwargs)


def _linebreaks(text: object) -> Markup:
    """Escaped text with its line breaks kept as ``<br>``."""
    lines = str(text)
    if "\n" not in lines:  # most text is one line: nothing to join
        return escape(lines)
    return Markup("<br>").join(escape(line) for line in lines.split("\n"))


def _md_finalize(value: object) -> str:
    # Markup marks text a filter has already made into Markdown on purpose.
    if isinstance(value, Markup):
        return str(value)
    return md_escape(value)


@functools.cache
def environment(kind: str, *, user: bool = False) -> jinja2.Environment:
    """The environment for ``"html"`` or ``"md"`` templates (``user``: for a user's own)."""
    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(resources_dir() / "templates"),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    sandbox = _UserSandbox if user else _Sandbox
    if kind == "html":
        env = sandbox(autoescape=True, **options)
        env.filters["linebreaks"] = _linebreaks
    elif kind == "md":
        env = sandbox(autoescape=False, finalize=_md_finalize, **options)
    else:
        raise ValueError(kind)
    env.filters["lead"] = at_sentence_start
    if user:
        env.filters = {name: bounded_filter(name, f) for name, f in env.filters.items()}
        env.globals["lipsum"] = bounded_lipsum
    return env


def render_template(kind: str, name: str, template: Path | None = None, **context: Any) -> str:
    """Render the default template ``name`` (or the user's ``template`` file) with ``context``."""
    where = str(template) if template else name
    try:
        if template is None:
            text = environment(kind).get_template(name).render(**context)
        else:
            source = template.read_text(encoding="utf-8")
            text = stream(environment(kind, user=True).from_string(source).generate(**context))
    except (TemplateTooBig, TemplateTooSlow) as error:
        raise TemplateProblem(f"The template {where} was stopped: {error.message}.") from error
    except RecursionError as error:
        raise TemplateProblem(
            f"The template {where} was stopped: it calls itself without end."
        ) from error
    except MemoryError as error:
        raise TemplateProblem(
            f"The template {where} was stopped: it needs more memory than there is."
        ) from error
    except OSError as error:
        raise TemplateProblem(f"The template {where} cannot be read: {error.strerror}.") from error
    except UnicodeDecodeError as error:
        raise TemplateProblem(f"The template {where} is not UTF-8 text.") from error
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(
            f"The template {where} has an error on line {error.lineno}: {error.message}."
        ) from error
    except jinja2.TemplateError as error:
        raise TemplateProblem(f"The template {where} cannot be used: {error}.") from error
    if kind == "md":
        text = _EXTRA_BLANK_LINES.sub("\n\n", text).strip() + "\n"
    return text
