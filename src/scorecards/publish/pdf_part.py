"""Lay out one part of a scorecard's PDF: the worker of :mod:`scorecards.publish.pdf`.

Run as ``python -m scorecards.publish.pdf_part BASE_URL OUTPUT``: it reads the
part's HTML on standard input and writes its PDF to ``OUTPUT``. It imports no
more than WeasyPrint, so that it is ready by the time its part is.
"""

from __future__ import annotations

import sys


def main(arguments: list[str]) -> int:
    base_url, output = arguments
    html = sys.stdin.buffer.read().decode("utf-8")
    if not html:
        return 0  # the part was not needed

    import weasyprint

    weasyprint.HTML(string=html, base_url=base_url).write_pdf(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
