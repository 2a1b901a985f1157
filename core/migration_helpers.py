"""Helpers for data migrations, which see historical models only (no
treebeard methods), so page-tree paths are worked out here."""

from django.db.models import F

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def section_page_add(apps, model_label: str, **fields):
    """A live child of the home page, unless one with that slug exists.
    Returns the page, or None when there is no home page yet."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    home = Page.objects.filter(
        content_type__app_label="home", content_type__model="homepage"
    ).first()
    if home is None:
        return None
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    existing = children.filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing
    last = children.order_by("-path").first()
    number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    app_label, model_name = model_label.lower().split(".")
    Model = apps.get_model(app_label, model_name)
    page = Model.objects.create(
        path=home.path + _step(number),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{fields['slug']}/",
        content_type=ContentType.objects.get_or_create(
            app_label=app_label, model=model_name
        )[0],
        locale_id=home.locale_id,
        draft_title=fields["title"],
        live=True,
        **fields,
    )
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)
    return page
