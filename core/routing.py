"""Wagtail's page routing in two queries, whatever the depth of the page.

Wagtail's `Page.route` walks down from the site root one level at a time:
a query for the child with the next slug, then one for its specific page,
at each level. Here one query fetches every page on the path by its
`url_path`, and one more the specific page the address is for (with what
its template shows, when the page type names it in `served_with`). The
answer is Wagtail's: a page type with its own `route` (a routable page)
still routes what lies below it, and only a live page is served.

Imports only Django and Wagtail.
"""

from wagtail.models import Page, PageViewRestriction

from .content_generation import private_sections


def _routes_itself(page: Page) -> bool:
    return page.specific_class.route is not Page.route


def route_from(root: Page, request, path_components: list[str]):
    """What `root.route(request, path_components)` answers, in fewer queries."""
    if not path_components:
        return Page.route(root, request, [])
    prefixes = ["/"]
    for component in path_components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    base = root.url_path.rstrip("/")
    on_path = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=[base + prefix for prefix in prefixes[1:]]
        ).order_by("depth")
    }
    parent = root
    for depth, prefix in enumerate(prefixes[1:], start=1):
        page = on_path.get(base + prefix)
        if page is None or page.depth != parent.depth + 1:
            return Page.route(parent, request, path_components[depth - 1 :])
        page._cached_parent_obj = parent
        if _routes_itself(page) or depth == len(path_components):
            break
        parent = page
    return _specific(page).route(request, path_components[depth:])


def _specific(page: Page) -> Page:
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    served_with = getattr(model, "served_with", None)
    queryset = served_with() if served_with else model._default_manager.all()
    specific = queryset.get(pk=page.pk)
    specific._cached_parent_obj = getattr(page, "_cached_parent_obj", None)
    return specific


class ServedFromCache:
    """A page type whose view restrictions come from the cached list of
    private sections: Wagtail reads the page's ancestors and then their
    restrictions, two queries on every page, when the site has none."""

    def get_view_restrictions(self):
        if not private_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
