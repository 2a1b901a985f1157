"""Size limits for uploaded documents and media (Wagtail limits images
itself with WAGTAILIMAGES_MAX_UPLOAD_SIZE). Named in settings and README."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents.forms import BaseDocumentForm
from wagtailmedia.forms import BaseMediaForm


def upload_size_check(upload, limit: int) -> None:
    if upload is not None and getattr(upload, "size", 0) > limit:
        raise ValidationError(
            f"This file is {filesizeformat(upload.size)}. The largest file you can "
            f"upload here is {filesizeformat(limit)}. Try a smaller version, or "
            "ask the engagement lead for help."
        )


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        upload_size_check(upload, settings.DOCUMENT_MAX_UPLOAD_SIZE)
        return upload


class MediaForm(BaseMediaForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        upload_size_check(upload, settings.MEDIA_MAX_UPLOAD_SIZE)
        return upload
