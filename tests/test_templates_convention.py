"""Where templates live, and how a form is written: one convention, checked.

A page's template is `<app>/<page>.html`; a piece used only inside other
templates is a component: `templates/components/` when shared,
`<app>/templates/<app>/components/` when one app's own. A form with fields is
`components/form.html` (error summary, fields, button), not written out again.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", ".cache", "node_modules"}
INCLUDE = re.compile(r'{%\s*include\s+"([^"]+)"')
EXTENDS = re.compile(r'{%\s*extends\s+"([^"]+)"')


def _templates():
    """Every template by the name Django loads it with ("payments/claim.html")."""
    found = {}
    for path in ROOT.glob("**/templates/**/*.html"):
        parts = path.relative_to(ROOT).parts
        if SKIP & set(parts):
            continue
        last = len(parts) - 1 - parts[::-1].index("templates")
        found["/".join(parts[last + 1 :])] = path
    return found


TEMPLATES = _templates()


def _is_component(name):
    return "components" in name.split("/")[:-1]


def _python_source():
    return "\n".join(
        path.read_text()
        for path in ROOT.glob("**/*.py")
        if not SKIP & set(path.relative_to(ROOT).parts)
    )


def test_the_templates_are_found():
    assert "base.html" in TEMPLATES
    assert "components/form.html" in TEMPLATES


def test_no_template_lives_in_an_includes_folder_or_starts_with_an_underscore():
    misplaced = [
        name
        for name in TEMPLATES
        if "includes" in name.split("/")[:-1] or name.rsplit("/", 1)[-1][0] == "_"
    ]
    assert misplaced == [], "Put pieces in a components/ folder, named plainly."


def test_a_template_used_only_inside_others_is_a_component():
    included, extended = set(), set()
    for path in TEMPLATES.values():
        text = path.read_text()
        included.update(INCLUDE.findall(text))
        extended.update(EXTENDS.findall(text))
    assert "components/form.html" in included
    python = _python_source()
    only_included = [
        name
        for name in TEMPLATES
        if name in included
        and name not in extended
        and f'"{name}"' not in python
        and not _is_component(name)
    ]
    assert only_included == [], "Move these to a components/ folder."


def test_a_page_uses_the_form_component_rather_than_writing_a_form_out():
    written_out = []
    for name, path in TEMPLATES.items():
        text = path.read_text()
        if _is_component(name) or "<form" not in text:
            continue
        summary = (
            'class="error-summary"' in text or "components/form_errors.html" in text
        )
        # A form that carries a formset as well composes its own fields; its
        # summary (every line's errors too) is then an app component.
        fields = "components/form_fields.html" in text and "management_form" not in text
        if summary or fields:
            written_out.append(name)
    assert written_out == [], 'Use {% include "components/form.html" %}.'
