"""Media and private files on S3-compatible storage (issue 17, line 6),
against a real S3 server: moto's server mode on 127.0.0.1 (tests/s3.py).
Receipts and Easy Read Charters go to a private bucket, reach people only
through the access-checked views, and have no address; public images go to
the public bucket and are linked on the media host the CSP allows."""

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit
from uuid import uuid4

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.urls import reverse
from storages.backends.s3 import S3Storage

from charter.models import CharterVersion
from core.factories import ImageFactory
from core.object_storage import PrivateS3Storage, media_origin
from core.storage import private_storage
from payments.models import Claim
from stories.models import StoryPage
from tests.payments_fixtures import (
    PDF,
    C,
    claim_at,
    form_data,
    line,
    new_claim_url,
    selected,
)
from tests.payments_fixtures import pdf as receipt_file
from tests.people import PRIVACY_VIEWERS, sign_in
from tests.production import PRODUCTION_ENV, run_manage
from tests.s3 import S3Server

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3_server():
    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """Storage as production has it when a bucket is named."""
    for name, value in s3_server.settings().items():
        setattr(settings, name, value)
    return s3_server


def anonymous_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as refusal:
        return refusal.code


def object_bytes(s3, bucket: str, key: str) -> bytes:
    return s3.client().get_object(Bucket=bucket, Key=key)["Body"].read()


def keys(s3, bucket: str) -> set[str]:
    listed = s3.client().list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listed.get("Contents", [])}


# Private files ---------------------------------------------------------------


def test_a_receipt_sent_with_a_claim_lands_in_the_private_bucket_and_nowhere_else(
    s3, client, demo_site
):
    sign_up = selected()
    sign_in(client, "member@example.org")
    response = client.post(
        new_claim_url(sign_up),
        form_data(lines=[line(receipt=receipt_file(f"{uuid4()}.pdf"))]),
    )
    assert response.status_code == 302
    name = Claim.objects.get(sign_up=sign_up).expenses.get().receipt.name
    assert isinstance(private_storage(), PrivateS3Storage)
    assert object_bytes(s3, s3.private_bucket, name) == PDF
    # Not in the public bucket, not on this host's disk.
    assert name not in keys(s3, s3.bucket)
    assert not (Path(django_settings.PRIVATE_MEDIA_ROOT) / name).exists()
    # The object is private: only its owner (the site's key) has a grant,
    # and the S3 server refuses a direct request from anyone else.
    grants = s3.client().get_object_acl(Bucket=s3.private_bucket, Key=name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert grants[0]["Grantee"]["Type"] == "CanonicalUser"
    assert anonymous_status(f"{s3.endpoint_url}/{s3.private_bucket}/{name}") == 403
    # No address is ever made for it, signed or not.
    with pytest.raises(ValueError, match="no address"):
        private_storage().url(name)


@pytest.mark.parametrize(("email", "who"), PRIVACY_VIEWERS)
def test_a_receipt_in_the_private_bucket_is_downloaded_only_by_its_owner_and_the_lead(
    s3, client, demo_site, email, who
):
    expense = claim_at(C.SUBMITTED).expenses.get()
    assert expense.receipt.name in keys(s3, s3.private_bucket)
    if email:
        sign_in(client, email)
    response = client.get(reverse("payments:receipt", args=[expense.pk]))
    if who in {"owner", "lead"}:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment;")
        assert "no-store" in response["Cache-Control"]
    elif who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 404


def test_a_receipt_missing_from_the_bucket_is_not_found(s3, client, demo_site):
    expense = claim_at(C.SUBMITTED).expenses.get()
    s3.client().delete_object(Bucket=s3.private_bucket, Key=expense.receipt.name)
    sign_in(client, "member@example.org")
    assert client.get(reverse("payments:receipt", args=[expense.pk])).status_code == 404


def test_a_receipt_with_a_name_already_taken_never_replaces_another(s3, demo_site):
    first = claim_at(C.SUBMITTED).expenses.get().receipt.name
    second = claim_at(C.SUBMITTED, selected("member2@example.org"))
    second = second.expenses.get().receipt.name
    assert first != second
    assert object_bytes(s3, s3.private_bucket, first) == PDF


def test_the_easy_read_charter_is_kept_in_the_private_bucket_and_served_by_the_view(
    s3, client, demo_site
):
    version = CharterVersion.objects.get(number=2)
    version.easy_read.save("easy-read.pdf", ContentFile(b"%PDF Easy Read"))
    assert object_bytes(s3, s3.private_bucket, version.easy_read.name) == (
        b"%PDF Easy Read"
    )
    url = reverse("charter:easy_read", args=[2])
    assert client.get(url).status_code == 302
    sign_in(client, "member2@example.org")
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"%PDF Easy Read"


# Public media ----------------------------------------------------------------


def test_an_image_lands_in_the_public_bucket_and_its_rendition_is_on_the_media_host(
    s3, demo_site
):
    image = ImageFactory()
    assert image.file.name in keys(s3, s3.bucket)
    assert image.file.name not in keys(s3, s3.private_bucket)
    rendition = image.get_rendition("fill-120x80")
    assert rendition.file.name in keys(s3, s3.bucket)
    origin = media_origin(django_settings.STORAGES["default"]["OPTIONS"])
    assert origin == s3.endpoint_url
    parts = urlsplit(rendition.url)
    assert f"{parts.scheme}://{parts.netloc}" == origin
    assert parts.path == f"/{s3.bucket}/{rendition.file.name}"
    # A plain address, the same on every render, that anyone may read.
    assert parts.query == ""
    assert anonymous_status(rendition.url) == 200


def test_a_players_captions_on_the_media_host_are_loaded_by_cors(s3, client, demo_site):
    story = StoryPage.objects.get(slug="carers-week-2023-a-video-interview")
    html = client.get(story.url).content.decode()
    assert '<video controls preload="metadata" crossorigin="anonymous"' in html
    track = re.search(r'<track kind="captions" src="([^"]+)"', html).group(1)
    assert track.startswith(f"{s3.endpoint_url}/{s3.bucket}/")
    key = urlsplit(track).path.removeprefix(f"/{s3.bucket}/")
    s3.client().put_object(Bucket=s3.bucket, Key=key, Body=b"WEBVTT")
    asked = urllib.request.Request(track, headers={"Origin": "https://hub.example.org"})
    with urllib.request.urlopen(asked, timeout=10) as answer:
        assert answer.headers["Access-Control-Allow-Origin"] in {
            "*",
            "https://hub.example.org",
        }


# The media host's origin, as django-storages builds URLs ---------------------


@pytest.mark.parametrize(
    "options",
    [
        {"custom_domain": "media.hub.example.org"},
        {"endpoint_url": "http://127.0.0.1:9000", "region_name": "eu-west-2"},
        {"endpoint_url": "https://objects.example.net", "addressing_style": "path"},
        {
            "endpoint_url": "https://objects.example.net",
            "addressing_style": "virtual",
        },
        {"region_name": "eu-west-2"},
        {"region_name": "us-east-1"},
    ],
)
def test_the_media_origin_is_the_one_django_storages_links_to(options):
    options = {"bucket_name": "hub-media", **options}
    url = S3Storage(access_key="k", secret_key="s", **options).url("images/a b.jpg")
    parts = urlsplit(url)
    assert media_origin(options) == f"{parts.scheme}://{parts.netloc}"


# Production settings ---------------------------------------------------------

POLICY = (
    "from csp.utils import build_policy; from django.conf import settings;"
    "import json; s = settings.STORAGES; print(json.dumps(["
    "build_policy(config=settings.CONTENT_SECURITY_POLICY['DIRECTIVES']),"
    "s['default']['BACKEND'], s['private']['BACKEND'],"
    "s['default']['OPTIONS']['bucket_name'], s['private']['OPTIONS']['bucket_name']"
    "]))"
)


def directives(policy: str) -> dict[str, list[str]]:
    return {
        name: values for name, *values in (part.split() for part in policy.split("; "))
    }


@pytest.mark.parametrize(
    ("extra", "origin"),
    [
        ({}, "http://127.0.0.1:9000"),
        (
            {"AWS_S3_CUSTOM_DOMAIN": "media.hub.example.org"},
            "https://media.hub.example.org",
        ),
    ],
)
def test_production_with_a_bucket_uses_both_buckets_and_allows_exactly_the_media_host(
    extra, origin
):
    s3 = S3Server()  # not started: settings are only read
    s3.port = 9000
    env = {**PRODUCTION_ENV, **s3.env(), **extra}
    result = run_manage("shell", "-c", POLICY, env=env)
    assert result.returncode == 0, result.stderr
    policy, public, private, bucket, private_bucket = json.loads(
        result.stdout.splitlines()[-1]
    )
    assert public == "storages.backends.s3.S3Storage"
    assert private == "core.object_storage.PrivateS3Storage"
    assert (bucket, private_bucket) == ("hub-media", "hub-private")
    rules = directives(policy)
    assert rules["img-src"] == ["'self'", "data:", origin]
    assert rules["media-src"] == ["'self'", origin]
    assert rules["default-src"] == ["'self'"]


def test_production_without_a_bucket_keeps_local_folders_and_its_own_origin():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; d = settings.CONTENT_SECURITY_POLICY;"
        "print(settings.STORAGES['private']['BACKEND'], d['DIRECTIVES']['img-src'])",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "core.storage.PrivateFileSystemStorage [\"'self'\", 'data:']"
    )


@pytest.mark.parametrize("private_bucket", ["", "hub-media"])
def test_production_refuses_a_bucket_without_a_private_bucket_of_its_own(
    private_bucket,
):
    env = {
        **PRODUCTION_ENV,
        **S3Server().env(),
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": private_bucket,
    }
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "AWS_PRIVATE_STORAGE_BUCKET_NAME must name a bucket of its own" in (
        result.stderr
    )


def test_production_with_both_buckets_passes_the_deployment_checks():
    env = {**PRODUCTION_ENV, **S3Server().env()}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
