from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.forms import TagWidget
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.content_checks import content_report
from core.content_generation import derived
from core.languages import current, first_in_language, page_language
from core.nations import NATION_CHOICES, NATIONS
from core.panels import ContentReportPanel
from core.routing import ServedFromCache

from .blocks import STORY_BLOCKS

PROFILE_SLUG = "profile-slug"


def _profile_url_pattern() -> str:
    """A person's profile address with PROFILE_SLUG for their slug, or ""
    without a live "Who we are" page."""
    from members.models import Profile, WhoWeArePage

    who = first_in_language(WhoWeArePage.objects.live())
    return who.profile_url(Profile(slug=PROFILE_SLUG)) if who else ""


class StoryIndexPage(ServedFromCache, Page):
    """All stories, newest first, filtered by kind, tag and nation."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "core.EasyReadPage"]
    max_count = 1

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    def get_context(self, request, *args, **kwargs):
        from .selectors import story_list

        context = super().get_context(request, *args, **kwargs)
        context.update(story_list(index=self, params=request.GET))
        return context


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class StoryPageForm(WagtailAdminPageForm):
    """A video story or podcast needs its main video or audio before it goes
    live; a draft may be saved without it."""

    def clean(self):
        cleaned = super().clean()
        publishing = any(
            key in self.data for key in ("action-publish", "action-submit")
        )
        kind = cleaned.get("kind")
        media = cleaned.get("media")
        if publishing and kind in (StoryPage.Kind.VIDEO, StoryPage.Kind.PODCAST):
            if media is None:
                self.add_error("media", _("Choose the video or audio for this story."))
            elif problems := media.accessibility_problems():
                self.add_error("media", " ".join(map(str, problems.values())))
        return cleaned


class StoryPage(ServedFromCache, Page):
    class Kind(models.TextChoices):
        BLOG = "blog", _("Blog")
        VIDEO = "video", _("Video story")
        PODCAST = "podcast", _("Podcast")

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.BLOG)
    author = models.ForeignKey(
        "members.Profile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    date = models.DateField(_("story date"), default=date.today)
    summary = models.TextField(
        max_length=300, help_text=_("One or two sentences: what is this story about?")
    )
    nation = models.CharField(max_length=20, choices=NATION_CHOICES, default="uk-wide")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("picture description"),
        max_length=255,
        blank=True,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    hero_decorative = models.BooleanField(
        _("the picture is decorative"),
        default=False,
        help_text=_("Tick only if the picture adds nothing to the words."),
    )
    media = models.ForeignKey(
        "core.AccessibleMedia",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The video (video story) or audio (podcast)."),
    )
    body = StreamField(STORY_BLOCKS, blank=True)
    tags = ClusterTaggableManager(through=StoryPageTag, blank=True)

    base_form_class = StoryPageForm
    # What a member sees: their words, pictures and media, in plain language.
    content_panels = [
        ContentReportPanel(),
        FieldPanel(
            "title",
            heading=_("Title"),
            help_text=_("A short title that says what your story is about."),
        ),
        FieldPanel("kind", heading=_("What kind of story is it?")),
        FieldPanel("summary"),
        FieldPanel("media"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_decorative"),
            ],
            heading=_("Picture at the top"),
        ),
        FieldPanel("body", heading=_("Your story")),
        FieldPanel("nation", heading=_("Which nation is it about?")),
        # A plain text box: Wagtail's tag widget adds an unlabelled input.
        FieldPanel(
            "tags",
            widget=TagWidget(),
            help_text=_(
                "A few words people might look for, with commas between "
                "them. For example: carers, Wales."
            ),
        ),
    ]
    # What the engagement lead also sees before publishing. Each field names
    # the permission too: that is what takes it out of a member's form.
    publishing_panels = [
        FieldPanel(name, permission="stories.edit_story_settings")
        for name in [
            "author",
            "date",
            "slug",
            "seo_title",
            "search_description",
            "show_in_menus",
            "go_live_at",
            "expire_at",
        ]
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Your story")),
            ObjectList(
                publishing_panels,
                heading=_("Publishing"),
                permission="stories.edit_story_settings",
            ),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("nation"),
        index.FilterField("date"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        permissions = [
            (
                "edit_story_settings",
                "Can change a story's author, date, address and search settings",
            )
        ]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_decorative and not self.hero_alt:
            raise ValidationError(
                {
                    "hero_alt": _(
                        "Describe the picture, or tick 'decorative' if it "
                        "adds nothing to the words."
                    )
                }
            )

    def content_report(self):
        return content_report(
            language=page_language(self),
            body=self.body,
            summary=self.summary,
            hero=(self.hero_image, self.hero_alt, self.hero_decorative),
        )

    @classmethod
    def served_with(cls):
        """What the story's page shows, fetched with it (core/routing.py)."""
        # Renditions prefetched, not read from the cache: Wagtail writes what
        # it read from the cache back to it, on every request.
        return cls.objects.select_related(
            "author", "hero_image", "media"
        ).prefetch_related("hero_image__renditions")

    @property
    def author_url(self) -> str:
        """The author's public profile, if they agreed to have one."""
        if not (self.author and self.author.publish_on_site):
            return ""
        pattern = derived(f"profile-url-pattern:{current()}", _profile_url_pattern)
        return pattern.replace(PROFILE_SLUG, self.author.slug)

    @property
    def nation_label(self) -> str:
        return NATIONS.get(self.nation, "")

    def get_context(self, request, *args, **kwargs):
        from .selectors import stories_related

        context = super().get_context(request, *args, **kwargs)

        def build():
            # In the editor's preview the tags are modelcluster's in-memory list.
            tags = list(self.tags.all())
            return tags, list(stories_related(story=self, tags=tags))

        if getattr(request, "is_preview", False):
            tags, related = build()
        else:
            tags, related = derived(f"story-tags-related:{self.pk}", build)
        context["tags"], context["related_stories"] = tags, related
        return context
