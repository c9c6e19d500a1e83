"""The JSON interchange format: a whole workshop as one validated file, in and out."""

from workshop_app.interchange.errors import ExportRefused, InterchangeError
from workshop_app.interchange.exporter import dumps, record_to_dict
from workshop_app.interchange.importer import load_path, loads

__all__ = ["ExportRefused", "InterchangeError", "dumps", "load_path", "loads", "record_to_dict"]
