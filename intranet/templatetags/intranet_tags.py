from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from members import roles
from members.acting import person_for

register = template.Library()


@register.inclusion_tag("intranet/components/nav.html", takes_context=True)
def intranet_nav(context):
    """The members' area menu: only what this person's role can open, and
    a banner while a supporter acts for a member."""
    request = context["request"]
    user = request.user
    person = person_for(request)
    dashboard = reverse("intranet:home")
    items = [(_("Dashboard"), dashboard), (_("Charter"), reverse("charter:current"))]
    within = {}
    if roles.is_member(person):
        items.append((_("Opportunities"), reverse("opportunities:list")))
        items.append((_("My plan"), reverse("plans:mine")))
        items.append((_("Payments"), reverse("payments:mine")))
        items.append((_("Meetings"), reverse("meetings:list")))
    items.append((_("My profile"), reverse("members:profile")))
    if roles.is_lead(user):
        items.append((_("Opportunities"), reverse("opportunities:manage_list")))
        items.append((_("Claims"), reverse("payments:claims")))
        # For the lead every payments page (a claim, a receipt) is claims work.
        within[_("Claims")] = reverse("payments:mine")
        items.append((_("Plans"), reverse("plans:all")))
        items.append((_("Meetings"), reverse("meetings:manage_list")))
        items.append((_("People"), reverse("members:people")))
        items.append((_("Format requests"), reverse("format_requests:list")))
        items.append((_("Networks"), reverse("networks_manage:list")))
    if roles.is_staff_member(user) and not roles.is_lead(user):
        items.append((_("Requests for input"), reverse("opportunities:requests")))
        items.append((_("Meetings"), reverse("meetings:list")))
    if roles.is_lead(user) or roles.is_staff_member(user):
        items.append((_("Figures"), reverse("figures:figures")))
    if roles.can_browse_team_cv(user):
        items.append((_("Team CV"), reverse("members:team_cv")))
    # Issue 19: the reflections log and what changed, for every role of the group.
    if roles.is_member(person) or roles.is_lead(user) or roles.is_staff_member(user):
        items.append((_("Reflections"), reverse("reflections:list")))
        items.append((_("What changed"), reverse("changes:list")))
        items.append((_("Impact"), reverse("impact:dashboard")))
        # Issue 20: the channel between the group and the wider team.
        items.append((_("Channel"), reverse("channel:list")))
        items.append((_("Projects"), reverse("projects:list")))
    # Were we heard? Members answer; the lead makes the calls and reads them.
    if roles.is_member(person):
        items.append((_("Were we heard?"), reverse("heard:list")))
    if roles.is_lead(user):
        items.append((_("Were we heard?"), reverse("heard:manage")))
    current = request.path
    return {
        "items": [
            {
                "title": title,
                "url": url,
                # The dashboard is the prefix of everything: match it exactly.
                "current": current == url
                if url == dashboard
                else current.startswith((url, within.get(title, url))),
            }
            for title, url in items
        ],
        "acting_for": person if person != user else None,
        "request": request,
    }
