from django.shortcuts import render
from taggit.models import Tag

from .selectors import site_search, tag_stories


def search(request):
    return render(request, "search/search.html", site_search(params=request.GET))


def tag_index(request):
    tags = Tag.objects.filter(stories_storypagetag_items__isnull=False).distinct()
    return render(request, "search/tag_index.html", {"tags": tags.order_by("name")})


def tag(request, slug):
    """Stories with one tag, paged. An unknown tag is explained, not an error."""
    tag = Tag.objects.filter(slug=slug).first()
    context = {"tag": tag, "slug": slug}
    if tag:
        context |= tag_stories(tag=tag, params=request.GET)
    return render(request, "search/tag.html", context)
