"""Tagged, accessible PDFs (core/pdf.py): a small report is written, then
opened with pypdf and read as assistive technology would read it: its tags,
language, title, text, alternative text and fonts."""

import io
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from core.charts import ChartRow, chart_bars
from core.pdf import SiteFetcher, pdf_render

BASE_URL = "http://testserver/"
SHIPPED_FONTS = {
    "Atkinson-Hyperlegible-Next",
    "Atkinson-Hyperlegible-Next-Bold",
    "Atkinson-Hyperlegible-Next-Extended",
    "Atkinson-Hyperlegible-Next-Extended-Bold",
}
PHOTO_ALT = "Members of the group round a table at the away day"


def report_html(*, photo_url: str) -> str:
    chart = chart_bars(
        title="Paid work, 2022 and 2023",
        unit="",
        series=["2022", "2023"],
        rows=[ChartRow("Paid engagements", (6, 11)), ChartRow("Meetings", (4, 5))],
    )
    rows = "".join(
        f"<tr><th scope='row'>Member {n}</th><td>{n}</td><td>£{n * 25}.00</td></tr>"
        for n in range(1, 40)
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Draft</title></head>
<body><main>
<h1>Annual report 2023</h1>
<p>The group met five times this year. Croeso i bawb: ŵ ŷ.</p>
<h2>Paid work</h2>
<table><caption>Hours and fees by member</caption>
<thead><tr><th scope="col">Who</th><th scope="col">Hours</th>
<th scope="col">Fees</th></tr></thead><tbody>{rows}</tbody></table>
<figure><img src="{photo_url}" alt="{PHOTO_ALT}" width="200" height="100">
<figcaption>The away day</figcaption></figure>
{render_to_string("core/components/chart.html", {"chart": chart})}
<h2>What changed</h2>
<p>Staff changed three leaflets because of the group.</p>
</main></body></html>"""


@pytest.fixture(scope="module")
def reader():
    picture = io.BytesIO()
    Image.new("RGB", (200, 100), "#00703c").save(picture, "PNG")
    name = default_storage.save(
        "pdf-test/away-day.png", ContentFile(picture.getvalue())
    )
    try:
        pdf = pdf_render(
            html=report_html(photo_url=f"/media/{name}"),
            base_url=BASE_URL,
            title="Annual report 2023",
            language="en-GB",
        )
    finally:
        default_storage.delete(name)
    return PdfReader(io.BytesIO(pdf))


def kids(element):
    found = element.get("/K", [])
    for kid in found if isinstance(found, ArrayObject) else [found]:
        kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid


def structure(reader):
    """Every structure element reachable from the root, in reading order, with
    the object numbers of those that are indirect."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    order, numbers = [], set()

    def walk(element):
        order.append(element)
        found = element.get("/K", [])
        for kid in found if isinstance(found, ArrayObject) else [found]:
            if isinstance(kid, IndirectObject):
                numbers.add(kid.idnum)
        for kid in kids(element):
            walk(kid)

    for top in kids(root):
        walk(top)
    found = root["/K"]
    for kid in found if isinstance(found, ArrayObject) else [found]:
        numbers.add(kid.idnum)
    return order, numbers


def test_the_pdf_is_tagged_pdf_ua_with_its_language_and_title(reader):
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"
    # The title given, not the HTML's <title>, and readers show it.
    assert reader.metadata.title == "Annual report 2023"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.xmp_metadata.dc_title == {"x-default": "Annual report 2023"}
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    assert len(reader.pages) >= 2


def test_the_text_reads_in_order_with_headings_tables_and_figures(reader):
    text = "\n".join(page.extract_text() for page in reader.pages)
    headings = ["Annual report 2023", "Paid work", "What changed"]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Croeso i bawb: ŵ ŷ." in text
    assert "Paid engagements went up from 6 in 2022 to 11 in 2023 (up 83%)." in text

    order, _ = structure(reader)
    tags = [str(element["/S"]) for element in order]
    assert tags.index("/H1") < tags.index("/H2") < tags.index("/Table")
    assert tags.count("/H2") == 2
    assert {"/TH", "/TD", "/Caption", "/P"} <= set(tags)
    figures = [element.get("/Alt") for element in order if element["/S"] == "/Figure"]
    # The photo (read from the media storage) with its alt, then the chart
    # with its own title.
    assert any(page.images for page in reader.pages)
    assert figures == [PHOTO_ALT, "Paid work, 2022 and 2023"]
    # Row headers are headers of their cells.
    header_ids = {str(e["/ID"]) for e in order if e["/S"] == "/TH" and "/ID" in e}
    cell = next(e for e in order if e["/S"] == "/TD")
    assert set(map(str, cell["/A"]["/Headers"])) <= header_ids
    assert len(cell["/A"]["/Headers"]) == 2


def test_page_numbers_are_artifacts_and_everything_else_is_in_the_tree(reader):
    _, in_tree = structure(reader)
    parent_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]
    nums = parent_tree["/Nums"]
    for page_index in range(len(reader.pages)):
        assert nums[2 * page_index] == page_index
        for reference in nums[2 * page_index + 1]:
            if isinstance(reference, IndirectObject):
                assert reference.idnum in in_tree
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        content = page.get_contents().get_data().decode("latin-1")
        assert re.search(r"/Artifact\s*<<\s*/Type /Pagination\s*>>\s*BDC", content)
        assert f"Page {number} of {pages}" in page.extract_text()


def test_only_the_fonts_the_site_ships_are_in_the_pdf(reader):
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                name = str(descendant["/BaseFont"]).lstrip("/").split("+", 1)[1]
                descriptor = descendant["/FontDescriptor"].get_object()
                fonts[name] = any(
                    key in descriptor
                    for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
    assert set(fonts) <= SHIPPED_FONTS
    assert {"Atkinson-Hyperlegible-Next", "Atkinson-Hyperlegible-Next-Bold"} <= set(
        fonts
    )
    assert all(fonts.values()), "every font is embedded"


def test_a_document_is_read_from_the_site_never_the_network():
    fetcher = SiteFetcher(base_url=BASE_URL)
    stylesheet = fetcher.fetch(BASE_URL + "static/css/site.css")
    assert b"Co-production Hub" in stylesheet.read()
    assert stylesheet.content_type == "text/css"
    with pytest.raises(ValueError, match="Not read from the network"):
        fetcher.fetch("http://example.org/tracker.png")
    with pytest.raises(ValueError, match="Not one of the site's files"):
        fetcher.fetch("file:///etc/passwd")


def test_a_picture_the_site_cannot_read_is_left_out_not_fetched(caplog):
    pdf = pdf_render(
        html=(
            '<html lang="en-GB"><body><h1>Report</h1>'
            '<img src="http://example.org/x.png" alt="Elsewhere"></body></html>'
        ),
        base_url=BASE_URL,
        title="Report",
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert "Report" in reader.pages[0].extract_text()
    assert "Not read from the network" in caplog.text


def test_money_in_a_chart_reads_the_same_in_the_pdf():
    chart = chart_bars(
        title="Fees",
        unit="£",
        series=["2022", "2023"],
        rows=[ChartRow("Fees", (Decimal("1250.50"), Decimal("2290")))],
    )
    pdf = pdf_render(
        html=(
            '<html lang="en-GB"><body><h1>Fees</h1>'
            + render_to_string("core/components/chart.html", {"chart": chart})
            + "</body></html>"
        ),
        base_url=BASE_URL,
        title="Fees",
    )
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "£1,250.50" in text and "£2,290.00" in text and "up 83%" in text


def test_a_document_cannot_climb_from_the_media_folder_into_private_files(
    settings, tmp_path
):
    """A receipt (private files, no address) stays out of a PDF however its
    path is written into the document."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    (tmp_path / "media").mkdir()
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "receipt.txt").write_text("bank details")
    fetcher = SiteFetcher(base_url=BASE_URL)
    for url in (
        BASE_URL + "media/../private/receipt.txt",
        BASE_URL + "media/%2e%2e/private/receipt.txt",
        (tmp_path / "media" / ".." / "private" / "receipt.txt").as_uri(),
    ):
        with pytest.raises(Exception) as refused:
            fetcher.fetch(url)
        assert "bank details" not in str(refused.value)
