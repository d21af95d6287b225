"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(path: Path, suffix: str = "") -> Iterator[str]:
    """A temporary file name beside ``path`` to write to; it replaces ``path`` when
    the block ends, and is removed if the block fails, so nothing half-written is
    ever seen at ``path``. ``suffix`` keeps writers that check it content."""
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=suffix or ".part"
    )
    os.close(handle)
    try:
        yield temporary
        os.chmod(temporary, new_file_mode())  # mkstemp's file is private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def new_file_mode() -> int:
    """The mode of a new file under the process's umask (0o644 under 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
