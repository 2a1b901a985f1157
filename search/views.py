from django.shortcuts import render

from stories.selectors import story_tags_all

from .selectors import site_search, tag_stories


def search(request):
    return render(request, "search/search.html", site_search(params=request.GET))


def tag_index(request):
    """The tags of the stories in the reader's language."""
    tags = story_tags_all().order_by("name")
    return render(request, "search/tag_index.html", {"tags": tags})


def tag(request, slug):
    """Stories with one tag, paged. An unknown tag is explained, not an error."""
    tag = story_tags_all().filter(slug=slug).first()
    context = {"tag": tag, "slug": slug}
    if tag:
        context |= tag_stories(tag=tag, params=request.GET)
    return render(request, "search/tag.html", context)
