"""Every page the site shows, signed out and signed in as each role, fits a
320 CSS pixel screen and is conforming HTML (the Nu HTML Checker).

Which pages: rather than record what the other browser tests happen to open
(their journeys change the data, so their pages cannot be reopened later), a
crawler opens the public pages of every type, then signs in as each demo role
and follows every link of the members' area from where that role lands. It
follows at most PER_SHAPE addresses of one shape (`/members/people/<n>/`,
`/stories/<x>/`, `/library/?…`), so each kind of page is seen in a few states
without opening every row; the seeds (test_accessibility's PUBLIC_PAGES, one
of each public page type, and where each role lands) are always opened. It is
one module-scoped crawl, one browser context per role, in a window 320 CSS
pixels wide; the two tests read what it recorded. New pages are covered as
soon as a link leads to them, whatever their address.

The HTML check saves the HTML each page was served with and runs the Nu
checker (vnu-jar from npm: `make vnu`) once over all the files, since the JVM
is slow to start.
"""

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from . import BROWSER_TEST, helpers
from .test_accessibility import PUBLIC_PAGES

# One crawl of the whole site, in the first test's setup.
pytestmark = [*BROWSER_TEST, pytest.mark.timeout(600)]

VNU_JAR = Path(__file__).resolve().parents[2] / (
    ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)
ROLES = [
    "lead@example.org",
    "member@example.org",
    "member2@example.org",
    "member3@example.org",
    "supporter@example.org",
    "staff@example.org",
    "admin@example.org",
]
SIGNED_IN_AREAS = ("/members/", "/accounts/")
# Not our pages (Wagtail's admin, files, feeds), or a page that ends the visit.
NOT_CRAWLED = (
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/feeds/",
    "/cy/feeds/",
    "/sitemap.xml",
    "/robots.txt",
    "/cy/robots.txt",
    "/accounts/logout/",
    "/cy/accounts/logout/",
)
PER_SHAPE = 2
MOST_PAGES_PER_VISITOR = 200

OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .filter(el => !el.closest(".table-scroll"))
        .slice(0, 3)
        .map(el => el.tagName.toLowerCase()
            + (el.className && typeof el.className === "string"
               ? "." + el.className.trim().split(/\\s+/).join(".") : "")
            + " (" + Math.round(el.getBoundingClientRect().right) + " px)");
}"""


@dataclass
class VisitedPage:
    visitor: str
    url: str
    html: str
    scroll_width: int
    overflowing: list[str]


def shape(url, public):
    """An address with its numbers and its query left out; on the public site
    its slugs too (`/stories/<x>/`), since one template shows them all."""
    parts = urlsplit(url)
    path = re.sub(r"\d+", "<n>", parts.path)
    if public:
        path = re.sub(r"(?<=.)/[^/]+(?=/)", "/<x>", path)
    return path + ("?" if parts.query else "")


def crawl(page, site, visitor, seeds, in_scope, public=False):
    """Open the seeds, then the links they lead to, breadth first."""
    visited, seen_urls, shapes = [], set(), {}
    queue = list(seeds)
    while queue and len(visited) < MOST_PAGES_PER_VISITOR:
        url = queue.pop(0).split("#")[0]
        if url in seen_urls:
            continue
        seen_urls.add(url)
        if url not in seeds and shapes.get(shape(url, public), 0) >= PER_SHAPE:
            continue
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in error.message:  # a file, not a page
                continue
            raise
        final = page.url.split("#")[0]
        content_type = response.headers.get("content-type", "") if response else ""
        if not content_type.startswith("text/html"):
            continue
        if final != url and final in seen_urls:
            continue
        seen_urls.add(final)
        shapes[shape(final, public)] = shapes.get(shape(final, public), 0) + 1
        visited.append(
            VisitedPage(
                visitor=visitor,
                url=final.removeprefix(site),
                html=response.text(),
                scroll_width=page.evaluate("document.documentElement.scrollWidth"),
                overflowing=page.evaluate(OVERFLOWING),
            )
        )
        links = page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        )
        for link in links:
            path = link.removeprefix(site)
            if (
                link.startswith(site + "/")
                and in_scope(path)
                and not path.startswith(NOT_CRAWLED)
            ):
                queue.append(link.split("#")[0])
    return visited


# The crawl is slow, so it runs once for the module, in the first test that
# asks for it: by then the test's database setup has brought the demo content
# back (a module-scoped fixture would run before it, on an emptied database).
_CRAWLED: list = []


@pytest.fixture
def every_page(browser, site):
    """Every page a visitor can reach, opened 320 CSS pixels wide."""
    if not _CRAWLED:
        _CRAWLED.append(crawl_everyone(browser, site))
    return _CRAWLED[0]


def crawl_everyone(browser, site):
    pages = []
    for visitor in [None, *ROLES]:
        context = browser.new_context(
            locale="en-GB", viewport={"width": 320, "height": 640}
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        if visitor is None:
            seeds = [site + path for path in ["/", *PUBLIC_PAGES]]
            pages += crawl(
                page,
                site,
                "someone signed out",
                seeds,
                lambda path: not path.startswith(SIGNED_IN_AREAS),
                public=True,
            )
        else:
            helpers.sign_in(page, site, visitor)
            pages += crawl(
                page,
                site,
                visitor,
                [page.url],
                lambda path: path.startswith(SIGNED_IN_AREAS),
            )
        context.close()
    return pages


def test_the_crawl_reaches_every_role_and_the_lead_screens(every_page):
    visitors = {visited.visitor for visited in every_page}
    assert visitors == {"someone signed out", *ROLES}
    lead_pages = {visited.url for visited in every_page if "lead@" in visited.visitor}
    assert any("/opportunities/" in url for url in lead_pages)
    assert any("/figures/" in url for url in lead_pages)
    assert any("/people/" in url for url in lead_pages)


def test_no_page_scrolls_sideways_at_320_css_pixels(every_page):
    too_wide = [
        f"{visited.url} as {visited.visitor}: {visited.scroll_width} px wide, "
        + ", ".join(visited.overflowing)
        for visited in every_page
        if visited.scroll_width > 320
    ]
    assert too_wide == []


def test_every_page_is_conforming_html(every_page, tmp_path):
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu HTML Checker is not at {VNU_JAR}: run `make vnu`.")
    files = {}
    for number, visited in enumerate(every_page):
        path = tmp_path / f"page-{number:04d}.html"
        path.write_text(visited.html)
        files[path.as_uri()] = visited
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + sorted(str(path) for path in tmp_path.glob("*.html")),
        capture_output=True,
        text=True,
        timeout=170,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = []
    for message in messages:
        visited = files.get(message.get("url", "").replace("file:/", "file:///", 1))
        visited = visited or files.get(message.get("url", ""))
        where = f"{visited.url} as {visited.visitor}" if visited else message["url"]
        errors.append(
            f"{where}, line {message.get('lastLine')}: {message['message']}"
            f" ({message.get('extract', '').strip()[:120]})"
        )
    assert errors == []
