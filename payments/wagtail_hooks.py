from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import BenefitThreshold, PaymentPromise


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


class PromiseCreateView(CreateView):
    def get_success_buttons(self):
        # Wagtail offers "Edit"; nobody may change a promise.
        return []

    def save_instance(self):
        self.form.instance.set_by = self.request.user
        return super().save_instance()


class PaymentPromiseViewSet(SnippetViewSet):
    """How soon claims are paid. The lead sets a new promise rather than
    changing one (leads have add and view permission only), so the history
    shows which promise each claim was sent under."""

    model = PaymentPromise
    icon = "date"
    menu_label = _("Payment promise")
    menu_order = 215
    add_to_admin_menu = True
    add_view_class = PromiseCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["words", "working_days", "set_at", "set_by"]
    form_fields = ["working_days"]


register_snippet(BenefitThresholdViewSet)
register_snippet(PaymentPromiseViewSet)
