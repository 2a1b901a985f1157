from django import template
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def charter_text(text: str) -> str:
    """Paragraphs split by blank lines; a paragraph starting "## " is a
    heading. Everything is escaped: the Charter's text is never HTML."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    html = []
    for block in filter(None, blocks):
        if block.startswith("## "):
            heading, _, block = block.partition("\n")
            html.append(format_html("<h2>{}</h2>", heading[3:].strip()))
        if block.strip():
            # linebreaks() escapes the text itself when autoescape is on.
            html.append(mark_safe(linebreaks(block.strip(), autoescape=True)))
    return format_html_join("\n", "{}", ((part,) for part in html))
