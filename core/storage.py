"""Files that must never be public (Easy Read Charters for members only,
payment receipts): kept outside MEDIA_ROOT and served only through views
that check who is asking."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    # A callable, so the folder comes from settings at run time, not from
    # whatever the settings were when a migration was written.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
