from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BenefitThreshold


class BenefitThresholdViewSet(SnippetViewSet):
    """The earnings limits members see beside their own figures; the lead
    keeps them up to date when the rules change each April."""

    model = BenefitThreshold
    icon = "table"
    menu_label = _("Benefit thresholds")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "amount", "period", "applies_from"]
    list_filter = ["period"]
    search_fields = ["name", "notes"]


register_snippet(BenefitThresholdViewSet)
