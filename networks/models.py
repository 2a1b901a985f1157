"""Co-production and lived-experience networks: an entry anyone may suggest,
shown publicly only once the engagement lead approves it. Nothing is
deleted: an entry no longer wanted is hidden."""

from datetime import date, timedelta

from django.core.validators import URLValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.content_checks import content_report
from core.languages import page_language
from core.nations import NATION_CHOICES
from core.routing import ServedFromCache

# The four nations (core.nations, as stories, resources and Assemblies name
# them); a network across all four ticks each.
NETWORK_NATIONS = [
    (value, label) for value, label in NATION_CHOICES if value != "uk-wide"
]


class Topic(models.TextChoices):
    MENTAL_HEALTH = "mental-health", _("Mental health")
    SOCIAL_CARE = "social-care", _("Social care")
    CARERS = "carers", _("Carers")
    DISABILITY = "disability", _("Disability")
    HEALTH_RESEARCH = "health-research", _("Health research")
    HOUSING = "housing", _("Housing")
    YOUNG_PEOPLE = "young-people", _("Children and young people")
    OLDER_PEOPLE = "older-people", _("Older people")
    RACE_EQUALITY = "race-equality", _("Race equality")


# A link is to a web page: http or https, never javascript: or a file.
web_address = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting https://")
)

CHECK_EVERY = timedelta(days=365)


class Network(models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Waiting for approval")
        APPROVED = "approved", _("Shown in the directory")
        HIDDEN = "hidden", _("Hidden")

    name = models.CharField(max_length=200)
    nations = models.JSONField(_("nations"), default=list)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    who_for = models.TextField(_("who it is for"), blank=True)
    how_to_join = models.TextField(_("how to join"), blank=True)
    accessibility = models.TextField(_("accessibility of their meetings"), blank=True)
    link = models.CharField(
        _("web address"), max_length=500, blank=True, validators=[web_address]
    )
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUGGESTED
    )
    suggested_by_name = models.CharField(_("your name"), max_length=150, blank=True)
    suggested_by_email = models.EmailField(_("your email address"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.SUGGESTED

    @property
    def is_hidden(self) -> bool:
        return self.status == self.Status.HIDDEN

    def nation_labels(self) -> list[str]:
        names = dict(NETWORK_NATIONS)
        return [names[n] for n in names if n in self.nations]

    def topic_labels(self) -> list[str]:
        return [label for value, label in Topic.choices if value in self.topics]

    def needs_check(self, *, today: date) -> bool:
        return self.last_checked is None or today - self.last_checked > CHECK_EVERY


class NetworksPage(ServedFromCache, RoutablePageMixin, Page):
    """The approved networks, filtered by nation and topic with a plain GET
    form: /networks/?nation=wales&topic=carers (both parameters are among
    those the page cache keeps, core/page_cache.py)."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "introduction"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "networks page"

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    @path("")
    def index(self, request):
        from .forms import NetworkFilterForm
        from .selectors import networks_directory

        nation = request.GET.get("nation", "")
        topic = request.GET.get("topic", "")
        if nation not in dict(NETWORK_NATIONS):
            nation = ""
        if topic not in Topic.values:
            topic = ""
        return self.render(
            request,
            context_overrides={
                "networks": networks_directory(nation=nation, topic=topic),
                "nation": nation,
                "topic": topic,
                "filter_form": NetworkFilterForm(
                    initial={"nation": nation, "topic": topic}
                ),
                "filtered": bool(nation or topic),
            },
        )

    @path("<int:pk>/")
    def network(self, request, pk):
        from .selectors import network_public_get

        network = network_public_get(pk=pk)
        if network is None:
            raise Http404("No such network")
        return self.render(
            request,
            template="networks/network.html",
            context_overrides={"network": network},
        )

    def get_sitemap_urls(self, request=None):
        from .selectors import networks_directory

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [{"location": f"{base}{n.pk}/"} for n in networks_directory()]
        return urls
