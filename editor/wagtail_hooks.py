from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editor/editor.css"))


@hooks.register("insert_global_admin_js")
def upstream_fixes():
    """Wagtail's own accessibility problems, worked around (editor/upstream.py)."""
    return format_html('<script src="{}"></script>', static("editor/upstream-fixes.js"))
