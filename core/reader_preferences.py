"""Reader preferences: text size, contrast, font and motion.

Stored in a signed cookie so they work without an account and without
JavaScript, and applied on the server as classes on <html> so the first
paint is already right. Anything unexpected falls back to the default.
"""

from dataclasses import asdict, dataclass, fields
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.utils.translation import gettext_lazy as _

COOKIE_SALT = "core.reader_preferences"

TEXT_SIZE_CHOICES = [
    ("standard", _("Standard")),
    ("large", _("Large")),
    ("larger", _("Larger")),
    ("largest", _("Largest")),
]
CONTRAST_CHOICES = [
    ("standard", _("Standard colours")),
    ("high", _("High contrast (yellow on black)")),
]
FONT_CHOICES = [
    ("standard", _("Standard font")),
    ("dyslexia", _("Dyslexia-friendly font (OpenDyslexic)")),
]
MOTION_CHOICES = [
    ("standard", _("Standard")),
    ("reduce", _("Reduce movement and animation")),
]

CHOICES = {
    "text_size": TEXT_SIZE_CHOICES,
    "contrast": CONTRAST_CHOICES,
    "font": FONT_CHOICES,
    "motion": MOTION_CHOICES,
}


@dataclass(frozen=True)
class ReaderPreferences:
    text_size: str = "standard"
    contrast: str = "standard"
    font: str = "standard"
    motion: str = "standard"

    @classmethod
    def from_dict(cls, data) -> "ReaderPreferences":
        """Keep only known keys with allowed values; default the rest."""
        cleaned = {}
        for field in fields(cls):
            value = data.get(field.name)
            allowed = {choice for choice, _label in CHOICES[field.name]}
            if value in allowed:
                cleaned[field.name] = value
        return cls(**cleaned)

    def updated_from(self, data) -> "ReaderPreferences":
        """Apply submitted choices: a key left out keeps its current value,
        a value we do not offer falls back to the default."""
        current = asdict(self)
        submitted = {name: data[name] for name in current if name in data}
        return ReaderPreferences.from_dict({**current, **submitted})

    @property
    def is_default(self) -> bool:
        return self == ReaderPreferences()

    @property
    def html_class(self) -> str:
        """Classes for <html>: only the choices that differ from the default."""
        return " ".join(
            f"pref-{name.replace('_', '-')}-{value}"
            for name, value in asdict(self).items()
            if value != "standard"
        )

    def as_cookie_value(self) -> str:
        return urlencode(asdict(self))


def _account_profile(request):
    # Duck-typed: core sits below the members app and does not import it.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "profile", None)


def reader_preferences_from_request(request) -> ReaderPreferences:
    """Signed in, the account's choices win, so they follow the person to
    any computer; otherwise the cookie's."""
    profile = _account_profile(request)
    if profile is not None and profile.reader_preferences:
        return ReaderPreferences.from_dict(profile.reader_preferences)
    return reader_preferences_from_cookie(request)


def reader_preferences_from_cookie(request) -> ReaderPreferences:
    """The cookie's choices alone (the page cache keys on them): a forged or
    garbage cookie is the defaults."""
    raw = request.get_signed_cookie(
        settings.READER_PREFERENCES_COOKIE, default=None, salt=COOKIE_SALT
    )
    if not raw:
        return ReaderPreferences()
    return ReaderPreferences.from_dict(dict(parse_qsl(raw)))


def reader_preferences_save(
    *, request, response, preferences: ReaderPreferences
) -> None:
    profile = _account_profile(request)
    if profile is not None:
        profile.reader_preferences = asdict(preferences)
        profile.save(update_fields=["reader_preferences"])
    if preferences.is_default:
        response.delete_cookie(settings.READER_PREFERENCES_COOKIE)
        return
    response.set_signed_cookie(
        settings.READER_PREFERENCES_COOKIE,
        preferences.as_cookie_value(),
        salt=COOKIE_SALT,
        max_age=settings.READER_PREFERENCES_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
