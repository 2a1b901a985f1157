"""Run axe-core on a page: the release pinned in the Makefile (AXE_VERSION),
installed from the npm registry into .cache/axe by `make axe`."""

import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = re.search(
    r"^AXE_VERSION := (\S+)$", (ROOT / "Makefile").read_text(), re.MULTILINE
)[1]
AXE_FILE = ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"

# The rule set GOV.UK Frontend tests with.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@cache
def axe_source() -> str:
    if not AXE_FILE.exists():
        pytest.fail(f"axe-core {AXE_VERSION} is not installed: run `make axe`.")
    return AXE_FILE.read_text()


def inject(page) -> str:
    """Put axe-core into the page; returns the version that is now there."""
    # Wagtail's userbar.js (a plain script at the end of the body) carries its
    # own axe-core and sets window.axe when it runs: seeing the heading does
    # not mean it has, so wait for the page's scripts before putting ours in.
    page.wait_for_load_state("load")
    # evaluate() runs outside the page's CSP, so the site's policy stays strict.
    page.evaluate(axe_source())
    return page.evaluate("axe.version")


def axe_violations(page) -> list[str]:
    """Readable lines, one per violation; an empty list means none."""
    version = inject(page)
    assert version == AXE_VERSION, f"axe-core {version} ran, not {AXE_VERSION}"
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(describe(node) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def describe(node) -> str:
    """Where, and why: axe-core's own message and the elements it blames."""
    reasons = [
        check["message"]
        + "".join(f" [{related['target']}]" for related in check["relatedNodes"][:3])
        for check in node["any"] + node["all"] + node["none"]
    ]
    return f"{node['target']} ({'; '.join(reasons)})"
