"""Run axe-core (as shipped in the pinned axe-playwright-python) on a page."""

from pathlib import Path

import axe_playwright_python

AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()

# The rule set GOV.UK Frontend tests with.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Readable lines, one per violation; an empty list means none."""
    # evaluate() runs outside the page's CSP, so the site's policy stays strict.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]
