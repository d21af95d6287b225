"""The scorecard as an A4 landscape PDF, drawn by WeasyPrint from the HTML page.

WeasyPrint lays a document out on one core, and laying out is nearly all the
time a scorecard takes to build. So the pages are cut, where a section starts a
new page anyway, into as many parts as there are idle cores (up to
:data:`MOST_PARTS`): this process lays out the first part while a worker process
(:mod:`scorecards.publish.pdf_part`) lays out each of the others. The parts are
then joined by pypdf, and the running footers, which number the pages of the
whole ("Page 3 of 28"), are drawn from a document of blank pages laid over
them. A part's pages are exactly the pages it makes in the whole document, as
each part starts on a page of its own.

The file appears whole or not at all: the PDF is written to a temporary file
beside the target and renamed over it only once it is complete.
"""

from __future__ import annotations

import io
import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdf
import weasyprint
from pypdf.generic import Fit

from scorecards.assess.view import ScorecardView
from scorecards.errors import ScorecardError
from scorecards.files import written_whole
from scorecards.publish.html import (
    NEW_PAGE,
    PAGES_BEGIN,
    PAGES_END,
    render_footers,
    render_html,
)

logger = logging.getLogger(__name__)

MOST_PARTS = 4
"""Beyond a few parts, starting workers costs more than it saves."""


def write_pdf(view: ScorecardView, path: Path, *, parts: int | None = None) -> None:
    """Write the scorecard to ``path`` as a PDF, replacing any file there.

    Pages are A4 landscape with the title, month and page number in the footer;
    table headings repeat on each page and no row is split across pages.

    Args:
        view: the scorecard, fully worked out by the assembly.
        path: where to write; its folder must exist.
        parts: how many parts to lay out at once (default: one per core that
            is not already busy, up to :data:`MOST_PARTS`); 1 lays the whole out
            in this process.

    Raises:
        OSError: the folder is missing or cannot be written. Nothing is left
            behind at ``path`` or beside it.
        ScorecardError: a worker process failed; its message is included.
    """
    path = Path(path)
    base_url = str(path.parent.resolve())
    wanted = parts if parts is not None else _free_cores()
    # Workers start first: they load WeasyPrint while the page is being made.
    workers = [_Worker(base_url, path.parent) for _ in range(max(wanted, 1) - 1)]
    try:
        documents = split(render_html(view, for_pdf=True), len(workers) + 1)
        for worker, document in zip(workers, documents[1:], strict=False):
            worker.send(document)
        for worker in workers[len(documents) - 1 :]:
            worker.cancel()  # fewer pages than parts: nothing to do
        first = _render(documents[0], base_url)
        rest = [worker.result() for worker in workers[: len(documents) - 1]]
    finally:
        for worker in workers:
            worker.cancel()

    with written_whole(path) as temporary:
        joined(view, [first, *rest], Path(temporary))

    logger.debug("wrote %s from %d part(s)", path, len(documents))


def split(html: str, count: int) -> list[str]:
    """The PDF's HTML cut into at most ``count`` documents of whole pages.

    Each document has the head (with the styles) and the opening of the body
    (with the DRAFT watermark) of ``html``, and a run of its sections, cut where
    a new page starts, into runs of about equal :func:`weight`, as near as the
    page boundaries allow. (The workers start before the page is made, so they
    are ready when it is cut; no head start for this process was found to help.)

    >>> html = "<body>" + PAGES_BEGIN + "A" + NEW_PAGE + "B" + PAGES_END + "</body>"
    >>> [d.count("A") + 2 * d.count("B") for d in split(html, 2)]
    [1, 2]
    """
    head, found, rest = html.partition(PAGES_BEGIN)
    pages, ended, tail = rest.partition(PAGES_END)
    if not (found and ended):
        raise ValueError("the HTML has no page marks; render it with for_pdf=True")
    chunks = pages.split(NEW_PAGE)
    groups = _balanced([weight(c) for c in chunks], count)
    return [head + "".join(chunks[a:b]) + tail for a, b in groups]


def weight(html: str) -> float:
    """About how long WeasyPrint takes to lay ``html`` out and draw it, in units
    of roughly a quarter of a millisecond: a unit per tag, twenty per image (an
    SVG chart is a drawing of its own) and one per twenty characters of text."""
    bare = re.sub(r'src="data:[^"]*"', "", html)
    tags = bare.count("<")
    images = bare.count("<img")
    text = len(re.sub(r"<[^>]*>", "", bare))
    return tags + 20 * images + text / 20


def _balanced(weights: Sequence[float], count: int) -> list[tuple[int, int]]:
    """Runs ``(start, stop)`` of ``weights`` covering them in order, at most
    ``count`` of them, none empty, each as near an equal share as may be."""
    count = max(1, min(count, len(weights)))
    share = sum(weights) / count
    runs: list[tuple[int, int]] = []
    start, total = 0, 0.0
    for index, value in enumerate(weights):
        remaining_runs = count - len(runs) - 1
        remaining_items = len(weights) - index
        # Close the run here if it has its share, or if each run still to come
        # needs one of the items left.
        if index > start and (
            total + value / 2 > share or remaining_items == remaining_runs
        ):
            if remaining_runs > 0:
                runs.append((start, index))
                start, total = index, 0.0
        total += value
    runs.append((start, len(weights)))
    return runs


def joined(view: ScorecardView, parts: Sequence[bytes], target: Path) -> None:
    """The PDFs ``parts`` as one, with the running footers laid over its pages.

    The first part brings the document's catalogue (its language, metadata and
    outline). The bookmarks of the other parts, whose headings all come after
    the cover's title, go under the title's bookmark, as they do when the whole
    is laid out at once.
    """
    readers = [pypdf.PdfReader(io.BytesIO(part)) for part in parts]
    writer = pypdf.PdfWriter(clone_from=readers[0])
    # The outline is made again, from every part's, so that bookmarks can be
    # placed under the title's (pypdf cannot add under a cloned one).
    writer.root_object.pop("/Outlines", None)
    title = _copy_outline(readers[0], readers[0].outline, writer, None, 0)
    for reader in readers[1:]:
        offset = len(writer.pages)
        writer.append(reader, import_outline=False)
        _copy_outline(reader, reader.outline, writer, title, offset)

    footers = _render(render_footers(view, len(writer.pages)), "")
    footer_pages = pypdf.PdfReader(io.BytesIO(footers)).pages
    for page, footer in zip(writer.pages, footer_pages, strict=True):
        if footer.get_contents() is not None:
            page.merge_page(footer)
            page.compress_content_streams()  # merging leaves them uncompressed
    with open(target, "wb") as out:
        writer.write(out)


def _copy_outline(
    reader: pypdf.PdfReader,
    items: list[Any],
    writer: pypdf.PdfWriter,
    parent: Any,
    offset: int,
) -> Any:
    """Add the bookmarks ``items`` of ``reader`` (a list in which a list holds the
    children of the bookmark before it) under ``parent``, pages moved on by
    ``offset``. Returns the last bookmark added at the top, or ``parent``."""
    previous = parent
    for item in items:
        if isinstance(item, list):
            _copy_outline(reader, item, writer, previous, offset)
            continue
        page = reader.get_destination_page_number(item)
        if page is None:
            continue  # a bookmark to no page of its part: nothing to point to
        previous = writer.add_outline_item(
            title=item.title,
            page_number=offset + page,
            parent=parent,
            fit=Fit.xyz(item.left, item.top, item.zoom),
        )
    return previous


def _render(html: str, base_url: str) -> bytes:
    document = weasyprint.HTML(string=html, base_url=base_url or None)
    return document.write_pdf()  # type: ignore[no-any-return]


def _free_cores() -> int:
    """Cores this process may use that other running processes leave idle, at
    least one and at most :data:`MOST_PARTS`: on a busy machine a worker would
    only take turns with this process, and the parts would cost more than the
    whole. Busy is what is running at this moment (the fourth field of
    /proc/loadavg, less this process), not a load average, which would count
    the builds of the last minute as busy still."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        running = Path("/proc/loadavg").read_text().split()[3].split("/")[0]
        busy = max(int(running) - 1, 0)
    except (OSError, IndexError, ValueError):  # no such file here
        busy = 0
    return max(1, min(cores - busy, MOST_PARTS))


class _Worker:
    """A process that lays out one part: it reads the part's HTML on its standard
    input and writes the PDF into a hidden folder beside the target, which a
    build that is killed leaves in its staging folder, to be cleared by the next.
    """

    module = "scorecards.publish.pdf_part"  # what the process runs

    def __init__(self, base_url: str, beside: Path) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix=".pdf-part-", dir=beside)
        self._output = Path(self._folder.name) / "part.pdf"
        self._errors = open(Path(self._folder.name) / "errors.txt", "w+b")
        self._process: subprocess.Popen[bytes] | None = subprocess.Popen(
            # -P: the current folder is not searched for modules, so that a
            # typing.py there cannot stand in for the standard library's.
            [
                *(sys.executable, "-P", "-m", self.module),
                *(base_url, str(self._output), str(os.getpid())),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=self._errors,
        )

    def send(self, html: str) -> None:
        assert self._process is not None and self._process.stdin is not None
        try:
            self._process.stdin.write(html.encode("utf-8"))
            self._process.stdin.close()
        except BrokenPipeError:
            pass  # the worker has died: result() reports why

    def result(self) -> bytes:
        """The part's PDF, once the worker is done; what WeasyPrint warned of
        there is logged here, as it would be had the part been laid out here."""
        assert self._process is not None
        code = self._process.wait()
        self._process = None
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        if code != 0:
            if code < 0:
                last = f"the worker was stopped by {signal.Signals(-code).name}"
            else:
                last = said[-1] if said else f"exit status {code}"
            raise ScorecardError(f"laying out part of the PDF failed: {last}")
        for line in said:
            logging.getLogger("weasyprint").warning("%s", line)
        return self._output.read_bytes()

    def cancel(self) -> None:
        """Stop the process if it is still running, and remove its files."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process = None
        self._errors.close()
        self._folder.cleanup()
