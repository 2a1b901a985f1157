"""Filtering and paging for public lists. A bad value never errors: it is
ignored and explained in a notice the page shows. Notices are lazy: a list
is kept (core/content_generation.py) for readers of either language."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


def choice_filters_apply(*, queryset, params, specs, notices, filters):
    """Filter by each (param, field, {value: label}, notice) the request names.

    Known values filter and are recorded in `filters`; unknown ones add the
    notice (a whole sentence, for translators) and are ignored.
    """
    for param, field, known, unknown_notice in specs:
        value = params.get(param, "")
        if not value:
            continue
        if value in known:
            queryset = queryset.filter(**{field: value})
            filters[param] = known[value]
        else:
            notices.append(unknown_notice)
    return queryset


def page_get(*, items, params, per_page, notices):
    """The requested page of `items`, or page 1 with a notice."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(params.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        notices.append(_("That page number does not exist; this is page 1."))
        return paginator.page(1)


def page_kept(page: Page) -> Page:
    """`page` with its items read and a paginator that counts a range: what
    is kept of a listing (core/content_generation.py) without the query
    behind it, which pickling would run for every item."""
    paginator = Paginator(range(page.paginator.count), page.paginator.per_page)
    return Page(list(page.object_list), page.number, paginator)
