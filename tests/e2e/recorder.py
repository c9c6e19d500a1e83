"""A rapporteur who records contributions as fast as she can (a child process of the e2e tests).

    python -m tests.e2e.recorder FILE [--seed N] [--fsize-limit BYTES]

Prints ``ready`` once the workshop is open (its lock held), then the id of each contribution
after ``record`` has returned, that is once it is confirmed. Without a limit it runs until it
is killed. With ``--fsize-limit`` it records under that RLIMIT_FSIZE until a write fails, then
prints one JSON line per finding (``failed``, ``read``, ``again``) and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from workshop_app.domain.model import Contribution, ContributionKind, ItemStatus, new_id
from workshop_app.errors import KnownError
from workshop_app.store import Document

WORDS = ("partnership", "mobility", "return", "visa", "skills", "diaspora", "trust", "capacity")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def contributions(document: Document, seed: int) -> Iterator[Contribution]:
    """An endless stream of contributions on the running item, of varied length (so that a
    commit spans one page or several), with speakers and questions."""
    rng = random.Random(seed)
    item = next(i for i in document.agenda.items() if i.status == ItemStatus.RUNNING)
    people = [p.id for p in document.participants.list()]
    questions = [None, *(q.id for q in item.questions)]
    for n in itertools.count():
        words = " ".join(rng.choice(WORDS) for _ in range(rng.choice((3, 40, 900))))
        yield Contribution(
            id=new_id(),
            agenda_item_id=item.id,
            text=f"Contribution {n}: {words}",
            participant_id=rng.choice([None, *people]),
            question_id=rng.choice(questions),
            kind=rng.choice(list(ContributionKind)),
        )


def record_until_killed(document: Document, seed: int) -> None:
    for contribution in contributions(document, seed):
        say(document.contributions.record(contribution).id)


def record_until_full(document: Document, seed: int, limit: int) -> None:
    """Record under a file-size limit until a write fails; then report what the user sees,
    whether the open document can still be read, and whether a write succeeds once there is
    room again ("free some space, then try again")."""
    # SIGXFSZ would kill the process at the limit; ignored, the write fails with EFBIG.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    stream = contributions(document, seed)
    while True:
        contribution = next(stream)
        try:
            document.contributions.record(contribution)
        except Exception as error:
            say(json.dumps(_describe("failed", error) | {"id": contribution.id}))
            break
        say(contribution.id)
    try:
        say(json.dumps({"step": "read", "ids": [c.id for c in document.contributions.list()]}))
    except Exception as error:
        say(json.dumps(_describe("read", error)))
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))  # the disk has room again
    try:
        again = document.contributions.record(next(stream))
        say(json.dumps({"step": "again", "id": again.id}))
    except Exception as error:
        say(json.dumps(_describe("again", error)))


def _describe(step: str, error: Exception) -> dict[str, object]:
    return {
        "step": step,
        "type": type(error).__name__,
        "known": isinstance(error, KnownError),
        "message": str(error),
        "hint": getattr(error, "hint", ""),
        "cause": repr(error.__cause__),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--fsize-limit", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    document = Document.open(args.file)
    say("ready")
    if args.fsize_limit is None:
        record_until_killed(document, args.seed)
    else:
        record_until_full(document, args.seed, args.fsize_limit)
        document.close()


if __name__ == "__main__":
    main()
