from django.http import Http404
from wagtail import hooks

from . import languages


@hooks.register("before_serve_page")
def only_pages_in_the_language_of_their_address(page, request, args, kwargs):
    """Welsh addresses show Welsh pages only. Until the home page has a Welsh
    version, Wagtail would route /cy/… through the English pages: "not
    found" instead, so no English page is ever passed off as Welsh."""
    if languages.page_language(page) != languages.current():
        raise Http404
