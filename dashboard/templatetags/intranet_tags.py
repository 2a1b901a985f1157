from django import template
from django.urls import reverse

from members import roles

register = template.Library()


@register.inclusion_tag("components/intranet_nav.html", takes_context=True)
def intranet_nav(context):
    """The members' area menu: only what this person's role can open."""
    request = context["request"]
    user = request.user
    items = [("Dashboard", reverse("dashboard:home"))]
    items.append(("Charter", reverse("charter:current")))
    if roles.is_lead(user):
        items.append(("People", reverse("members:people")))
    current = request.path
    return {
        "items": [
            {
                "title": title,
                "url": url,
                # The dashboard is the prefix of everything: match it exactly.
                "current": current == url
                if url == reverse("dashboard:home")
                else current.startswith(url),
            }
            for title, url in items
        ],
        "is_lead": roles.is_lead(user),
    }
