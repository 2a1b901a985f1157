"""Files that must never be public (Easy Read Charters for members only,
payment receipts): kept outside MEDIA_ROOT and served only through views
that check who is asking."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse


def private_storage():
    # A callable, so the folder comes from settings at run time, not from
    # whatever the settings were when a migration was written.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


def private_file_response(file, *, filename: str, content_type=None) -> FileResponse:
    """A private file as a download, never shown in the site's own origin:
    a receipt or document that holds HTML or script (or a PDF with script)
    cannot run as the site even if someone opens it, and is not kept by the
    browser's cache on a shared computer."""
    response = FileResponse(
        file, as_attachment=True, filename=filename, content_type=content_type
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
