"""Every interface string is marked for translation, and the Welsh catalogue
covers every marked string.

A template's words outside `{% translate %}` / `{% blocktranslate %}` (text,
and the attributes people hear or read: alt, title, aria-label, placeholder,
content; a quoted phrase passed to an include or a filter) fail the first
test, with the file and the words. The second collects every marked string
from the source, as `make messages` does, into a temporary copy of the
catalogue, and fails on any string with no Welsh (or a fuzzy one).
"""

import re
import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.template.base import Lexer, TokenType

ROOT = Path(settings.BASE_DIR)
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po"

SKIPPED_DIRS = {".venv", ".cache", "node_modules", "staticfiles", "media", "tests"}

# Blocks whose text is not for people to read, or is already marked.
OPENERS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
    "verbatim": "endverbatim",
}

WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<(?P<name>/?[a-zA-Z][\w-]*)(?P<attrs>[^>]*)>", re.S)
SPOKEN_ATTRIBUTE = re.compile(
    r"\b(?:alt|title|aria-label|placeholder|content|aria-description|summary)"
    r'="(?P<value>[^"]*)"'
)
# Every quoted string in a tag or filter; those in _( ) are marked.
QUOTED = re.compile(r"""(?P<marked>_\()?(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
# Strings in tags that are not interface text: template names, URL names,
# date formats, CSS classes, single words in lower case (keys and values).
TECHNICAL = re.compile(
    r"^[\w./:-]*\.(html|txt|xml)$|^[a-z_]+:[a-z_-]+$"
    r"|^[jnNdDFYmMHisPAaEeGglSbT ,.:/\\-]+$"
    r"|^[a-z0-9_#.-]*$|^[a-z0-9_ -]*--[a-z0-9_ -]*$"
)
PLACEHOLDER = "\x00"
NOT_WORDS = re.compile(r"&[#\w]+;")
CODE_TAGS = {"script", "style", "svg"}
QUIET_TAGS = {"translate", "trans", "load", "url", "static", "extends", "block"}


def templates():
    for path in sorted(ROOT.rglob("templates/**/*")):
        if path.suffix not in {".html", ".txt", ".xml"}:
            continue
        if set(path.relative_to(ROOT).parts) & SKIPPED_DIRS:
            continue
        yield path


def unmarked(source):
    """The phrases in one template that a Welsh reader would meet in English."""
    found = []
    flat = []
    closing = None
    for token in Lexer(source).tokenize():
        if closing:
            if token.token_type == TokenType.BLOCK and (
                token.contents.split()[0] == closing
            ):
                closing = None
                flat.append(PLACEHOLDER)
            continue
        if token.token_type == TokenType.TEXT:
            flat.append(token.contents)
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if name in OPENERS:
                closing = OPENERS[name]
                continue
            if name not in QUIET_TAGS:
                found += phrases(token.contents)
        elif token.token_type == TokenType.VAR:
            found += phrases(token.contents)
        flat.append(PLACEHOLDER)
    text = re.sub(r"<!--.*?-->", " ", NOT_WORDS.sub(" ", "".join(flat)), flags=re.S)
    in_code = None
    position = 0
    for tag in [*TAG.finditer(text), None]:
        between = text[position : tag.start() if tag else len(text)]
        words = " ".join(between.replace(PLACEHOLDER, " ").split())
        if not in_code and WORD.search(words):
            found.append(words)
        if tag is None:
            break
        position = tag.end()
        name = tag["name"].lower()
        if name.lstrip("/") in CODE_TAGS:
            in_code = None if name.startswith("/") else name
        for attribute in SPOKEN_ATTRIBUTE.finditer(tag["attrs"]):
            if WORD.search(attribute["value"].replace(PLACEHOLDER, " ")):
                found.append(attribute["value"].replace(PLACEHOLDER, "…"))
    return found


def phrases(contents):
    found = []
    for match in QUOTED.finditer(contents):
        value = match["double"] if match["double"] is not None else match["single"]
        if match["marked"] or not WORD.search(value) or TECHNICAL.match(value):
            continue
        found.append(value)
    return found


def test_the_unmarked_check_finds_words_and_spoken_attributes():
    source = (
        '{% load i18n %}<p>Hello</p><img alt="A cat" src="x.png">'
        '{% translate "Fine" %}{% blocktranslate %}Also fine{% endblocktranslate %}'
        '{% include "components/field.html" with label="Your name" %}'
        '{% include "components/field.html" with label=_("Marked") %}'
        "<script>var words = 1;</script>{# a comment #}&middot; 12"
    )
    assert sorted(unmarked(source)) == ["A cat", "Hello", "Your name"]


def test_every_template_string_is_marked_for_translation():
    missing = {
        str(path.relative_to(ROOT)): words
        for path in templates()
        if (words := unmarked(path.read_text()))
    }
    assert not missing, "Words not marked for translation:\n" + "\n".join(
        f"{name}: {words}" for name, words in missing.items()
    )


def test_the_welsh_catalogue_translates_every_marked_string(tmp_path, monkeypatch):
    # `make messages` on a copy: the source through links, the catalogue
    # copied, so the real one is never rewritten.
    for entry in ROOT.iterdir():
        if entry.is_dir() and entry.name not in SKIPPED_DIRS | {"locale"}:
            if not entry.name.startswith("."):
                (tmp_path / entry.name).symlink_to(entry)
    copy = tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(CATALOGUE, copy)
    before = polib.pofile(str(copy))
    before.metadata["POT-Creation-Date"] = "2000-01-01 00:00+0000"
    before.save()
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages",
        locale=["cy"],
        no_obsolete=True,
        verbosity=0,
        add_location="file",
        symlinks=True,
    )
    catalogue = polib.pofile(str(copy))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, (
        f"{len(untranslated)} strings have no Welsh: {untranslated}"
    )
    assert not fuzzy, f"Welsh to check after the English changed: {fuzzy}"
    # makemessages wrote this copy (it dates what it gathers).
    assert catalogue.metadata["POT-Creation-Date"] != "2000-01-01 00:00+0000"
