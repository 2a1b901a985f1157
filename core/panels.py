from wagtail.admin.panels import Panel


class ContentReportPanel(Panel):
    """The accessibility and plain-language report (core/content_checks.py)
    for the page as last saved, for the writer and for the reviewer."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/content_report.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            saved = self.instance is not None and self.instance.pk
            context["findings"] = self.instance.content_report() if saved else None
            return context
