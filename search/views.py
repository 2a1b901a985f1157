from django.shortcuts import render
from taggit.models import Tag

from stories.models import StoryPage

from .selectors import site_search


def search(request):
    return render(request, "search/search.html", site_search(params=request.GET))


def tag_index(request):
    tags = Tag.objects.filter(stories_storypagetag_items__isnull=False).distinct()
    return render(request, "search/tag_index.html", {"tags": tags.order_by("name")})


def tag(request, slug):
    """Stories with one tag. An unknown tag is explained, not an error."""
    tag = Tag.objects.filter(slug=slug).first()
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(tags=tag)
        .select_related("author", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date")
        if tag
        else StoryPage.objects.none()
    )
    return render(
        request,
        "search/tag.html",
        {"tag": tag, "slug": slug, "stories": stories},
    )
