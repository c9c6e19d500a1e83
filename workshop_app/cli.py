"""The command line: headless commands, or the desktop app when given no command."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workshop_app import __version__
from workshop_app.errors import KnownError
from workshop_app.fileio import write_atomically
from workshop_app.formats import (
    AGENDA_FORMATS,
    EXPORT_FORMATS,
    JSON,
    TEMPLATE_FORMATS,
    TEXT_FORMATS,
    Format,
)
from workshop_app.words import plural

PROG = "workshop-app"
AVAILABLE_FORMATS = EXPORT_FORMATS  # every format of the spec is built
ATTRIBUTIONS = ("named", "organisation", "group", "anonymous")  # domain Attribution, light at start
STDOUT_FORMATS = (JSON, *TEXT_FORMATS)
JSON_VERSIONS = (1, 2, 3, 4)  # interchange.layout.VERSIONS, without importing the package at start
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong usage of a command: exit 2."""


def _cmd_demo(args: argparse.Namespace) -> int:
    from workshop_app.demo import write_demo

    write_demo(Path(args.out), overwrite=args.force)
    print(f"Wrote the demo workshop to {args.out}")
    return EXIT_OK


def _cmd_import_json(args: argparse.Namespace) -> int:
    from workshop_app.interchange import load_path
    from workshop_app.store import Document
    from workshop_app.store.errors import DocumentExists

    out = Path(args.out)
    if _same_file(Path(args.input), out):
        # Two spellings of one file (a link, "./", another case on some disks) are one file.
        raise KnownError(
            f"{args.out} is {args.input} itself: the workshop would replace the interchange "
            "file it is made from.",
            hint="Choose another name for the workshop; the interchange file is as it was.",
        )
    if out.exists() and not args.force:
        raise DocumentExists(out)
    record = load_path(Path(args.input))
    Document.create_from_record(out, record, overwrite=args.force).close()
    print(f"Imported {args.input} into {out}")
    return EXIT_OK


def _same_file(first: Path, second: Path) -> bool:
    """True when both names lead to one file (through links, "..", or a disk that ignores case)."""
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def _cmd_export(args: argparse.Namespace) -> int:
    from workshop_app.minutes.export import IdentitiesFound, default_output
    from workshop_app.store.errors import DocumentExists

    fmt = args.format
    if args.output == "-" and fmt not in STDOUT_FORMATS:
        raise UsageError(f"{fmt} cannot be written to standard output; give -o FILE")
    _check_export_options(args, AGENDA_FORMATS, TEMPLATE_FORMATS)
    source = Path(args.file)
    target = (
        Path(args.output)
        if args.output
        else default_output(
            source, fmt, agenda=args.agenda, attribution=args.attribution or "named"
        )
    )
    if args.output != "-":
        if target.is_dir():
            raise KnownError(
                f"{target} is a folder; give the name of a file to export to.",
                hint=f"For example: -o {target / default_output(source, fmt).name}",
            )
        if target.resolve() == source.resolve():
            raise KnownError(f"{target} is the workshop itself; choose another output file.")
        if target.exists() and not args.force:
            raise DocumentExists(target)
    if fmt == JSON:
        data = _export_json(source, args.json_version).encode("utf-8")
    else:
        try:
            data = _export_minutes(args, source)
        except IdentitiesFound as error:
            # Anonymous output that would name someone: list the places, write nothing.
            raise KnownError(f"{error.message}; use --force to write anyway") from error
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomically(target, data)
        print(f"Exported {source} to {target}", file=sys.stderr)
    return EXIT_OK


def _check_export_options(
    args: argparse.Namespace, agenda_formats: Sequence[str], template_formats: Sequence[str]
) -> None:
    """Options that do not apply to the chosen format are usage errors, not silently ignored."""
    fmt = args.format
    if fmt == JSON and args.attribution not in (None, "named"):
        raise UsageError(
            "--attribution applies to minutes and csv; the json interchange file holds the "
            "whole record"
        )
    minutes_only = (args.agenda, args.template, args.reference_docx, args.record, args.status)
    if fmt == JSON and any((*minutes_only, args.issued, args.numbered, args.actual_times)):
        raise UsageError(
            "minutes options (--agenda, --template, --full, --status, --numbered, ...) "
            "do not apply to json"
        )
    if fmt != JSON and args.json_version is not None:
        raise UsageError("--json-version applies to --format json only")
    if args.agenda and fmt not in agenda_formats:
        raise UsageError(f"the agenda handout is made as {', '.join(agenda_formats)}, not {fmt}")
    if args.template and fmt not in template_formats:
        raise UsageError(f"--template applies to {' and '.join(template_formats)}, not {fmt}")
    if args.reference_docx and fmt != Format.DOCX:
        raise UsageError("--reference-docx applies to docx only")
    if args.reference_docx and not Path(args.reference_docx).is_file():
        raise KnownError(f"There is no reference document at {args.reference_docx}.")


def _export_json(source: Path, version: int | None) -> str:
    from workshop_app.interchange import dumps
    from workshop_app.interchange.layout import VERSION
    from workshop_app.store import Document

    with Document.open(source, readonly=True) as doc:
        record = doc.record()
    return dumps(record, version or VERSION)


def _export_minutes(args: argparse.Namespace, source: Path) -> bytes:
    from workshop_app.domain.attribution import Attribution
    from workshop_app.minutes.export import produce, read_record
    from workshop_app.minutes.identities import IdentityMatch
    from workshop_app.minutes.options import MinutesOptions, Owners, Paper, RecordMode, Status

    options = MinutesOptions(
        attribution=Attribution(args.attribution or "named"),
        record=RecordMode(args.record or "full"),
        annex=not args.no_annex,
        paper=Paper(args.paper),
        status=Status(args.status or "final"),
        issued=args.issued,
        numbered=args.numbered,
        actual_times=args.actual_times,
        owners=Owners(args.owners),
    )
    forced: list[IdentityMatch] = []
    data = produce(
        read_record(source),
        options,
        args.format,
        agenda=args.agenda,
        template=Path(args.template) if args.template else None,
        reference_docx=Path(args.reference_docx) if args.reference_docx else None,
        allow_identities=args.force,
        forced=forced if args.force else None,
    )
    if forced:  # written as told, but not silently: the places, each with why
        places = plural(len(forced), "place", "places")
        print(f"{PROG}: written with --force; it names participants in {places}:", file=sys.stderr)
        for finding in forced:
            print(f"  {finding.describe()}", file=sys.stderr)
    return data


def _iso_date(text: str) -> str:
    """An --issued date as YYYY-MM-DD, or a usage error in words."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date written YYYY-MM-DD (for example 2017-10-06)"
        ) from None


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop_app.store.check import check_document

    findings = check_document(Path(args.file))
    for finding in findings:
        print(finding.text)
    if findings:
        print(f"{plural(len(findings), 'problem', 'problems')} found in {args.file}.")
        return EXIT_ERROR
    print(f"{args.file}: no problems found.")
    return EXIT_OK


def _cmd_import_participants(args: argparse.Namespace) -> int:
    from workshop_app.roster_import import import_file
    from workshop_app.store import Document
    from workshop_app.store.errors import DiskFull, ReadOnlyDocument, WriteFailed

    try:
        with Document.open(Path(args.file)) as doc:
            report = import_file(doc, Path(args.people))
    except (DiskFull, ReadOnlyDocument, WriteFailed) as error:
        # The import is one transaction: what the disk refused was rolled back whole.
        raise KnownError(
            error.message,
            hint=f"No one was added: {args.file} is as it was. Free some space, or copy "
            "the workshop to a disk you can write to, and import there.",
        ) from error
    print(report.summary)
    for skipped in report.skipped:
        print(f"  row {skipped.row}: {skipped.name}: {skipped.reason}")
    if report.new_groups:
        print(f"New stakeholder groups added: {', '.join(report.new_groups)}")
    if report.ignored_columns:
        print(f"Columns not imported: {', '.join(report.ignored_columns)}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Run workshop discussions and turn them into minutes. "
        "Without a command (or with a .workshop file) it opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="write the demo workshop (the seed event)")
    demo.add_argument("out", metavar="OUT.workshop")
    demo.add_argument("--force", action="store_true", help="replace OUT if it exists")
    demo.set_defaults(run=_cmd_demo)

    imp = sub.add_parser("import-json", help="create a workshop file from an interchange file")
    imp.add_argument("input", metavar="IN.json")
    imp.add_argument("out", metavar="OUT.workshop")
    imp.add_argument("--force", action="store_true", help="replace OUT if it exists")
    imp.set_defaults(run=_cmd_import_json)

    exp = sub.add_parser("export", help="export a workshop (interchange JSON or minutes)")
    exp.add_argument("file", metavar="FILE.workshop")
    exp.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS)
    exp.add_argument(
        "--attribution",
        "-a",
        choices=ATTRIBUTIONS,
        help="whom contributions are attributed to in minutes and csv (default: named)",
    )
    exp.add_argument("-o", "--output", metavar="OUT", help="output file, or - for stdout")
    exp.add_argument(
        "--json-version",
        type=int,
        choices=JSON_VERSIONS,
        help="interchange format version of a json export (default: the newest, "
        f"{JSON_VERSIONS[-1]}); an older one is refused when the workshop holds what it "
        "cannot (several days, breakout groups; a job title in version 1)",
    )
    exp.add_argument(
        "--force",
        action="store_true",
        help="replace OUT if it exists; write an anonymous export even if it names participants",
    )
    record = exp.add_mutually_exclusive_group()
    record.add_argument(
        "--full",
        dest="record",
        action="store_const",
        const="full",
        help="print every contribution (the default)",
    )
    record.add_argument(
        "--highlights",
        dest="record",
        action="store_const",
        const="highlights",
        help="print only contributions marked as highlights (examples are always listed)",
    )
    exp.add_argument(
        "--no-annex",
        action="store_true",
        help="leave out the annex (attendance list, participation balance, speakers' log)",
    )
    exp.add_argument(
        "--status",
        choices=("draft", "final"),
        help="final (the default) or draft; minutes are a draft anyway while items of the "
        "agenda are still to be held, and a draft is marked DRAFT on every page",
    )
    exp.add_argument(
        "--issued",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="the date of issue printed on the minutes (default: today)",
    )
    exp.add_argument(
        "--numbered",
        action="store_true",
        help="number the paragraphs of the minutes' body 1., 2., ... (UN style)",
    )
    exp.add_argument(
        "--actual-times",
        "--speaking-times",
        dest="actual_times",
        action="store_true",
        help="add the agenda's Actual column: when each item really began and ended",
    )
    exp.add_argument(
        "--owners",
        choices=("role", "secretariat"),
        default="role",
        help="anonymous minutes: a next step's owner who may not be named is given by role "
        "('the chair', 'a rapporteur') or as 'the secretariat' (default: role); organisations "
        "on the workshop's public list are always named",
    )
    exp.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    exp.add_argument("--template", metavar="FILE", help="your own Jinja2 template (md, html)")
    exp.add_argument(
        "--reference-docx", metavar="FILE", help="take the Word styles from this .docx"
    )
    exp.add_argument(
        "--agenda",
        action="store_true",
        help="export the agenda handout alone (md, html, docx, pdf)",
    )
    exp.set_defaults(run=_cmd_export)

    ppl = sub.add_parser(
        "import-participants", help="add participants from a registration list (CSV or XLSX)"
    )
    ppl.add_argument("file", metavar="FILE.workshop")
    ppl.add_argument("people", metavar="PEOPLE.csv|PEOPLE.xlsx")
    ppl.set_defaults(run=_cmd_import_participants)

    chk = sub.add_parser("check", help="check a workshop file's integrity and consistency")
    chk.add_argument("file", metavar="FILE.workshop")
    chk.set_defaults(run=_cmd_check)
    return parser


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``workshop-app``; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (
        args_list[0] not in _commands(parser) and not args_list[0].startswith("-")
    ):
        if len(args_list) > 1:
            parser.error("give at most one .workshop file to open")
        return _run_gui(Path(args_list[0]) if args_list else None)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KnownError as error:
        hint = f" {error.hint}" if error.hint else ""
        print(f"{PROG}: {error.message}{hint}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:  # a bug: log it, say where, no traceback on screen
        from workshop_app.bug_log import log_bug

        where = log_bug(error)
        print(
            f"{PROG}: unexpected error ({type(error).__name__}); details in {where}",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _run_gui(path: Path | None) -> int:
    from workshop_app.app import run_gui

    return run_gui(path)
