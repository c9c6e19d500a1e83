"""Import of registration lists (CSV, XLSX) into the roster, in three steps a preview fits between.

``read_table`` reads the file, ``guess_mapping`` maps its columns to participant fields (the user
may change it), ``build_participants`` plans the import; ``import_file`` does all three and adds.
"""

from workshop_app.roster_import.building import (
    ImportPlan,
    PlannedRow,
    Skipped,
    build_participants,
)
from workshop_app.roster_import.errors import RosterImportError
from workshop_app.roster_import.importing import ImportReport, RosterDocument, import_file
from workshop_app.roster_import.mapping import TARGET_LABELS, Mapping, Target, guess_mapping
from workshop_app.roster_import.reading import RawTable, read_table

__all__ = [
    "TARGET_LABELS",
    "ImportPlan",
    "ImportReport",
    "Mapping",
    "PlannedRow",
    "RawTable",
    "RosterDocument",
    "RosterImportError",
    "Skipped",
    "Target",
    "build_participants",
    "guess_mapping",
    "import_file",
    "read_table",
]
