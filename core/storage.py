"""Files that must never be public (Easy Read Charters for members only,
payment receipts): kept in the storage named "private" in STORAGES (a local
folder outside MEDIA_ROOT in development and tests, a private bucket in
production) and served only through views that check who is asking."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse
from django.utils.functional import LazyObject, empty


class NoAddress:
    """A private file has no URL: nothing can link to it by mistake."""

    def url(self, name, *args, **kwargs):
        raise ValueError(
            "A private file has no address: serve it through a view that "
            "checks who is asking (private_file_response)."
        )


class PrivateFileSystemStorage(NoAddress, FileSystemStorage):
    """Development and tests: a local folder, PRIVATE_MEDIA_ROOT."""

    def __init__(self, **options):
        options.setdefault("location", settings.PRIVATE_MEDIA_ROOT)
        super().__init__(**options)


class _PrivateStorage(LazyObject):
    def _setup(self):
        # Built here, not taken from storages' cache, so a test that changes
        # PRIVATE_MEDIA_ROOT or STORAGES gets a storage that follows it.
        self._wrapped = storages.create_storage(settings.STORAGES["private"])


_private_storage = _PrivateStorage()


def private_storage():
    # A callable, so migrations name this function and not whatever the
    # storage was when a migration was written; the storage itself is
    # chosen from settings at run time.
    return _private_storage


@receiver(setting_changed)
def _private_storage_reset(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        _private_storage._wrapped = empty


def private_file_response(file, *, filename: str, content_type=None) -> FileResponse:
    """A private file as a download, never shown in the site's own origin:
    a receipt or document that holds HTML or script (or a PDF with script)
    cannot run as the site even if someone opens it, and is not kept by the
    browser's cache on a shared computer. `file` is opened from the storage
    (a local file or an object in the private bucket) and streamed."""
    response = FileResponse(
        file, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
