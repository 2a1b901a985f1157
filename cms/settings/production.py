"""Production settings: every secret and address comes from the environment.

A missing variable stops start-up with django-environ's message naming it.
"""

from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, Q_CLUSTER, env

SECRET_KEY = env.str("SECRET_KEY")
# Rotating the key (README "Deployment"): the old one here for a while, so
# sessions and links signed with it still work.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db_url("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A kept connection the database has dropped is replaced, not failed on.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL")

REDIS_URL = env.str("REDIS_URL")
# A Redis outage is a cache miss, not an error (core/cache.py); the short
# timeouts are what each cache call costs while Redis is down.
CACHES = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
}
# The task queue stays on the ORM broker, here on PostgreSQL, and not on
# Redis. The outbox's promise (an email is retried until it is sent, and sent
# once) rests on the broker handing a task out again when a worker dies with
# it: the ORM broker does (a task is leased for Q_CLUSTER["retry"] seconds and
# deleted only on acknowledgement), django-q2's Redis broker does not (BLPOP
# removes the task when it is read, and acknowledgement is a no-op), so a
# worker killed mid-task would lose it. The queue is a few tasks a minute, far
# below what a table handles; tests/test_outbox_reliability.py runs on
# PostgreSQL in CI's second pass, and the end-to-end suite kills a worker
# mid-send on the production stack (tests/stack/).
Q_CLUSTER = {**Q_CLUSTER, "orm": "default"}

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is emailed a 500: "Ops <ops@example.org>, Lead <lead@example.org>".
ADMINS = [
    (name, address)
    for name, address in getaddresses([env.str("ADMINS", default="")])
    if address
]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    "private": {"BACKEND": "core.storage.PrivateFileSystemStorage"},
}
# S3-compatible object storage when a bucket is named (README "Media and
# private files in production"): public media in that bucket, private files in
# a second, private bucket, so several web hosts share them and keep nothing
# on local disk. A single host may keep local folders (no bucket named).
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    from core.object_storage import media_origin, object_storages

    STORAGES.update(
        object_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            private_bucket=env.str("AWS_PRIVATE_STORAGE_BUCKET_NAME", default=""),
            endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=None),
            region_name=env.str("AWS_S3_REGION_NAME", default=None),
            custom_domain=env.str("AWS_S3_CUSTOM_DOMAIN", default=None),
            access_key=env.str("AWS_ACCESS_KEY_ID", default=None),
            secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=None),
        )
    )
    # Images and video come from the media host: exactly its origin, nothing
    # wider, is added to what the pages may load.
    MEDIA_ORIGIN = media_origin(STORAGES["default"]["OPTIONS"])
    _directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **_directives,
            "img-src": [*_directives["img-src"], MEDIA_ORIGIN],
            "media-src": [*_directives["media-src"], MEDIA_ORIGIN],
        },
    }

# Behind a TLS-terminating proxy.
# The lockout and the rate limits count by client address: with N trusted
# proxies in front, each appending to X-Forwarded-For, it is the Nth address
# from the right (core/client_address.py). 0: REMOTE_ADDR, header ignored.
CLIENT_ADDRESS_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
if CLIENT_ADDRESS_PROXY_COUNT < 0:
    raise ImproperlyConfigured("AXES_PROXY_COUNT must be 0 or more.")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The load balancer polls /health/ over plain HTTP (with a Host header that
# must be in ALLOWED_HOSTS).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Only the local stack (`make stack`, plain HTTP on 127.0.0.1) sets
# SECURE_COOKIES=false: a Secure cookie is never sent back over http://, and a
# __Host- cookie must be Secure, so there the cookies lose both. Never in
# production, where the default holds.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# The __Host- prefix makes the browser refuse these cookies unless they are
# Secure, for the whole site (Path=/) and for this host only (no Domain): a
# neighbouring subdomain cannot set or overwrite them.
_cookie_prefix = "__Host-" if SECURE_COOKIES else ""
SESSION_COOKIE_NAME = f"{_cookie_prefix}sessionid"
CSRF_COOKIE_NAME = f"{_cookie_prefix}csrftoken"
READER_PREFERENCES_COOKIE = f"{_cookie_prefix}reader_preferences"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_PATH = "/"
CSRF_COOKIE_PATH = "/"

# Errors (and ERROR log lines) to Sentry too, when a DSN is given. No personal
# data: no addresses, cookies, user details or request bodies.
if SENTRY_DSN := env.str("SENTRY_DSN", default=""):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        release=env.str("SENTRY_RELEASE", default=None),
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
