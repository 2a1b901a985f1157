"""The admin's user list offers "Reset two-step sign-in" to those who may
(the lead and administrators; an administrator's only to administrators)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .two_step.selectors import two_step_is_on
from .two_step.services import may_reset


@hooks.register("register_user_listing_buttons")
def two_step_reset_button(user, request_user):
    if not may_reset(by=request_user, person=user) or not two_step_is_on(user):
        return []
    url = reverse("accounts:two_step_reset", args=[user.pk])
    return [
        ListingButton(
            _("Reset two-step sign-in"),
            f"{url}?next={reverse('wagtailusers_users:index')}",
            priority=50,
        )
    ]
