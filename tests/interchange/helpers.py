"""Shared by the interchange tests: the fixture files, and editing a document by path."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from workshop_app.interchange import InterchangeError, loads

FIXTURES = Path(__file__).parent / "fixtures"

#: Passed as a value to ``set_at`` to remove the key instead.
DELETE = object()


@cache
def _fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def fixture_document(name: str) -> dict[str, Any]:
    """A fresh copy of a fixture file's JSON, free to change."""
    return copy.deepcopy(json.loads(_fixture_text(name)))


def set_at(document: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """Set (or, with ``DELETE``, remove) the value at ``path``; returns the document."""
    node = document
    for part in path[:-1]:
        node = node[part]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


def refusal(document: Any) -> InterchangeError:
    """The error with which ``document`` (as JSON text) is refused."""
    with pytest.raises(InterchangeError) as caught:
        loads(json.dumps(document, ensure_ascii=False))
    return caught.value
