"""Issue 21: the editor's "Share your experience" panel in Welsh."""

from django.template.loader import render_to_string
from django.utils import translation

from moderation.wagtail_hooks import WritePanel


def test_the_write_panel_speaks_welsh():
    panel = WritePanel([])
    with translation.override("cy"):
        html = render_to_string(panel.template_name, panel.get_context_data())
        assert "Rhannwch eich profiad" in html
