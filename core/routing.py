"""Wagtail's page routing from memory, whatever the depth of the page.

Wagtail's `Page.route` walks down from the site root one level at a time:
a query for the child with the next slug, then one for its specific page,
at each level. Here the address of every page (derived once per content
generation) says which page an address is for without a query, and the
page itself, as its own type with what its template shows (when the page
type names it in `served_with`), is derived once per generation too. Where
the addresses do not answer (an address of no page), one query fetches every
page on the path by its `url_path` and Wagtail's own walk takes over from
the last one found. The answer is Wagtail's: a page type with its own
`route` (a routable page) still routes what lies below it, and only a live
page is served.

Imports only Django and Wagtail.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageViewRestriction

from .content_generation import (
    content_generation,
    derived,
    private_sections,
    site_root_paths,
)


def _routes_itself(model) -> bool:
    return model is not None and model.route is not Page.route


def page_addresses() -> dict[str, tuple[int, bool]]:
    """Every page's `url_path` → (its depth, whether it routes itself)."""

    def build():
        rows = Page.objects.values_list("url_path", "depth", "content_type_id")
        routes = {}
        return {
            url_path: (
                depth,
                routes.setdefault(
                    content_type,
                    _routes_itself(
                        ContentType.objects.get_for_id(content_type).model_class()
                    ),
                ),
            )
            for url_path, depth, content_type in rows
        }

    return derived("page-addresses", build, as_is=True)


def _address_taken(root: Page, path_components: list[str]) -> tuple[str, int] | None:
    """(the `url_path` of the page the address is for, how many components
    lead to it), or None when the addresses cannot say."""
    addresses = page_addresses()
    url_path, parent_depth = root.url_path, root.depth
    for taken, component in enumerate(path_components, start=1):
        url_path = f"{url_path}{component}/"
        found = addresses.get(url_path)
        if found is None or found[0] != parent_depth + 1:
            return None
        depth, routes_itself = found
        if routes_itself:
            return url_path, taken
        parent_depth = depth
    return url_path, len(path_components)


def route_from(root: Page, request, path_components: list[str]):
    """What `root.route(request, path_components)` answers, from memory."""
    if not path_components:
        return Page.route(root, request, [])
    if content_generation() is None:
        # The cache is down: nothing is kept, so reading every page's
        # address for each request would cost more than the pages on the path.
        return _route_from_database(root, request, path_components)
    found = _address_taken(root, path_components)
    if found is None:
        return _route_from_database(root, request, path_components)
    url_path, taken = found
    page = derived(f"served:{url_path}", lambda: _served(root, path_components[:taken]))
    # `page.url` in a template: Wagtail's site root paths without the cache.
    page._wagtail_cached_site_root_paths = site_root_paths()
    return page.route(request, path_components[taken:])


def _pages_on_path(root: Page, path_components: list[str]) -> dict[str, Page]:
    prefixes = ["/"]
    for component in path_components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    base = root.url_path.rstrip("/")
    return {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=[base + prefix for prefix in prefixes[1:]]
        ).order_by("depth")
    }


def _served(root: Page, path_components: list[str]) -> Page:
    """The page at the end of `path_components` (all of them pages), as its
    own type, knowing its parents."""
    on_path = _pages_on_path(root, path_components)
    parent, url_path = root, root.url_path
    for component in path_components:
        url_path = f"{url_path}{component}/"
        page = on_path[url_path]
        page._cached_parent_obj = parent
        parent = page
    return _specific(page)


def _route_from_database(root: Page, request, path_components: list[str]):
    """An address the page addresses do not know: the pages found on its
    path, then Wagtail's walk from the last one (a 404, mostly)."""
    on_path = _pages_on_path(root, path_components)
    base = root.url_path.rstrip("/")
    parent, prefix = root, "/"
    for depth, component in enumerate(path_components, start=1):
        prefix = f"{prefix}{component}/"
        page = on_path.get(base + prefix)
        if page is None or page.depth != parent.depth + 1:
            return Page.route(parent, request, path_components[depth - 1 :])
        page._cached_parent_obj = parent
        if _routes_itself(page.specific_class) or depth == len(path_components):
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
