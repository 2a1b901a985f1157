"""Projects, their updates and who follows them. Nothing is deleted: an
update keeps its words and its writer's name if their account goes."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.content_checks import content_report
from core.languages import page_language
from core.routing import ServedFromCache

PERSON = settings.AUTH_USER_MODEL
TEXT_MAX = 5000


class Project(models.Model):
    """A piece of the organisation's work staff keep the group told about."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=220,
        unique=True,
        help_text=_("The end of its public address, made once from the name."),
    )
    workstream = models.ForeignKey(
        "opportunities.Workstream", on_delete=models.PROTECT, related_name="projects"
    )
    purpose = models.TextField(_("what it is for"))
    # Someone of staff, or the lead; kept empty if their account goes.
    contact = models.ForeignKey(
        PERSON,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who to contact"),
    )
    opportunities = models.ManyToManyField(
        "opportunities.Opportunity", blank=True, related_name="projects"
    )
    meetings = models.ManyToManyField(
        "impact.Meeting", blank=True, related_name="projects"
    )
    is_public = models.BooleanField(
        _("show on the public site"),
        default=False,
        help_text=_(
            "Appears under “What we are working on” with its updates, "
            "never who wrote them."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class ProjectUpdate(models.Model):
    """What happened on a project, in plain text, newest first."""

    project = models.ForeignKey(
        Project, on_delete=models.PROTECT, related_name="updates"
    )
    text = models.TextField()
    # Who wrote it, and their name then, kept if their account is deleted.
    written_by = models.ForeignKey(
        PERSON, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_by_name = models.CharField(max_length=300, blank=True)
    posted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-posted_at", "-pk"]

    def __str__(self):
        return f"Update on {self.project_id} at {self.posted_at:%Y-%m-%d %H:%M}"

    @property
    def writer_name(self) -> str:
        if self.written_by_id:
            return str(self.written_by)
        return format_lazy(
            _("{name} (account since closed)"),
            name=self.written_by_name or _("Someone"),
        )


class ProjectFollow(models.Model):
    """A person hears of each new update, at the rhythm they chose."""

    person = models.ForeignKey(PERSON, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "project"], name="projects_one_follow_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person_id} follows {self.project_id}"


class ProjectsPage(ServedFromCache, RoutablePageMixin, Page):
    """ "What we are working on": the projects marked public, each with a
    page of its own (/what-we-are-working-on/<slug>/) with its updates,
    never who wrote them."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "introduction"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "projects page"

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    @path("")
    def index(self, request):
        from .selectors import projects_public

        return self.render(request, context_overrides={"projects": projects_public()})

    @path("<slug:slug>/")
    def project(self, request, slug):
        from .selectors import project_public_get, project_public_meetings

        project = project_public_get(slug=slug)
        if project is None:
            raise Http404("No such project")
        return self.render(
            request,
            template="projects/projects_page_project.html",
            context_overrides={
                "project": project,
                "meetings": project_public_meetings(project=project),
            },
        )

    # Its addresses need only the page's own columns: the sitemap need not
    # read it whole (core/sitemaps.py), so `self` may be a plain Page.
    sitemap_urls_from_page = True

    def get_sitemap_urls(self, request=None):
        from .selectors import projects_public

        urls = Page.get_sitemap_urls(self, request)
        base = self.get_full_url(request)
        urls += [{"location": f"{base}{p.slug}/"} for p in projects_public()]
        return urls

    def project_url(self, project) -> str:
        return self.url + self.reverse_subpage("project", kwargs={"slug": project.slug})
