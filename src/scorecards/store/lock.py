"""One writer at a time: a lock file beside the store.

DuckDB lets one process open a database file for writing; a second one fails with
a raw lock error. Every command that writes to a project's store first takes this
lock, waiting a while for another to finish, and otherwise says in our own words
that another command is writing.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scorecards.errors import ScorecardError


class StoreBusyError(ScorecardError, RuntimeError):
    """Another scorecards command is writing to the same store."""


@contextmanager
def store_lock(store: Path, wait: float = 60.0) -> Iterator[None]:
    """Hold the lock of ``store`` for the block, waiting up to ``wait`` seconds."""
    path = store.with_name(store.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = path.read_text(encoding="utf-8").strip() or "unknown"
                    raise StoreBusyError(
                        f"{store}: another scorecards command (process {holder}) is "
                        f"publishing or loading into this store; waited {wait:g} s. "
                        "Try again when it has finished."
                    ) from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
