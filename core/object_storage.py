"""S3-compatible object storage for production: public media in one bucket,
private files (core/storage.py) in another, and the media host's origin for
the CSP. Production settings build STORAGES from object_storages(); the tests
build it the same way against moto (tests/s3.py). Imported only when a bucket
is named: boto3 is slow to import and development never needs it."""

import json
from urllib.parse import urlsplit

import botocore.session
from botocore import UNSIGNED
from botocore.config import Config
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from .storage import NoAddress


class PrivateS3Storage(NoAddress, S3Storage):
    """Receipts and Easy Read Charters in their own bucket: every object is
    written with the "private" ACL, a name already taken gets a new one (a
    member's receipt never replaces another's), and there is no URL, signed
    or not; the access-checked views read the object and stream it."""

    default_acl = "private"
    file_overwrite = False
    custom_domain = None
    location = ""


def public_read_policy(bucket: str) -> str:
    """The bucket policy the public media bucket needs: anyone may read an
    object, nobody may list or write. The private bucket has none."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


# The public media bucket's CORS rules: a player's captions (<track>) come
# from the media host, another origin, and a browser loads them only by CORS.
# Any origin may read, as anyone may read the objects already.
PUBLIC_CORS_RULES = [
    {"AllowedMethods": ["GET", "HEAD"], "AllowedOrigins": ["*"], "MaxAgeSeconds": 3600}
]


def object_storages(
    *,
    bucket: str,
    private_bucket: str,
    endpoint_url: str | None = None,
    region_name: str | None = None,
    custom_domain: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
) -> dict:
    """STORAGES' "default" (public media) and "private" entries.

    The private files get a bucket of their own, never a prefix of the public
    one: a public media URL names the public bucket, so no address built for
    public media (or guessed from one) can reach a receipt, whatever the
    bucket policy says."""
    if not private_bucket or private_bucket == bucket:
        raise ImproperlyConfigured(
            "AWS_PRIVATE_STORAGE_BUCKET_NAME must name a bucket of its own for "
            "private files, not the public media bucket."
        )
    shared = {
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "access_key": access_key,
        "secret_key": secret_key,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **shared,
                "bucket_name": bucket,
                "custom_domain": custom_domain,
                # Objects take the bucket's policy, which lets anyone read
                # them (README): plain URLs, the same on every page render,
                # so browsers and the page cache keep them (a signed URL
                # would change each time and expire in a cached page).
                "default_acl": None,
                "querystring_auth": False,
                # Two images called photo.jpg are two files, not one.
                "file_overwrite": False,
            },
        },
        "private": {
            "BACKEND": "core.object_storage.PrivateS3Storage",
            "OPTIONS": {**shared, "bucket_name": private_bucket},
        },
    }


def media_origin(options: dict) -> str:
    """The origin (scheme://host[:port]) of the URLs django-storages gives
    public media stored with these S3Storage OPTIONS: the custom domain when
    there is one, otherwise the host botocore addresses the bucket at (path
    or virtual-host style, as it decides for the endpoint and region). Built
    with an unsigned client, so no credentials are looked up and nothing is
    sent."""
    if domain := options.get("custom_domain"):
        protocol = options.get("url_protocol") or "https:"
        return f"{protocol}//{domain}"
    client = botocore.session.get_session().create_client(
        "s3",
        endpoint_url=options.get("endpoint_url"),
        region_name=options.get("region_name"),
        config=Config(
            signature_version=UNSIGNED,
            s3={"addressing_style": options.get("addressing_style")},
        ),
    )
    url = client.generate_presigned_url(
        "get_object", Params={"Bucket": options["bucket_name"], "Key": "x"}
    )
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
