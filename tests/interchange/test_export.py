"""The exporter: key order and defaults follow the schema, lists keep their recorded order."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.interchange.helpers import fixture_document
from workshop_app.assets import asset
from workshop_app.domain.model import (
    AgendaItem,
    GuidingQuestion,
    Participant,
    Workshop,
    WorkshopRecord,
)
from workshop_app.interchange import dumps, loads, record_to_dict
from workshop_app.interchange.layout import (
    ADDED_IN,
    LAYOUTS,
    LISTS,
    LISTS_ADDED_IN,
    SCHEMAS,
    VERSION,
    VERSIONS,
)


def schema(version: int) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(asset(SCHEMAS[version]).read_text(encoding="utf-8"))
    return loaded


# The layouts follow the newest schema; older ones lack only what later versions added.
SCHEMA = schema(VERSION)
DEFS: dict[str, Any] = SCHEMA["$defs"]


@pytest.mark.parametrize("cls", list(LAYOUTS), ids=lambda cls: cls.__name__)
def test_layout_keys_are_the_schema_properties_in_order(cls: type) -> None:
    definition, fields = LAYOUTS[cls]
    assert [f.key for f in fields] == list(DEFS[definition]["properties"])


@pytest.mark.parametrize("cls", list(LAYOUTS), ids=lambda cls: cls.__name__)
def test_layout_covers_every_dataclass_field(cls: type) -> None:
    _definition, fields = LAYOUTS[cls]
    names = {f.name for f in dataclasses.fields(cls)}
    # A guiding question's item is where it sits in the file, not a key of its own.
    implicit = {"agenda_item_id"} if cls is GuidingQuestion else set()
    assert {f.attr for f in fields} == names - implicit


@pytest.mark.parametrize("cls", list(LAYOUTS), ids=lambda cls: cls.__name__)
def test_dataclass_defaults_are_the_schema_defaults(cls: type) -> None:
    """An absent key imports as the schema's default, because the dataclass has the same one."""
    definition, fields = LAYOUTS[cls]
    defaults = {f.name: f.default for f in dataclasses.fields(cls)}
    properties = DEFS[definition]["properties"]
    for field in fields:
        if "default" in properties[field.key]:
            default = defaults[field.attr]
            exported = list(default) if isinstance(default, tuple) else default
            assert exported == properties[field.key]["default"], field.key


def test_top_level_keys_follow_the_schema() -> None:
    exported = record_to_dict(WorkshopRecord(workshop=Workshop(title="T")))
    assert list(exported) == list(SCHEMA["properties"])
    assert [key for key, _cls in LISTS] == list(SCHEMA["properties"])[3:]


def test_version_1_is_the_newest_schema_without_what_later_versions_added() -> None:
    older = schema(1)
    newest = json.loads(json.dumps(SCHEMA))
    for version, added in ADDED_IN.items():
        for definition, key in added:
            del newest["$defs"][definition]["properties"][key]
        assert version > 1
    for version, lists in LISTS_ADDED_IN.items():
        for key in lists:
            definition = LAYOUTS[dict(LISTS)[key]][0]
            del newest["properties"][key]
            del newest["$defs"][definition]
        assert version > 1
    for key in ("$id", "title", "description"):
        newest[key] = older[key]
    newest["properties"]["version"] = {"const": 1}
    assert newest == older
    assert tuple(sorted(SCHEMAS)) == VERSIONS and max(VERSIONS) == VERSION


@pytest.mark.parametrize("version", VERSIONS)
def test_minimal_record_exports_defaults_and_omits_absent_values(version: int) -> None:
    record = WorkshopRecord(
        workshop=Workshop(title="Roundtable"),
        participants=(Participant(id="p1", name="A. Example"),),
        agenda=(AgendaItem(id="a1", title="Opening"),),
    )
    # Export writes the newest version unless asked for another.
    exported = record_to_dict(record) if version == VERSION else record_to_dict(record, version)
    assert exported == {
        "format": "workshop-app",
        "version": version,
        "workshop": {"title": "Roundtable", "stakeholder_groups": []},
        "participants": [
            {"id": "p1", "name": "A. Example", "role": "participant", "present": True}
        ],
        **({"days": []} if version >= 3 else {}),  # none listed: one day, the workshop's
        "agenda": [
            {
                "id": "a1",
                "title": "Opening",
                "kind": "session",
                "status": "planned",
                "questions": [],
            }
        ],
        **({"groups": []} if version >= 3 else {}),
        "speeches": [],
        "contributions": [],
        "consensus": [],
        "actions": [],
    }


def test_dumps_is_indented_unicode_json_ending_in_a_newline() -> None:
    record = WorkshopRecord(workshop=Workshop(title="Atelier — 中文 — العربية", purpose="a\x01b"))
    text = dumps(record)
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert "Atelier — 中文 — العربية" in text  # not \u-escaped
    assert "\\u0001" in text  # control characters stay escaped, as JSON requires
    assert text.startswith(f'{{\n  "format": "workshop-app",\n  "version": {VERSION},\n')
    assert json.loads(text) == record_to_dict(record)


def normalised(document: dict[str, Any], version: int = VERSION) -> dict[str, Any]:
    """``document`` as an export writes it: nulls dropped, schema defaults filled in."""

    def fix(obj: dict[str, Any], definition: str) -> dict[str, Any]:
        properties = DEFS[definition]["properties"]
        out = {}
        for key, spec in properties.items():
            value = obj.get(key, spec.get("default"))
            if value is None:
                continue
            if key == "questions":
                value = [fix(q, "question") for q in value]
            out[key] = value
        return out

    result: dict[str, Any] = {"format": "workshop-app", "version": version}
    result["workshop"] = fix(document["workshop"], "workshop")
    result["workshop"].setdefault("stakeholder_groups", [])
    newer = {key for v, keys in LISTS_ADDED_IN.items() if v > version for key in keys}
    for key, cls in LISTS:
        definition = LAYOUTS[cls][0]
        if key not in newer:
            result[key] = [fix(obj, definition) for obj in document.get(key, [])]
    return result


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", ["minimal.json", "rich.json"])
def test_fixture_exports_as_it_was_with_defaults_filled(name: str, version: int) -> None:
    document = fixture_document(name)
    exported = record_to_dict(loads(json.dumps(document)), version)
    assert exported == normalised(document, version)
    assert json.dumps(exported) == json.dumps(normalised(document, version))  # same key order


@pytest.mark.parametrize("version", VERSIONS)
def test_export_is_valid_against_the_schema(version: int) -> None:
    exported = record_to_dict(loads(json.dumps(fixture_document("rich.json"))), version)
    assert list(Draft202012Validator(schema(version)).iter_errors(exported)) == []


def test_lists_keep_recorded_order_not_sorted() -> None:
    document = fixture_document("rich.json")
    document["participants"].reverse()
    document["agenda"][1]["questions"].reverse()
    exported = record_to_dict(loads(json.dumps(document)))
    assert [p["id"] for p in exported["participants"]] == ["p5", "p4", "p3", "p2", "p1"]
    assert [q["id"] for q in exported["agenda"][1]["questions"]] == ["q2", "q1"]
    assert exported["consensus"][0]["supporting_contributions"] == ["c1", "c3"]


def test_interchange_imports_no_qt() -> None:
    code = (
        "import sys, workshop_app.interchange\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'qasync')))\n"
        "print(','.join(qt))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
