"""Issue 14, High 1: a name hidden from a plain search but not from a reader is still found.

Each probe puts María López (a participant) into a contribution in a way the first anonymity
check missed; the anonymous export of the workshop file must refuse in every format, in one
line, writing nothing. The control exports the same file with neutral text; the false
positives check that a participant called "Ana" does not make "banana" a hit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minutes.readback import text_of
from tests.security.helpers import (
    ANA,
    MARIA,
    NEUTRAL,
    base_record,
    export,
    refused,
    said,
    write,
)

FORMATS = ("md", "html", "docx", "pdf", "csv")
PROBES = {
    "zero-width space": "Ma\u200bría López",
    "zero-width non-joiner": "Mar\u200cía López",
    "zero-width joiner": "María\u200d López",
    "word joiner": "Ma\u2060ría Ló\u2060pez",
    "soft hyphen": "Ma\u00adría Ló\u00adpez",
    "byte order mark": "\ufeffMaría\ufeff López",
    "combining grapheme joiner": "Mar\u034fía López",
    "left-to-right mark": "María\u200eLópez",
    "right-to-left override": "\u202ezepóL aíraM\u202c",
    "cyrillic a": "M\u0430ría L\u043epez",
    "greek omicron": "María L\u03bfpez",
    "family name first": "López, María",
    "run together": "MaríaLópez",
    "hyphenated": "María-López",
    "percent-encoded space": "María%20López",
    "percent-encoded utf-8": "Mar%C3%ADa%20L%C3%B3pez",
    "non-breaking space entity": "María&nbsp;López",
    "numeric entities": "Mar&#237;a L&#xF3;pez",
    "e-mail with [at]": "maria.lopez[at]example.org",
    "e-mail with at and dot": "maria dot lopez at example dot org",
    "organisation with zero-width space": "Instituto\u200b Nacional de Estadística",
    "title and surname with soft hyphen": "Dr.\u00adLópez",
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("probe", PROBES.values(), ids=PROBES.keys())
def test_anonymous_export_refuses_a_hidden_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, probe: str, fmt: str
) -> None:
    path = write(said(base_record(), f"As {probe} said, {NEUTRAL}"), tmp_path)
    code, err, out = export(capsys, path, fmt)
    assert refused(code, err, out), err
    assert "would name participants" in err
    assert "item 2, question 1, contribution" in err


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_the_same_file_with_neutral_text_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    path = write(said(base_record(), f"As one participant said, {NEUTRAL}", MARIA.id), tmp_path)
    code, err, out = export(capsys, path, fmt)
    assert code == 0, err
    text = " ".join(text_of(fmt, out.read_bytes()).split())
    assert NEUTRAL in text
    assert "López" not in text and "Lopez" not in text


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_ordinary_words_that_contain_a_name_are_not_hits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """A participant called "Ana": "banana", "Analysis", "Ghana" and "Mariano" stay words."""
    text = (
        "Banana exports from Ghana; the ANALYSIS of anaemia data; Mariano Lopezino's table; "
        "a banana-shaped curve; at dot com companies."
    )
    path = write(said(base_record(), text, ANA.id), tmp_path)
    code, err, out = export(capsys, path, fmt)
    assert code == 0, err
    assert "Banana exports from Ghana" in " ".join(text_of(fmt, out.read_bytes()).split())
