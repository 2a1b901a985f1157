from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Workstream


class WorkstreamViewSet(SnippetViewSet):
    """The organisation's areas of work that requests and opportunities
    belong to; the lead keeps the list in the admin."""

    model = Workstream
    icon = "list-ul"
    menu_label = _("Workstreams")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(WorkstreamViewSet)
