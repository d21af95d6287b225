"""The HTML and PDF renderers lay out a worked-out view and compute nothing."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any, BinaryIO

import pypdf
import pytest
import weasyprint
from pypdf import PdfReader

from scorecards.assess.rules import Direction, Rag
from scorecards.assess.view import (
    ActivityBlockView,
    ActivityLineView,
    ActivityView,
    BenchmarkCell,
    CatalogueRow,
    CatalogueView,
    Cell,
    CommentaryView,
    GuidanceView,
    KeyEntry,
    KpiRowView,
    KpiTableView,
    Paragraph,
    PreviousYear,
    ScorecardView,
    SpcPointView,
    SpcSegmentView,
    SpcView,
)
from scorecards.errors import ScorecardError
from scorecards.publish import pdf as pdf_writer
from scorecards.publish.html import render_html
from scorecards.publish.pdf import split, write_pdf
from scorecards.store.figures import Missing

TITLE = "Directorate Scorecard <script>alert(1)</script> & Co"
PERIODS = ["Nov-19", "Dec-19", "Jan-20", "Feb-20", "Mar-20", "Apr-20", "May-20"]
SECTION_TITLES = [
    "Guidance Notes",
    "Directorate Scorecard - Kent Activity/Volume",
    "Integrated Children's Services Monthly Indicators",
    "Commentary on Integrated Children's Services Indicators",
    "Data Sources for Current Report",
    "Indicator Definitions",
]


def _cells(*texts: str, provisional: bool = False) -> list[Cell]:
    return [Cell(float(text), text, provisional=provisional) for text in texts]


def _benchmark(label: str, text: str) -> BenchmarkCell:
    if text == "N/A":
        return BenchmarkCell(label, "", "2018-19", None, text)
    return BenchmarkCell(label, "SN", "2018-19", float(text), text)


def _benchmarks(group: str, england: str) -> list[BenchmarkCell]:
    return [
        _benchmark("Benchmark Group 2018-19", group),
        _benchmark("England 2018-19", england),
    ]


def _row(
    code: str | None, title: str, trend: list[Cell], **changes: object
) -> KpiRowView:
    row = KpiRowView(
        section="ics-monthly",
        indicator=code or "EH-AUDIT",
        code=code,
        title=title,
        polarity="L",
        data_period="R12M",
        unit="percent",
        precision=1,
        qpr=False,
        business_plan=False,
        trend=trend,
        latest=trend[-1],
        direction=Direction.WORSENED,
        compared_with="Apr-20",
        target_year="2020-21",
        target=25.0,
        target_text="25.0",
        band_text="",
        rag=Rag.AMBER,
        previous=PreviousYear("2019-20", Cell(28.3, "28.3"), 25.0, "25.0", Rag.AMBER),
        next_target=None,
        next_target_text="",
        benchmarks=_benchmarks("22.3", "22.6"),
    )
    return dataclasses.replace(row, **changes)  # type: ignore[arg-type]


def _kpi_table() -> KpiTableView:
    scs03 = _row(
        "SCS03",
        "Percentage re-referrals to Children's Social Work Services within 12 months",
        _cells("27.5", "27.5", "27.7", "27.8", "28.3", "28.3", "28.8"),
    )
    scs13 = _row(
        "SCS13",
        "Percentage of children subject to a child protection plan for a second time",
        _cells("21.8", "22.3", "22.1", "22.5", "22.5", "23.2", "23.2"),
        polarity="T",
        qpr=True,
        direction=Direction.SAME,
        target=20.0,
        target_text="20.0",
        band_text="17.5 - 22.5",
        benchmarks=_benchmarks("21.1", "20.8"),
    )
    missing = Cell(None, "N/A", "Mar-20", missing=Missing.NOT_AVAILABLE)
    audit_trend = _cells("85.9", "84.2", "84.4", "84.4")
    audit_trend += [missing, *_cells("75.3", "75.3", provisional=True)]
    audit = _row(
        None,
        "Percentage of EH Unit Case Audits rated good or outstanding",
        audit_trend,
        polarity="H",
        direction=None,
        rag=Rag.RED,
        target_text="80.0",
        business_plan=True,
        benchmarks=_benchmarks("N/A", "N/A"),
    )
    old = Cell(72.0, "72.0", "2018-19", italic=True)
    caseload = _row(
        "SCS42",
        "Average caseloads in the CIC Teams",
        [*_cells("14.2", "14.0", "13.9", "13.7", "14.1", "14.1"), old],
        direction=Direction.IMPROVED,
        rag=Rag.GREEN,
        target_text="15.0",
        previous=None,
    )
    return KpiTableView(
        id="ics-monthly",
        title="Integrated Children's Services Monthly Indicators",
        page="Directorate Scorecard - Kent KPIs",
        frequency="month",
        period_labels=PERIODS,
        latest_period="2020-05",
        latest_heading="Latest Month",
        target_year="2020-21",
        previous_year="2019-20",
        next_year=None,
        benchmark_headings=[
            ("Benchmark Group 2018-19", "SN or SE"),
            ("England 2018-19", ""),
        ],
        rows=[scs03, scs13, audit, caseload],
    )


def _guidance() -> GuidanceView:
    return GuidanceView(
        id="guidance",
        title="Guidance Notes",
        page="",
        notes=["Data for some indicators may be affected by COVID-19."],
        keys=[
            ("POLARITY", [KeyEntry("H", "Aim high"), KeyEntry("L", "Aim low")]),
            (
                "INCOMPLETE DATA",
                [KeyEntry("N/A", "Not available"), KeyEntry("", "To come")],
            ),
        ],
        contacts=[{"name": "Analyst A", "phone": "00000 000000"}],
        emails=["mi-team@example.org"],
    )


def _activity() -> ActivityView:
    schools = ActivityBlockView(
        "headline",
        "Schools",
        "Jan 2020",
        lines=[ActivityLineView("", "129,440 pupils in 455 primary schools")],
    )
    cases = ActivityBlockView(
        "list",
        "Open cases",
        "May 2020",
        lines=[
            ActivityLineView("Intensive Early Help", "1,784", "(Families)"),
            ActivityLineView("Child Protection", "1,221", indent=True),
        ],
    )
    referrals = ActivityBlockView(
        "trend",
        "Rate of referrals per 10,000",
        "May 2020",
        points=[("Apr 2020", Cell(675.6, "675.6")), ("May 2020", Cell(669.8, "669.8"))],
    )
    note = ActivityBlockView("note", "Open Access Indicators", "", text="To be added")
    return ActivityView(
        id="activity",
        title="Directorate Scorecard - Kent Activity/Volume",
        page="",
        blocks=[schools, cases, referrals, note],
    )


def _commentary() -> CommentaryView:
    def para(code: str, rag: Rag, text: str, drafted: bool = False) -> Paragraph:
        return Paragraph(code, code, code, rag, text, drafted)

    return CommentaryView(
        id="ics-commentary",
        title="Commentary on Integrated Children's Services Indicators",
        page="Directorate Scorecard - Kent KPIs",
        intro=["Targets have been reviewed."],
        groups=[
            ("RED", [para("EH52-F", Rag.RED, "Assessments remain below target.")]),
            ("AMBER", [para("SCS03", Rag.AMBER, "Re-referrals rose to 28.8%.", True)]),
            ("GREEN", [para("SCS42", Rag.GREEN, "Caseloads are below target.")]),
        ],
    )


def _catalogue(kind: str, title: str) -> CatalogueView:
    rows = [
        CatalogueRow("SCS03", "Re-referrals", "Re-referral within 12 months", "Liberi",
                     "Rolling 12 months up to May 2020", "June 2020"),
        CatalogueRow(None, "EH Unit audits", "Audits graded good", "Early Help module",
                     "Snapshot as at May 2020", "June 2020"),
    ]  # fmt: skip
    return CatalogueView(kind, kind, title, "", [("Key Performance Indicators", rows)])


def _view(draft: bool = False) -> ScorecardView:
    return ScorecardView(
        title=TITLE,
        organisation="Kent County Council",
        department="Children, Young People and Education Performance Management",
        produced_by="Management Information & Intelligence",
        authority="Kent",
        month="2020-05",
        month_label="May 2020",
        publication_date="10th July 2020",
        draft=draft,
        sections=[
            _guidance(),
            _activity(),
            _kpi_table(),
            _commentary(),
            _catalogue("sources", "Data Sources for Current Report"),
            _catalogue("definitions", "Indicator Definitions"),
        ],
        warnings=["a warning for the terminal only"],
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(_view())


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    path = tmp_path_factory.mktemp("pdf") / "scorecard.pdf"
    write_pdf(_view(draft=True), path)
    return PdfReader(path)


@pytest.fixture(scope="module")
def pdf_text(pdf: PdfReader) -> str:
    return _flat(" ".join(page.extract_text() for page in pdf.pages))


def _row_html(html: str, code: str) -> str:
    match = re.search(rf"<tr>\s*<td class=\"code\">{code}</td>.*?</tr>", html, re.S)
    assert match, f"no row for {code}"
    return match.group(0)


# HTML


def test_html_is_one_self_contained_page(html: str) -> None:
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert "<style>" in html and "@page" in html
    assert "<link" not in html and "src=" not in html


def test_html_sections_appear_in_the_views_order(html: str) -> None:
    escaped = [title.replace("'", "&#39;") for title in SECTION_TITLES]
    assert _in_order(html, [f">{title}<" for title in escaped])


def test_html_escapes_project_text(html: str) -> None:
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "Management Information &amp; Intelligence" in html


def test_html_kpi_table_heads_every_column_in_order(html: str) -> None:
    start = html.index('<table class="kpi"')
    table = html[start : html.index("</thead>", start)]
    heads = [
        "Code", "Indicator", "Polarity", "Data Period", "QPR", "Monthly Trends",
        "Latest Month", "DOT", "Target 2020-21", "RAG 2020-21", "Outturn 2019-20",
        "Target 2019-20", "RAG 2019-20", "Benchmark Group 2018-19", "SN or SE",
        "England 2018-19", "Linked to business plan?", *PERIODS,
    ]  # fmt: skip
    assert _in_order(table, [f">{head}<" for head in heads])


def test_html_rag_is_written_as_a_word_on_its_colour(html: str) -> None:
    assert '<td class="rag rag-amber"><span>AMBER</span></td>' in html
    assert '<td class="rag rag-red"><span>RED</span></td>' in html
    assert '<td class="rag rag-green"><span>GREEN</span></td>' in html


def test_html_direction_has_a_text_alternative(html: str) -> None:
    row = _row_html(html, "SCS03")
    assert 'aria-label="worsened">↓</span>' in row
    assert 'title="worsened compared with Apr-20"' in row


def test_html_row_without_a_code_has_an_empty_code_cell(html: str) -> None:
    row = _row_html(html, "")
    assert "EH Unit Case Audits" in row
    assert '<td class="dir"></td>' in row


def test_html_missing_figure_shows_na_never_zero(html: str) -> None:
    row = _row_html(html, "")
    assert '<td class="num missing" title="N/A">N/A</td>' in row
    assert ">0<" not in row and ">0.0<" not in row


def test_html_marks_italic_and_provisional_cells(html: str) -> None:
    assert '<td class="num latest italic" title="2018-19">72.0</td>' in html
    assert 'class="num latest provisional"' in html
    assert "</span> = provisional</p>" in html


def test_html_t_polarity_row_shows_its_band_under_the_target(html: str) -> None:
    row = _row_html(html, "SCS13")
    assert '20.0<span class="band" title="on-target band">17.5 - 22.5</span>' in row
    assert "✓" in row


def test_html_row_with_no_previous_year_keeps_its_columns(html: str) -> None:
    full = _row_html(html, "SCS03").count("<td")
    assert _row_html(html, "SCS42").count("<td") == full


def test_html_commentary_leads_each_paragraph_with_its_rag_word(html: str) -> None:
    words = [
        '<strong class="rag-word rag-red">RED:</strong> Assessments',
        '<strong class="rag-word rag-amber">AMBER:</strong> Re-referrals',
        '<strong class="rag-word rag-green">GREEN:</strong> Caseloads',
    ]
    assert _in_order(html, words)


def test_html_commentary_labels_only_drafted_paragraphs(html: str) -> None:
    assert html.count('class="draft-label"') == 1
    assert '<p class="para drafted" data-code="SCS03">' in html


def test_html_activity_blocks_show_their_as_at_and_figures(html: str) -> None:
    activity = html[html.index('id="activity"') : html.index('id="ics-monthly"')]
    assert _in_order(activity, ["as at Jan 2020", "129,440 pupils", "as at May 2020"])
    assert '<tr class="indent">' in activity
    assert "1,784 (Families)" in activity
    assert _in_order(activity, [">Apr 2020<", ">675.6<", ">May 2020<", ">669.8<"])
    assert "To be added" in activity


def test_html_catalogue_tables_have_group_rows(html: str) -> None:
    group = '<tr class="group"><th colspan="5" scope="colgroup">Key Performance'
    assert group in html
    assert '<tr class="group"><th colspan="3" scope="colgroup">Key Performance' in html


def test_html_guidance_shows_keys_contacts_and_emails(html: str) -> None:
    assert _in_order(html, ["COVID-19", ">POLARITY<", ">INCOMPLETE DATA<", "Analyst A"])
    assert "mi-team@example.org" in html


def test_html_warnings_are_not_published(html: str) -> None:
    assert "a warning for the terminal only" not in html


def test_html_draft_banner_only_when_draft(html: str) -> None:
    assert "DRAFT" not in html
    assert 'class="draft-banner"' in render_html(_view(draft=True))


def test_html_for_pdf_uses_a_watermark_not_a_banner() -> None:
    page = render_html(_view(draft=True), for_pdf=True)
    assert 'class="draft-watermark"' in page
    assert "draft-banner" not in page.split("</style>")[1]


def test_html_unknown_section_kind_is_not_implemented() -> None:
    odd = dataclasses.replace(_catalogue("sources", "Sources"), kind="chart")
    view = dataclasses.replace(_view(), sections=[odd])
    with pytest.raises(NotImplementedError, match=r"'chart'.*supported: guidance"):
        render_html(view)


def test_a_sections_note_is_shown_under_its_title_escaped() -> None:
    table = dataclasses.replace(_kpi_table(), note="Figures <b>synthetic</b> & made up")
    view = dataclasses.replace(_view(), sections=[table])
    html = render_html(view)
    assert (
        '<p class="section-note">Figures &lt;b&gt;synthetic&lt;/b&gt; &amp; made up</p>'
        in html
    )
    assert 'section-note"' not in render_html(_view())  # none where none is set


# PDF


def test_pdf_pages_are_a4_landscape(pdf: PdfReader) -> None:
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(841.9, abs=1)
        assert float(page.mediabox.height) == pytest.approx(595.3, abs=1)


def test_pdf_cover_is_a_page_of_its_own(pdf: PdfReader) -> None:
    cover = _flat(pdf.pages[0].extract_text())
    assert "Produced by" in cover and "Publication Date" in cover
    assert "Guidance Notes" not in cover


def test_pdf_sections_appear_in_the_views_order(pdf_text: str) -> None:
    assert _in_order(pdf_text, SECTION_TITLES)


def test_pdf_row_reads_trend_latest_arrow_target_rag(pdf_text: str) -> None:
    expected = "27.5 27.5 27.7 27.8 28.3 28.3 28.8 ↓ 25.0 AMBER 28.3 25.0 AMBER 22.3"
    assert expected in pdf_text


def test_pdf_footer_carries_title_month_and_page_number(pdf: PdfReader) -> None:
    last = _flat(pdf.pages[-1].extract_text())
    assert "May 2020" in last
    assert f"Page {len(pdf.pages)} of {len(pdf.pages)}" in last
    assert "<script>alert(1)</script> & Co" in last


def test_pdf_footers_number_every_page_but_the_cover(pdf: PdfReader) -> None:
    pages = [_flat(page.extract_text()) for page in pdf.pages]
    # The cover has its title once, as its heading, and no footer.
    assert "Page" not in pages[0] and pages[0].count("alert(1)") == 1
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {len(pages)}" in text
        assert "<script>alert(1)</script> & Co – May 2020" in text


def test_pdf_laid_out_in_parts_reads_as_the_whole(tmp_path: Path) -> None:
    whole, parts = tmp_path / "whole.pdf", tmp_path / "parts.pdf"
    write_pdf(_view(draft=True), whole, parts=1)
    write_pdf(_view(draft=True), parts, parts=3)

    def pages(path: Path) -> list[str]:
        return [_flat(page.extract_text()) for page in PdfReader(path).pages]

    def outline(path: Path) -> list[tuple[int, str, int]]:
        reader = PdfReader(path)
        found: list[tuple[int, str, int]] = []

        def walk(items: list[Any], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    page = reader.get_destination_page_number(item)
                    found.append((depth, item.title, page))

        walk(reader.outline, 0)
        return found

    assert len(pages(whole)) > 3
    assert pages(parts) == pages(whole)
    assert PdfReader(parts).metadata.title == PdfReader(whole).metadata.title
    # Bookmarks nest under the title as in the whole, and the language is kept.
    assert outline(parts) == outline(whole)
    assert [d for d, _, _ in outline(whole)][:3] == [0, 1, 1]
    assert PdfReader(parts).trailer["/Root"]["/Lang"] == "en-GB"


def test_pdf_workers_pass_on_weasyprints_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    worker = pdf_writer._Worker(str(tmp_path), tmp_path)
    try:
        worker.send('<p>A picture: <img src="no-such-picture.png"></p>')
        with caplog.at_level("WARNING", logger="weasyprint"):
            assert worker.result().startswith(b"%PDF")
    finally:
        worker.cancel()
    assert any("no-such-picture.png" in r.getMessage() for r in caplog.records)
    assert list(tmp_path.iterdir()) == []  # its folder is gone


def test_pdf_workers_ignore_modules_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "typing.py").write_text("raise SystemExit('the wrong typing')\n")
    monkeypatch.chdir(tmp_path)
    write_pdf(_view(), tmp_path / "scorecard.pdf", parts=2)
    assert PdfReader(tmp_path / "scorecard.pdf").pages


def test_pdf_splits_only_where_a_page_starts() -> None:
    html = render_html(_view(), for_pdf=True)
    documents = split(html, 3)
    assert len(documents) == 3
    head = html[: html.index("<body")]
    for document in documents:
        assert document.startswith(head) and document.rstrip().endswith("</html>")
        body = document[document.index("<body") :]
        first = re.search(r"<section[^>]*>", body)
        assert first is not None
        assert "cover" in first.group(0) or "new-page" in first.group(0)
    # Every section is in exactly one document, in order.
    ids = [i for d in documents for i in re.findall(r'<section id="([^"]+)"', d)]
    assert ids == re.findall(r'<section id="([^"]+)"', html)


def test_split_balances_the_parts_by_weight() -> None:
    assert pdf_writer._balanced([1, 1, 1, 1], 2) == [(0, 2), (2, 4)]
    assert pdf_writer._balanced([10, 1, 1, 1], 2) == [(0, 1), (1, 4)]
    assert pdf_writer._balanced([1, 1, 1, 10], 2) == [(0, 3), (3, 4)]
    assert pdf_writer._balanced([5, 5, 5], 5) == [(0, 1), (1, 2), (2, 3)]
    assert pdf_writer._balanced([5, 5, 5], 1) == [(0, 3)]


def test_pdf_worker_failure_is_reported_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_writer._Worker, "module", "scorecards.no_such_module")
    with pytest.raises(ScorecardError, match=r"No module named scorecards\.no_such"):
        write_pdf(_view(), tmp_path / "scorecard.pdf", parts=2)
    assert list(tmp_path.iterdir()) == []


def test_pdf_draft_mark_is_on_every_page(pdf: PdfReader) -> None:
    assert all("DRAFT" in page.extract_text() for page in pdf.pages)


def test_pdf_has_no_draft_mark_when_not_draft(tmp_path: Path) -> None:
    path = tmp_path / "final.pdf"
    write_pdf(_view(draft=False), path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "DRAFT" not in text


def test_pdf_failure_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(self: object, stream: BinaryIO) -> None:
        stream.write(b"%PDF-half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(pypdf.PdfWriter, "write", fail)
    view = dataclasses.replace(_view(), sections=[])
    with pytest.raises(RuntimeError, match="disk full"):
        write_pdf(view, tmp_path / "scorecard.pdf")
    assert list(tmp_path.iterdir()) == []


def test_pdf_failure_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scorecard.pdf"
    path.write_bytes(b"previous edition")
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _raise)
    with pytest.raises(RuntimeError):
        write_pdf(dataclasses.replace(_view(), sections=[]), path)
    assert path.read_bytes() == b"previous edition"
    assert list(tmp_path.iterdir()) == [path]


def _raise(*args: object, **kwargs: object) -> None:
    raise RuntimeError("renderer failed")


# charts, SPC icons, revisions and method notes (issue 5)


def _spc_view(variation: str, assurance: str) -> SpcView:
    points = [
        SpcPointView(f"2020-0{i}", PERIODS[i], value, [], "common cause")
        for i, value in enumerate([27.7, 27.8, 28.3, 28.3, 28.8], start=2)
    ]
    points[-1] = dataclasses.replace(points[-1], variation=variation)
    return SpcView(
        indicator="SCS03",
        points=points,
        segments=[SpcSegmentView(0, 5, 28.2, 27.0, 29.4, 27.4, 29.0)],
        target=25.0,
        variation=variation,
        variation_text="Special cause variation: concern (high)",
        assurance=assurance,
        assurance_text="Assurance: the target is consistently failed",
        warnings=["limits rest on 5 points, fewer than 13"],
    )


def _charted_view() -> ScorecardView:
    table = _kpi_table()
    rows = [
        dataclasses.replace(row, spc=_spc_view("concern high", "consistently fails"))
        if row.code == "SCS03"
        else row
        for row in table.rows
    ]
    rows[0] = dataclasses.replace(
        rows[0],
        trend=[
            *rows[0].trend[:5],
            dataclasses.replace(rows[0].trend[5], revised_from="28.1"),
            rows[0].trend[6],
        ],
    )
    charted = dataclasses.replace(
        table, rows=rows, sparklines=True, spc_icons=True, spc_charts=True
    )
    guidance = dataclasses.replace(
        _guidance(),
        method_notes=[
            ("Monthly A", "Compared with the previous period."),
            ("Monthly B", "Compared with the previous period."),
            ("Annual", "A least-squares slope."),
        ],
    )
    sections = [guidance, charted, *_view().sections[3:]]
    return dataclasses.replace(_view(), sections=sections)


@pytest.fixture(scope="module")
def charted_html() -> str:
    return render_html(_charted_view())


def test_html_charts_off_adds_no_columns_or_appendix(html: str) -> None:
    assert ">Trend<" not in html and ">SPC<" not in html
    assert 'id="spc-charts"' not in html and "<svg" not in _row_html(html, "SCS03")


def test_html_sparkline_column_follows_the_latest(charted_html: str) -> None:
    assert _in_order(charted_html, [">Latest Month<", ">Trend<", ">DOT<"])
    row = _row_html(charted_html, "SCS03")
    assert _in_order(row, ['class="num latest"', '<td class="spark"><svg', "↓"])
    assert 'aria-label="SCS03 trend from Nov-19 to May-20' in row
    # every row has the cell, so the columns stay aligned
    assert charted_html.count('<td class="spark">') == 4


def test_html_spc_icons_sit_beside_rag_with_text(charted_html: str) -> None:
    assert _in_order(charted_html, [">RAG 2020-21<", ">SPC<", ">Outturn 2019-20<"])
    row = _row_html(charted_html, "SCS03")
    assert _in_order(row, ["AMBER</span>", '<td class="spc">', "28.3", "25.0"])
    assert 'aria-label="Special cause variation: concern (high)">◇ Concern ↑' in row
    assert 'aria-label="Assurance: the target is consistently failed">✗ Fails' in row
    # a row without an SPC view keeps an empty cell
    assert '<td class="spc"></td>' in _row_html(charted_html, "SCS13")


def test_html_revised_cell_has_a_mark_and_a_footnote(charted_html: str) -> None:
    row = _row_html(charted_html, "SCS03")
    assert '28.3<sup class="r-mark" title="revised: previously 28.1">r</sup>' in row
    assert (
        '<sup class="r-mark">r</sup> = revised since the previous edition; '
        "SCS03 Apr-20: previously 28.1"
    ) in charted_html


def test_html_spc_appendix_comes_before_the_sources(charted_html: str) -> None:
    assert _in_order(
        charted_html,
        [
            'id="ics-commentary"',
            'id="spc-charts"',
            "<h2>SPC charts</h2>",
            "Integrated Children&#39;s Services Monthly Indicators",
            'class="chart spc-chart"',
            "SCS03 from Jan-20 to May-20: latest 28.8, mean 28.2, limits 27.0 to 29.4",
            "Note 1.",
            "<li>limits rest on 5 points, fewer than 13 (SCS03)</li>",
            'id="sources"',
        ],
    )
    # one chart per row with an SPC view
    assert charted_html.count('class="spc-figure"') == 1


def test_html_spc_appendix_is_last_without_sources() -> None:
    view = _charted_view()
    view = dataclasses.replace(view, sections=view.sections[:3])
    page = render_html(view)
    assert _in_order(page, ['id="ics-commentary"', 'id="spc-charts"', "</body>"])


def test_html_guidance_names_the_direction_of_travel_methods(charted_html: str) -> None:
    notes = charted_html[charted_html.index('class="method-notes"') :]
    assert _in_order(
        notes,
        [
            "<h4>Direction of travel</h4>",
            "Monthly A; Monthly B:</span> Compared with the previous period.",
            "Annual:</span> A least-squares slope.",
        ],
    )
    assert "SPC VARIATION AND ASSURANCE" in charted_html


def test_html_activity_trend_is_a_chart_with_its_figures(html: str) -> None:
    activity = html[html.index('id="activity"') : html.index('id="ics-monthly"')]
    assert activity.count('class="chart trend-chart"') == 1
    assert (
        'aria-label="Rate of referrals per 10,000: Apr 2020 675.6, May 2020 669.8."'
        in (activity)
    )


def test_html_for_pdf_embeds_charts_as_svg_images() -> None:
    page = render_html(_charted_view(), for_pdf=True)
    body = page.split("</style>")[1]
    assert "<svg" not in body
    assert body.count('src="data:image/svg+xml;base64,') == 4 + 1 + 1
    assert 'alt="SCS03 from Jan-20 to May-20: latest 28.8' in body


def test_pdf_with_charts_prints_icons_summaries_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "charts.pdf"
    write_pdf(_charted_view(), path)
    text = _flat(" ".join(page.extract_text() for page in PdfReader(path).pages))
    assert "AMBER ◇ Concern ↑ ✗ Fails target" in text
    assert (
        "r = revised since the previous edition; SCS03 Apr-20: previously 28.1" in text
    )
    assert "SCS03 from Jan-20 to May-20: latest 28.8" in text
    assert "Direction of travel" in text
