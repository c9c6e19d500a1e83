"""The command line: headless commands, or the desktop app when given no command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workshop_app import __version__
from workshop_app.errors import KnownError

PROG = "workshop-app"
FORMATS = ("json", "md", "html", "docx", "pdf", "csv")
AVAILABLE_FORMATS = ("json",)
ATTRIBUTIONS = ("named", "organisation", "group", "anonymous")
STDOUT_FORMATS = ("md", "html", "csv", "json")
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
    if out.exists() and not args.force:
        raise DocumentExists(out)
    record = load_path(Path(args.input))
    Document.create_from_record(out, record, overwrite=args.force).close()
    print(f"Imported {args.input} into {out}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from workshop_app.interchange import dumps
    from workshop_app.store import Document
    from workshop_app.store.errors import DocumentExists

    if args.format not in AVAILABLE_FORMATS:
        raise UsageError(
            f"export to {args.format} is not available in this version yet "
            f"(available: {', '.join(AVAILABLE_FORMATS)})"
        )
    if args.output == "-" and args.format not in STDOUT_FORMATS:
        raise UsageError(f"{args.format} cannot be written to standard output; give -o FILE")
    source = Path(args.file)
    target = Path(args.output) if args.output else source.with_suffix(f".{args.format}")
    if args.output != "-" and target.exists() and not args.force:
        raise DocumentExists(target)
    with Document.open(source, readonly=True) as doc:
        text = dumps(doc.record())
    if args.output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write_atomically(target, text)
        print(f"Exported {source} to {target}", file=sys.stderr)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop_app.store.check import check_document

    findings = check_document(Path(args.file))
    for finding in findings:
        print(finding.text)
    if findings:
        print(f"{len(findings)} problem(s) found in {args.file}.")
        return EXIT_ERROR
    print(f"{args.file}: no problems found.")
    return EXIT_OK


def _cmd_import_participants(args: argparse.Namespace) -> int:
    from workshop_app.roster_import import import_file
    from workshop_app.store import Document

    with Document.open(Path(args.file)) as doc:
        report = import_file(doc, Path(args.people))
    print(report.summary)
    for skipped in report.skipped:
        print(f"  row {skipped.row}: {skipped.name}: {skipped.reason}")
    if report.new_groups:
        print(f"New stakeholder groups added: {', '.join(report.new_groups)}")
    if report.ignored_columns:
        print(f"Columns not imported: {', '.join(report.ignored_columns)}")
    return EXIT_OK


def _write_atomically(target: Path, text: str) -> None:
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    exp.add_argument("--format", "-f", required=True, choices=FORMATS)
    exp.add_argument("--attribution", "-a", default="named", choices=ATTRIBUTIONS)
    exp.add_argument("-o", "--output", metavar="OUT", help="output file, or - for stdout")
    exp.add_argument("--force", action="store_true", help="replace OUT if it exists")
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
