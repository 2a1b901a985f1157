"""Accessibility and plain-language checks on what people write.

Errors stop a page going live (they are raised by the blocks and the page's
own validation, next to the field at fault); warnings only advise. The same
report is shown to the writer in the editor and to the engagement lead when
reviewing. Thresholds are settings: CONTENT_READING_GRADE_MAX.
"""

import re
from dataclasses import dataclass

import textstat
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

ERROR = "error"
WARNING = "warning"

VAGUE_LINK_TEXT = {
    "click here",
    "here",
    "click",
    "read more",
    "more",
    "link",
    "this link",
    "this",
    "find out more",
    "learn more",
}
BARE_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
# Three or more words in capitals in a row, each of at least two letters.
SHOUTING = re.compile(r"\b(?:[A-Z]{2,}[\s,.!?'-]+){2,}[A-Z]{2,}\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Finding:
    level: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def empty_link_count(html: str) -> int:
    soup = BeautifulSoup(html, "html.parser")
    return sum(1 for link in soup.find_all("a") if not link.get_text(strip=True))


class _Reader:
    """Walks a StreamField value, collecting headings, links and text."""

    def __init__(self):
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []
        self.texts: list[str] = []
        self.images_without_text = 0
        self.media_problems: list[str] = []

    def read(self, stream) -> None:
        for child in stream or []:
            self.read_block(child.block_type, child.value)

    def read_block(self, block_type: str, value) -> None:
        if block_type == "heading":
            self.headings.append((int(value["level"][1]), value["text"]))
            self.texts.append(value["text"])
        elif isinstance(value, RichText):
            self.read_html(value.source)
        elif block_type == "quote":
            self.texts.append(value["quote"])
        elif block_type == "image":
            if (
                not value.get("decorative")
                and not (value.get("alt_text") or "").strip()
            ):
                self.images_without_text += 1
        elif block_type == "media" and value is not None:
            self.media_problems += list(value.accessibility_problems().values())
        elif block_type == "point":  # an Easy Read point: a picture and words
            self.texts.append(value["text"])
            if not (value.get("alt_text") or "").strip():
                self.images_without_text += 1
        elif block_type == "cards":
            self.headings.append((2, value["heading"]))
            self.texts += [card["text"] for card in value["cards"]]

    def read_html(self, html: str) -> None:
        soup = BeautifulSoup(html, "html.parser")
        for heading in soup.find_all(["h2", "h3", "h4"]):
            self.headings.append(
                (int(heading.name[1]), heading.get_text(" ", strip=True))
            )
        self.links += [link.get_text(" ", strip=True) for link in soup.find_all("a")]
        self.texts += [
            element.get_text(" ", strip=True)
            for element in soup.find_all(["p", "li", "h2", "h3", "h4"])
        ]


def content_report(
    *, body, summary: str = "", hero=None, language: str = settings.LANGUAGE_CODE
) -> list[Finding]:
    """Every finding for a page's content, errors first.

    `hero` is (image, alt text, decorative) for a picture at the top, if any.
    The reading-age score is for English only: its formulas count English
    syllables, so a Welsh page (`language`) is not scored.
    """
    reader = _Reader()
    reader.read(body)
    findings: list[Finding] = []

    if hero and hero[0] is not None and not hero[2] and not (hero[1] or "").strip():
        findings.append(
            Finding(
                ERROR,
                _("The picture at the top needs a description, or tick 'decorative'."),
            )
        )
    if reader.images_without_text:
        findings.append(
            Finding(
                ERROR,
                _(
                    "%(count)s picture(s) in the story need a description, or "
                    "tick 'decorative'."
                )
                % {"count": reader.images_without_text},
            )
        )
    findings += [Finding(ERROR, problem) for problem in reader.media_problems]
    empty = sum(1 for text in reader.links if not text)
    if empty:
        findings.append(
            Finding(
                ERROR,
                _(
                    "%(count)s link(s) have no words: give each link words that "
                    "say where it goes."
                )
                % {"count": empty},
            )
        )

    findings += _heading_order(reader.headings)
    for text in reader.links:
        if text.lower().strip(" .!") in VAGUE_LINK_TEXT:
            findings.append(
                Finding(
                    WARNING,
                    _(
                        "The link “%(text)s” does not say where it goes. Use "
                        "words like “Read the Carers Week report”."
                    )
                    % {"text": text},
                )
            )
        elif BARE_URL.match(text):
            findings.append(
                Finding(
                    WARNING,
                    _(
                        "The link “%(text)s” is a web address. Screen readers "
                        "read it letter by letter: use words instead."
                    )
                    % {"text": text},
                )
            )
    everything = [summary, *reader.texts]
    for text in everything:
        for shout in SHOUTING.findall(text or ""):
            findings.append(
                Finding(
                    WARNING,
                    _(
                        "“%(text)s” is in capitals, which is harder to read. "
                        "Use bold for emphasis instead."
                    )
                    % {"text": shout},
                )
            )
    if language == settings.LANGUAGE_CODE:
        findings += _readability(" ".join(t for t in everything if t))
    return sorted(findings, key=lambda finding: not finding.is_error)


def _heading_order(headings: list[tuple[int, str]]) -> list[Finding]:
    findings = []
    previous = 1  # the page title is the one h1
    for level, text in headings:
        if level > previous + 1:
            findings.append(
                Finding(
                    WARNING,
                    _(
                        "The heading “%(text)s” is a sub-heading, but there is "
                        "no section heading before it."
                    )
                    % {"text": text},
                )
            )
        previous = level
    return findings


def _readability(text: str) -> list[Finding]:
    if len(text.split()) < 30:
        return []  # too short for a fair score
    grade = textstat.flesch_kincaid_grade(text)
    ease = textstat.flesch_reading_ease(text)
    limit = settings.CONTENT_READING_GRADE_MAX
    if grade <= limit:
        return []
    longest = sorted(SENTENCE_END.split(text), key=lambda s: len(s.split()))[-3:]
    sentences = " ".join(f"“{s.strip()}”" for s in reversed(longest))
    return [
        Finding(
            WARNING,
            _(
                "This may be hard to read: reading ease %(ease)s out of 100, "
                "about school year %(year)s (we aim for year %(aim)s or "
                "easier). Try shorter sentences and everyday words. The "
                "longest sentences: %(sentences)s"
            )
            % {
                "ease": f"{ease:.0f}",
                "year": f"{grade + 1:.0f}",
                "aim": limit + 1,
                "sentences": sentences,
            },
        )
    ]
