"""The scorecard as an A4 landscape PDF, drawn by WeasyPrint from the HTML page.

The file appears whole or not at all: the PDF is written to a temporary file
beside the target and renamed over it only once it is complete.
"""

from __future__ import annotations

import logging
from pathlib import Path

import weasyprint

from scorecards.assess.view import ScorecardView
from scorecards.files import written_whole
from scorecards.publish.html import render_html

logger = logging.getLogger(__name__)


def write_pdf(view: ScorecardView, path: Path) -> None:
    """Write the scorecard to ``path`` as a PDF, replacing any file there.

    Pages are A4 landscape with the title, month and page number in the footer;
    table headings repeat on each page and no row is split across pages.

    Args:
        view: the scorecard, fully worked out by the assembly.
        path: where to write; its folder must exist.

    Raises:
        OSError: the folder is missing or cannot be written. Nothing is left
            behind at ``path`` or beside it.
    """
    path = Path(path)
    document = weasyprint.HTML(
        string=render_html(view, for_pdf=True), base_url=str(path.parent.resolve())
    )

    with written_whole(path) as temporary:
        document.write_pdf(temporary)

    logger.debug("wrote %s", path)
