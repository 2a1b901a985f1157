from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from members import roles
from members.selectors import active_in_role
from notifications.models import Kind
from notifications.services import notify

from .models import Network


@transaction.atomic
def network_suggest(*, fields: dict) -> Network:
    """Record a suggestion (waiting for approval) and tell every lead."""
    network = Network.objects.create(status=Network.Status.SUGGESTED, **fields)
    who = network.suggested_by_name or _("Someone")
    notify(
        recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS),
        kind=Kind.GENERAL,
        subject=format_lazy(
            _("{who} suggests a network: {name}"), who=who, name=network.name
        ),
        body=network.who_for,
        url=reverse("networks_manage:edit", args=[network.pk]),
        dedupe_key=f"network-suggested:{network.pk}",
        target=network,
    )
    return network


def network_save(*, network: Network) -> Network:
    """The lead's edit, approval or hiding: the form has set the fields."""
    network.full_clean()
    network.save()
    return network


def network_checks_remind(*, today: date) -> int:
    """Tell the leads about each shown network last checked over a year ago
    (or never): once a year per network. Returns how many were due."""
    due = [
        network
        for network in Network.objects.filter(status=Network.Status.APPROVED)
        if network.needs_check(today=today)
    ]
    leads = list(active_in_role(group_name=roles.ENGAGEMENT_LEADS))
    for network in due:
        notify(
            recipients=leads,
            kind=Kind.GENERAL,
            subject=format_lazy(
                _("Time to check the network {name}"), name=network.name
            ),
            body=_(
                "Is its link, how to join and who it is for still right? "
                "Change the date it was last checked when you have looked."
            ),
            url=reverse("networks_manage:edit", args=[network.pk]),
            dedupe_key=f"network-check:{network.pk}:{today.year}",
            target=network,
        )
    return len(due)
