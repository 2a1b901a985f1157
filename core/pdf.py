"""Tagged, accessible PDFs from the site's own HTML (WeasyPrint, PDF/UA-1).

`pdf_render` writes a PDF whose structure tree follows the HTML (headings,
paragraphs, lists, tables with their headers, figures with their alternative
text: an image's alt, a chart's SVG <title>), with the document's language
and title, A4 pages numbered in the footer, and only the fonts the site ships
(static/css/pdf.css). WeasyPrint needs Pango: see the README.

What a document links to is read from this site's own files, never over the
network: static files through the staticfiles finders, media through the
default storage (local folder or bucket alike), data: URLs as they are.
Anything else is refused and left out, so a PDF is written the same way on a
task worker with no route to the web.
"""

import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PDF_VARIANT = "pdf/ua-1"
STYLESHEET = "css/pdf.css"


class SiteFetcher(URLFetcher):
    """Reads what a document links to from the site's own files."""

    def __init__(self, *, base_url: str):
        super().__init__(allowed_protocols={"data", "file", "http", "https"})
        self.static_prefixes = [
            urljoin(base_url, settings.STATIC_URL),
            settings.STATIC_URL,
        ]
        self.media_prefixes = [urljoin(base_url, settings.MEDIA_URL)]
        try:
            # A bucket's public address (or a CDN in front of it).
            self.media_prefixes.append(default_storage.url(""))
        except Exception:  # noqa: BLE001 - a storage with no URLs has no prefix
            pass
        self.roots = [Path(path).resolve() for path in _static_roots()]

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                return _file_response(url, path.read_bytes(), path.name)
            raise ValueError(f"Not one of the site's files: {url}")
        for prefix in self.static_prefixes:
            if prefix and url.startswith(prefix):
                found = finders.find(unquote(url[len(prefix) :].split("?")[0]))
                if found:
                    path = Path(found)
                    return _file_response(url, path.read_bytes(), path.name)
        for prefix in self.media_prefixes:
            if prefix and url.startswith(prefix):
                name = unquote(url[len(prefix) :].split("?")[0])
                with default_storage.open(name) as file:
                    return _file_response(url, file.read(), name)
        raise ValueError(f"Not read from the network: {url}")


def _static_roots() -> list[str]:
    """The folders a file: address may point into: the site's static files
    (where the stylesheet's fonts are) and the public media."""
    roots = [*settings.STATICFILES_DIRS, settings.STATIC_ROOT, settings.MEDIA_ROOT]
    return [str(root) for root in roots if root]


def _file_response(url: str, body: bytes, name: str) -> URLFetcherResponse:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return URLFetcherResponse(url, body, {"Content-Type": kind})


def pdf_render(
    *, html: str, base_url: str, title: str, language: str = "en-GB"
) -> bytes:
    """The HTML document as a tagged PDF (PDF/UA-1): `title` is the PDF's
    title (readers show it instead of the file name) and `language` its
    language, whatever the HTML's own <title> and lang say."""
    fetcher = SiteFetcher(base_url=base_url)
    font_config = FontConfiguration()
    stylesheet = CSS(
        filename=finders.find(STYLESHEET),
        font_config=font_config,
        url_fetcher=fetcher,
    )
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=[stylesheet],
        font_config=font_config,
        pdf_variant=PDF_VARIANT,
    )
    document.metadata.title = title
    document.metadata.lang = language
    return document.write_pdf(
        pdf_variant=PDF_VARIANT, finisher=page_furniture_artifacts
    )


REFERENCE = re.compile(rb"^(\d+) 0 R$")


def _number(reference) -> int | None:
    match = REFERENCE.match(reference) if isinstance(reference, bytes) else None
    return int(match[1]) if match else None


def page_furniture_artifacts(document, pdf) -> None:
    """Mark what the page margins hold (the page numbers) as artifacts.

    WeasyPrint 70 tags a margin's text like the page's text but leaves its
    structure element out of the tree (its own comment: an artifact there is
    "only allowed in PDF 2.0"), so PDF/UA-1 checkers find content that is
    neither in the tree nor an artifact. A PDF 1.7 artifact is only a marked
    content sequence: this retags each such sequence /Artifact
    (/Type /Pagination) and empties its slot in the parent tree, so a screen
    reader skips "Page 2 of 9" and still reads everything else."""
    catalog_root = _number(pdf.catalog.get("StructTreeRoot"))
    if catalog_root is None:
        return
    tree_root = pdf.objects[catalog_root]
    in_tree = set()
    waiting = [tree_root]
    while waiting:
        element = waiting.pop()
        kids = element.get("K", ())
        for kid in kids if isinstance(kids, list) else [kids]:
            number = _number(kid)
            if number is not None and number not in in_tree:
                in_tree.add(number)
                child = pdf.objects[number]
                if isinstance(child, dict):
                    waiting.append(child)
    parent_tree = pdf.objects[_number(tree_root["ParentTree"])]
    nums = parent_tree["Nums"]
    for page_index, page_reference in enumerate(pdf.page_references):
        if page_index >= len(nums) // 2 or nums[2 * page_index] != page_index:
            continue
        marked = nums[2 * page_index + 1]
        left_out = {
            mcid
            for mcid, reference in enumerate(marked)
            if _number(reference) is not None and _number(reference) not in in_tree
        }
        if not left_out:
            continue
        page = pdf.objects[_number(page_reference)]
        contents = pdf.objects[_number(page["Contents"])]
        operations = contents.stream
        for index, operation in enumerate(operations[1:-1], start=1):
            if (
                isinstance(operation, dict)
                and operation.get("MCID") in left_out
                and operations[index + 1] == b"BDC"
            ):
                marked[operation["MCID"]] = "null"
                operations[index - 1] = "/Artifact"
                operations[index] = pydyf.Dictionary({"Type": "/Pagination"})
