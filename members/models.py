from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from core.content_checks import content_report
from core.languages import page_language
from core.nations import NATION_CHOICES
from core.routing import ServedFromCache
from core.text import single_line


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        # Email addresses are matched without regard to case.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": email})


class User(AbstractUser):
    """A person who can sign in. Email is the login; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        help_text=_("Private. Used when someone asks to be phoned instead of emailed."),
    )

    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The members' area, notifications and emails come in this language."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # Names go into email subjects: never a line break (core/text.py).
        self.first_name = single_line(self.first_name)
        self.last_name = single_line(self.last_name)
        super().save(*args, **kwargs)


class Assembly(models.Model):
    """One of the five regional Assemblies members are drawn from."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    nation = models.CharField(max_length=20, choices=NATION_CHOICES)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = _("assemblies")

    def __str__(self):
        return self.name


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    VIDEO = "video", _("Video call")
    POST = "post", _("Letter by post")


class Skill(models.Model):
    """One entry in the group's shared list of skills and assets."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Profile(models.Model):
    """How a person appears to others. Nothing here is public unless they
    agreed (publish_on_site); people who leave keep their profile."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ENGAGEMENT_LEAD = "engagement_lead", _("Engagement lead")
        STAFF = "staff", _("Staff")
        SUPPORTER = "supporter", _("Supporter (a carer or PA)")

    user = models.OneToOneField(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="profile"
    )
    display_name = models.CharField(
        max_length=150, help_text=_("The name shown on the site.")
    )
    slug = models.SlugField(unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    assembly = models.ForeignKey(
        Assembly,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("photo description"),
        max_length=255,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("A few sentences, in the person's words."),
    )
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)
    publish_on_site = models.BooleanField(
        _("show on the public 'Who we are' page"),
        default=False,
        help_text=_("Only tick this when the person has agreed."),
    )
    publish_photo = models.BooleanField(
        _("show their photo publicly"),
        default=False,
        help_text=_("Only tick this when the person has agreed."),
    )
    pronouns = models.CharField(
        max_length=50, blank=True, help_text=_("For example: she/her, they/them.")
    )
    contact_method = models.CharField(
        _("how they like to be contacted"),
        max_length=20,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    contact_notes = models.CharField(
        _("anything else about contacting them"),
        max_length=300,
        blank=True,
        help_text=_("For example: best times to call, or who answers the phone."),
    )
    # Private: the person themselves and the engagement lead only.
    support_needs = models.TextField(_("access and support needs"), blank=True)
    reader_preferences = models.JSONField(default=dict, blank=True)
    # What staff may see in the team CV, each agreed separately.
    share_skills_with_staff = models.BooleanField(default=False)
    share_experience_with_staff = models.BooleanField(default=False)
    share_languages_with_staff = models.BooleanField(default=False)
    skills = models.ManyToManyField("Skill", blank=True, related_name="profiles")
    skills_in_own_words = models.TextField(blank=True)
    experience = models.TextField(blank=True)
    languages = models.CharField(max_length=200, blank=True)
    # "Life happens": reminders stop while paused; nothing else changes.
    paused_since = models.DateField(null=True, blank=True)
    returning_on = models.DateField(null=True, blank=True)

    panels = [
        "display_name",
        "slug",
        "role",
        "assembly",
        "user",
        "photo",
        "photo_alt",
        "bio",
        "joined_on",
        "left_on",
        "publish_on_site",
        "publish_photo",
    ]

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.display_name = single_line(self.display_name)
        self.pronouns = single_line(self.pronouns)
        super().save(*args, **kwargs)

    def clean(self):
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Describe the photo."})
        if self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": "The end date is before the start."})

    @property
    def is_current(self) -> bool:
        return self.left_on is None or self.left_on >= date.today()

    @property
    def is_member_role(self) -> bool:
        """A member of the group (not the lead, staff or a supporter)."""
        return self.role == self.Role.MEMBER

    def is_paused_on(self, day: date) -> bool:
        if self.paused_since is None or self.paused_since > day:
            return False
        return self.returning_on is None or self.returning_on > day

    @property
    def is_paused(self) -> bool:
        return self.is_paused_on(date.today())

    @property
    def shares_cv(self) -> bool:
        return (
            self.share_skills_with_staff
            or self.share_experience_with_staff
            or self.share_languages_with_staff
        )

    @property
    def public_photo(self):
        return self.photo if self.publish_photo else None

    @property
    def membership_years(self) -> str:
        """'2022–2023' for people who have left; 'since 2023' otherwise."""
        if self.is_current:
            return _("since %(year)s") % {"year": self.joined_on.year}
        if self.left_on.year == self.joined_on.year:
            return str(self.joined_on.year)
        return f"{self.joined_on.year}–{self.left_on.year}"


class Membership(models.Model):
    """A spell in one Assembly. Never deleted: the group's history."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="memberships")
    assembly = models.ForeignKey(
        Assembly, on_delete=models.PROTECT, related_name="memberships"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on"]

    def __str__(self):
        return f"{self.user} in {self.assembly}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None or self.ended_on >= date.today()


class Support(models.Model):
    """A supporter (a carer or PA, with their own login) who may act for a
    member. The member asks; only the person asked agrees (accepted_at), so
    nobody is made someone's supporter without saying yes. Until then the
    request is open and acting is not possible. Ending it (or declining)
    keeps the record of what they did."""

    member = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="supporters"
    )
    # Empty while the address asked has no account yet: it is filled in when
    # an account for `email` comes into being (accounts.services).
    supporter = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="supporting",
    )
    # As the member typed them: shown to the member while they wait, so the
    # page never shows the name on someone's account before they agree.
    name = models.CharField(max_length=300, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "supporter"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_support_per_pair",
            ),
            models.UniqueConstraint(
                Lower("email"),
                "member",
                condition=models.Q(ended_at__isnull=True, supporter__isnull=True),
                name="one_open_request_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.supporter or self.email} supports {self.member}"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def asked_name(self) -> str:
        """Who the member asked, in the member's own words until they agree."""
        if self.accepted_at and self.supporter:
            return str(self.supporter)
        return self.name or self.email or str(self.supporter)


class OnBehalfRecord(models.Model):
    """Something a supporter did for a member, shown to the member. It stays
    when the supporter's account is deleted: their name is kept with it."""

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    supporter = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supporter_name = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.done_by} for {self.member}: {self.action}"

    @property
    def done_by(self) -> str:
        if self.supporter_id:
            return str(self.supporter)
        return f"{self.supporter_name or 'A supporter'} (account since closed)"


class WhoWeArePage(ServedFromCache, RoutablePageMixin, Page):
    """The group's members by Assembly, with a page for each person who agreed
    to be shown: /who-we-are/ and /who-we-are/<slug>/."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "introduction"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("who we are page")

    def content_report(self):
        return content_report(
            language=page_language(self), body=None, summary=self.introduction
        )

    @path("")
    def index(self, request):
        from .selectors import who_we_are

        return self.render(request, context_overrides=who_we_are())

    @path("<slug:slug>/")
    def profile(self, request, slug):
        from .selectors import profile_public_get, profile_stories_public

        profile = profile_public_get(slug=slug)
        if profile is None:
            raise Http404("No such person")
        return self.render(
            request,
            template="members/profile_page.html",
            context_overrides={
                "profile": profile,
                "stories": profile_stories_public(profile=profile),
            },
        )

    def get_sitemap_urls(self, request=None):
        from .selectors import profiles_public

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [{"location": f"{base}{p.slug}/"} for p in profiles_public()]
        return urls

    def profile_url(self, profile) -> str:
        return self.url + self.reverse_subpage("profile", kwargs={"slug": profile.slug})
