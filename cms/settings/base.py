"""Settings shared by every environment.

Safe by default: DEBUG is off and secrets come only from the environment.
Development values live in dev.py, test values in test.py, and production
requirements in production.py.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Whether `load_demo_content` may run. Only dev.py and test.py switch it on.
DEMO_CONTENT_ALLOWED = False

INSTALLED_APPS = [
    # Project apps, lowest layer first (see README "Where things live").
    "core",
    "notifications",
    "members",
    "accounts",
    "home",
    "stories",
    "library",
    "charter",
    "plans",
    "formats",
    "networks",
    "opportunities",
    "payments",
    "figures",
    "impact",
    "channel",
    "projects",
    "search",
    "editor",
    "intranet",
    "demo",
    # Wagtail
    # Translating pages and snippets into Welsh, segment by segment (its
    # locales screen replaces Wagtail's own).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailaccessibility",
    "wagtailmedia",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "modelcluster",
    "taggit",
    "django_filters",
    # After wagtail.admin, whose workflow emails it replaces with notify().
    "moderation",
    # Django and friends
    "django_q",
    "axes",
    # Two-step sign-in (accounts/two_step): authenticator codes and the
    # single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early, so every log line of the request carries its id.
    "core.request_id.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and sign-in: a page cache hit does none of that work.
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything asks Wagtail which site this is.
    "core.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's, choosing the language from the address (/cy/…) or, in the
    # members' area, from the member's own setting; never from the browser.
    "core.middleware.LocaleMiddleware",
    # Whether this session gave its two-step code; then those who must give
    # one (or chose to) see only the two-step pages until they do.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_step.middleware.TwoStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: a sign-in past its time limits ends, saying why.
    "core.middleware.SessionLimitsMiddleware",
    # Wagtail's reports answer only to those who may review; syncing
    # translations never publishes them.
    "moderation.middleware.ReportsForReviewersMiddleware",
    "moderation.middleware.SyncNeverPublishesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.middleware.PrivatePagesNoStoreMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into our page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.reader_preferences",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the task worker write to one SQLite file: WAL lets
    # readers carry on while one writes, IMMEDIATE transactions and a busy
    # timeout make writers queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out sign-in before the password is even checked
    # (django-axes' AxesBackend, loading the person as the next one does).
    "accounts.backends.LockoutBackend",
    # ModelBackend, loading the person with what every page asks about them.
    "accounts.backends.SignedInBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "intranet:home"
LOGOUT_REDIRECT_URL = "/"
# One accessible sign-in page for members, staff and the lead alike, and one
# way to a new password (through the outbox): Wagtail's own reset is off.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False

LANGUAGE_CODE = "en-gb"
# English (United Kingdom) and Welsh: the interface through Django's catalogue
# (locale/cy/LC_MESSAGES/django.po, compiled by `make`), the pages through
# Wagtail's locales and wagtail-localize.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation of a live page starts as a draft (wagtail-localize would
# publish it at once, still in English); it goes live through the page's
# workflow (moderation/wagtail_hooks.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Members-only files (core/storage.py): never served by the web server.
PRIVATE_MEDIA_ROOT = env.path(
    "PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Receipts and Easy Read Charters: PRIVATE_MEDIA_ROOT, with no URL.
    "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
}

# Sessions (README "Signing in"): a sign-in lasts until the browser is closed,
# ends after SESSION_IDLE_MINUTES without activity and SESSION_MAX_HOURS after
# it began whatever happens (core/sessions.py), so a shared computer does not
# stay signed in.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_MAX_HOURS = env.int("SESSION_MAX_HOURS", default=8)
SESSION_COOKIE_AGE = 60 * 60 * SESSION_MAX_HOURS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Read from the cache, written through to the database: a signed-in page
# does not query for its session, and a cache outage falls back to the table.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Password reset links work for 2 hours; sign-in links for 15 minutes;
# invitations for 14 days.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2
SIGN_IN_LINK_MINUTES = 15
INVITATION_DAYS = 14

# Retention (README "Keeping only what is needed"): daily purges, each period
# in days. Held receipts of claim forms nobody finished; sign-in links once
# expired or used (kept a day so an old link says "used", not "unknown");
# invitations never accepted (expired or replaced), counted from their expiry
# so the "send me a new one" page still works for a while. Accepted
# invitations are kept: they record who invited whom.
RETENTION_HELD_RECEIPTS_DAYS = 2
RETENTION_SIGN_IN_LINKS_DAYS = 1
RETENTION_INVITATIONS_DAYS = 30

# django-axes: 5 wrong passwords for one account from one address lock that
# pair only (another member at the same day-centre computer can still sign
# in); the lock ends by itself 15 minutes after the last failure, and trying
# again while locked does not extend it. Success clears the count.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.views.axes_username"
# Only failures are kept (data minimisation): no log of every sign-in.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# One client address for the lockout and the rate limits (core/client_address.py):
# REMOTE_ADDR, or behind N proxies (production's AXES_PROXY_COUNT) the Nth
# address from the right of X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
CLIENT_ADDRESS_PROXY_COUNT = 0

# Rate limits on what anyone can send without signing in (core/rate_limits.py):
# (attempts, seconds) per address and per account typed, counted in the cache.
RATE_LIMITS = {
    "sign_in": {"address": (20, 10 * 60), "account": (10, 10 * 60)},
    "password_reset": {"address": (10, 60 * 60), "account": (3, 60 * 60)},
    "sign_in_link": {"address": (10, 60 * 60), "account": (3, 15 * 60)},
    "another_format": {"address": (5, 60 * 60)},
    "suggest_network": {"address": (5, 60 * 60)},
}

# Two-step sign-in: the name authenticator apps show beside the account.
# django-otp's throttling stays on: each wrong code doubles the wait before
# the next try (1, 2, 4 ... seconds).
OTP_TOTP_ISSUER = "Co-production Hub"

# Email: console in development; EMAIL_URL (smtp+tls://user:pass@host:587)
# in production.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Co-production Hub <hub@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that hangs must not outlast the task timeout (Q_CLUSTER).
EMAIL_TIMEOUT = 20

# The outbox (notifications/outbox.py): attempts before an email is marked
# failed, and the first wait between attempts (doubling, at most 6 hours).
NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = 8
NOTIFICATIONS_EMAIL_RETRY_SECONDS = 60
# How long a row a dead worker left "sending" waits before it is sent again:
# longer than the task timeout (Q_CLUSTER), so a live worker is never
# overtaken. The local stack (`make stack`) shortens it for its kill test.
NOTIFICATIONS_EMAIL_CLAIM_LEASE_SECONDS = env.int(
    "NOTIFICATIONS_EMAIL_CLAIM_LEASE_SECONDS", default=10 * 60
)
# Kept only as long as needed (notifications/retention.py, daily): the words
# of sent emails, and notifications read this long ago.
RETENTION_SENT_EMAIL_BODIES_DAYS = 30
RETENTION_READ_NOTIFICATIONS_DAYS = 365

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache for anonymous readers (core/page_cache.py, README "Page
# cache"): how long a page is kept, in seconds; 0 turns it off. At most
# PAGE_CACHE_QUERY_VARIANTS pages with a query string (search, filters,
# paging) are stored in that time, so random queries cannot fill the cache.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_QUERY_VARIANTS = 200

# django-q2. The ORM broker delivers at least once and would retry forever:
# timeout stays below retry so a slow task is not handed out twice, attempts
# are capped, and missed schedules are not all fired after an outage.
Q_CLUSTER = {
    "name": "coproduction-hub",
    "orm": "default",
    "workers": 2,
    "timeout": 60,
    "retry": 90,
    "max_attempts": 5,
    "catch_up": False,
    "ack_failures": True,
    "save_limit": 500,
    "label": "Background tasks",
}

# /health/ (core/health.py): (name, check, critical). A critical check failing
# answers 503 and the load balancer takes the host out; the others answer 200
# "degraded" (pages are served without Redis and without a worker).
HEALTH_CHECKS = [
    ("database", "health_check.checks.Database", True),
    ("storage", "health_check.checks.Storage", True),
    ("private_storage", "core.health.PrivateStorage", True),
    ("cache", "health_check.checks.Cache", False),
    ("task_queue", "core.health.TaskQueueAge", False),
    ("outbox", "notifications.health.OutboxBacklog", False),
]
# The checks write to both storages and the cache: each process runs them at
# most once in this many seconds and answers the same meanwhile, so a flood
# of requests to /health/ (it is public) costs no more than a load balancer.
HEALTH_ANSWER_SECONDS = env.int("HEALTH_ANSWER_SECONDS", default=5)
# A task or a due email waiting longer than this means the worker is down.
HEALTH_TASK_QUEUE_MAX_AGE_MINUTES = env.int(
    "HEALTH_TASK_QUEUE_MAX_AGE_MINUTES", default=10
)

# Wagtail
WAGTAIL_SITE_NAME = "Co-production Hub"
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILMEDIA = {
    "MEDIA_MODEL": "core.AccessibleMedia",
    "MEDIA_FORM_BASE": "core.upload_forms.MediaForm",
}
# Upload limits (README "Uploads"); the web server in front must allow the
# largest of them.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
MEDIA_MAX_UPLOAD_SIZE = 250 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.upload_forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.upload_forms.ImageForm"
# Videos from other sites in stories: YouTube and Vimeo only, framed from
# youtube-nocookie.com and with Vimeo's dnt=1, so a reader is not tracked by
# a page they only read; any other address is refused in the editor with a
# way round (upload it under Media, or link to it). Embeds stay, rather than
# going, because members' own videos already live on these two sites and a
# video with a transcript beside it is how many of them tell a story.
WAGTAILEMBEDS_FINDERS = [{"class": "stories.embeds"}]
# The player is sized by site.css: Wagtail's responsive wrapper is an inline
# style, which the CSP (style-src 'self') refuses.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# Plain-language check in the editor (core/content_checks.py): warn above
# this Flesch-Kincaid grade (US grade 8 = about age 13-14, UK year 9).
CONTENT_READING_GRADE_MAX = 8

# The figures by Assembly or workstream show staff no group of fewer people
# than this (figures/selectors.py small_groups_merged); the lead sees all.
FIGURES_SMALL_GROUP_MIN = 3

# Reader preferences cookie (see core/reader_preferences.py).
READER_PREFERENCES_COOKIE = "reader_preferences"
READER_PREFERENCES_MAX_AGE = 60 * 60 * 24 * 365

# Security headers that hold everywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Wagtail's preview panel shows the page in an iframe of the admin, so pages
# may be framed by the same origin (and nobody else): X_FRAME_OPTIONS and the
# CSP's frame-ancestors agree. This is why security.W019 is silenced.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin brings its own inline styles and scripts.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "style-src": [SELF],
        "script-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        # The only frames: the video players stories embed (stories/embeds.py
        # FRAME_ORIGINS), in their privacy-enhanced forms.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    },
}

# Django's own configuration stays underneath: a 500 is emailed to ADMINS
# (production's ADMINS; none by default) when DEBUG is off.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_id.RequestIdFilter"}},
    "formatters": {
        "timestamped": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "timestamped",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail's background tasks log every run at INFO, WeasyPrint each step
    # of a PDF and fontTools each font it unpacks: too noisy to be useful.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
