import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import CallBack, OutboxEmail


class MadeByTheServicePolicy(ModelPermissionPolicy):
    """Emails and call-backs are made by the notification service: nobody adds,
    edits or deletes them here. The lead acts through admin_views instead."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(OutboxEmail, MadeByTheServicePolicy(OutboxEmail))
register_permission_policy(CallBack, MadeByTheServicePolicy(CallBack))


class MessagesIndexView(IndexView):
    """A listing with one action button on the rows that need it."""

    results_template_name = "notifications/admin/index_results.html"
    action_label = ""
    action_url_name = ""
    action_permission = ""
    action_icon = ""

    def action_needed(self, instance) -> bool:
        raise NotImplementedError

    def action_describes(self, instance) -> str:
        raise NotImplementedError

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if self.action_needed(instance) and self.request.user.has_perm(
            self.action_permission
        ):
            buttons.insert(
                0,
                ListingButton(
                    self.action_label,
                    url=reverse(self.action_url_name, args=[instance.pk]),
                    icon_name=self.action_icon,
                    attrs={
                        "aria-label": f"{self.action_label}: "
                        f"{self.action_describes(instance)}"
                    },
                ),
            )
        return buttons


class OutboxIndexView(MessagesIndexView):
    action_label = _("Send again")
    action_url_name = "notification_emails:retry"
    action_permission = "notifications.change_outboxemail"
    action_icon = "resubmit"

    def action_needed(self, instance) -> bool:
        return instance.state == OutboxEmail.State.FAILED

    def action_describes(self, instance) -> str:
        return instance.subject

    @cached_property
    def header_buttons(self):
        """After an outage, every failed email is sent again with one click."""
        buttons = super().header_buttons
        if (
            self.request.user.has_perm(self.action_permission)
            and OutboxEmail.objects.filter(state=OutboxEmail.State.FAILED).exists()
        ):
            buttons.append(
                HeaderButton(
                    _("Send every failed email again"),
                    url=reverse("notification_emails:retry_all"),
                    icon_name=self.action_icon,
                )
            )
        return buttons


class OutboxViewSet(ModelViewSet):
    model = OutboxEmail
    name = "notification_emails"
    url_prefix = "emails"
    icon = "mail"
    menu_label = _("Emails")
    index_view_class = OutboxIndexView
    list_display = [
        "subject",
        "to_address",
        Column("state", label=_("State"), accessor="get_state_display"),
        "attempts",
        "created_at",
    ]
    list_filter = ["state"]
    search_fields = ["subject", "to_address"]
    inspect_view_enabled = True
    # Enough to run the outbox, and never the words: an email's body may hold
    # a member's private words (a plan comment, a claim query) that only they
    # and the lead may read, and nobody but the recipient reads an account
    # email. The body is in no listing, search or detail screen.
    inspect_view_fields = [
        "to_address",
        "subject",
        "state",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
        "message_id",
    ]
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("retry/<int:pk>/", admin_views.outbox_email_retry, name="retry"),
            path("retry-all/", admin_views.outbox_retry_all, name="retry_all"),
        ]


class CallBackIndexView(MessagesIndexView):
    action_label = _("Mark as done")
    action_url_name = "notification_call_backs:done"
    action_permission = "notifications.change_callback"
    action_icon = "check"

    def action_needed(self, instance) -> bool:
        return not instance.is_done

    def action_describes(self, instance) -> str:
        return gettext("call %(person)s") % {"person": instance.notification.recipient}

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("notification__recipient")


class CallBackFilterSet(WagtailFilterSet):
    still_to_do = django_filters.BooleanFilter(
        field_name="done_at", lookup_expr="isnull", label=_("Still to do")
    )

    class Meta:
        model = CallBack
        fields = []


class CallBackViewSet(ModelViewSet):
    model = CallBack
    name = "notification_call_backs"
    url_prefix = "call-backs"
    icon = "mobile-alt"
    menu_label = _("Call-backs")
    index_view_class = CallBackIndexView
    list_display = [
        Column("person", label=_("Person"), accessor="notification.recipient"),
        Column("phone", label=_("Phone"), accessor="notification.recipient.phone"),
        Column(
            "message", label=_("Message to read out"), accessor="notification.subject"
        ),
        "created_at",
        Column("done", label=_("Done"), accessor="done_at"),
    ]
    filterset_class = CallBackFilterSet
    inspect_view_enabled = True
    inspect_view_fields = ["notification", "created_at", "done_at", "done_by", "note"]
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("done/<int:pk>/", admin_views.call_back_done, name="done"),
        ]


class NotificationsGroup(ModelViewSetGroup):
    menu_label = _("Messages")
    menu_icon = "mail"
    menu_order = 300
    items = [CallBackViewSet, OutboxViewSet]


@hooks.register("register_admin_viewset")
def register_viewset():
    return NotificationsGroup()
