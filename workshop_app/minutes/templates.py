"""Jinja2 environments for the minutes templates: escaping always on, sandboxed.

HTML templates autoescape every value (user templates too: the flag belongs to the
environment, not to the file's name). Markdown templates pass every value through
``md_escape``. Both are sandboxed, because a template file may come from someone else.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from workshop_app.assets import resources_dir
from workshop_app.domain.attribution import at_sentence_start
from workshop_app.errors import KnownError
from workshop_app.minutes.text import md_escape

_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")


class TemplateProblem(KnownError):
    """A user's template cannot be read or rendered."""


def _linebreaks(text: object) -> Markup:
    """Escaped text with its line breaks kept as ``<br>``."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


def _md_finalize(value: object) -> str:
    # Markup marks text a filter has already made into Markdown on purpose.
    if isinstance(value, Markup):
        return str(value)
    return md_escape(value)


@functools.cache
def environment(kind: str) -> jinja2.Environment:
    """The environment for ``"html"`` or ``"md"`` templates."""
    options: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(resources_dir() / "templates"),
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = ImmutableSandboxedEnvironment(autoescape=True, **options)
        env.filters["linebreaks"] = _linebreaks
    elif kind == "md":
        env = ImmutableSandboxedEnvironment(autoescape=False, finalize=_md_finalize, **options)
    else:
        raise ValueError(kind)
    env.filters["lead"] = at_sentence_start
    return env


def render_template(kind: str, name: str, template: Path | None = None, **context: Any) -> str:
    """Render the default template ``name`` (or the user's ``template`` file) with ``context``."""
    env = environment(kind)
    where = str(template) if template else name
    try:
        if template is None:
            compiled = env.get_template(name)
        else:
            compiled = env.from_string(template.read_text(encoding="utf-8"))
        text = compiled.render(**context)
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
