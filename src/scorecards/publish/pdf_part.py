"""Lay out one part of a scorecard's PDF: the worker of :mod:`scorecards.publish.pdf`.

Run as ``python -P -m scorecards.publish.pdf_part BASE_URL OUTPUT PARENT``: it
reads the part's HTML on standard input and writes its PDF to ``OUTPUT``. It imports no
more than WeasyPrint, so that it is ready by the time its part is. WeasyPrint's
warnings go to standard error, a line each, for the writer to pass on. On Linux
the worker is killed when the process that started it dies, however it dies.
"""

from __future__ import annotations

import logging
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # prctl(2): the signal to get when the parent dies


def main(arguments: list[str]) -> int:
    base_url, output, parent = arguments
    _die_with_parent(int(parent))
    html = sys.stdin.buffer.read().decode("utf-8")
    if not html:
        return 0  # the part was not needed

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    import weasyprint

    weasyprint.HTML(string=html, base_url=base_url).write_pdf(output)
    return 0


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before that took hold
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
