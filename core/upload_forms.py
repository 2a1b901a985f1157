"""Size limits for uploaded documents and media (Wagtail limits images
itself with WAGTAILIMAGES_MAX_UPLOAD_SIZE). Named in settings and README.
A refused upload says what would be accepted."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm


def upload_size_check(upload, limit: int) -> None:
    if upload is not None and getattr(upload, "size", 0) > limit:
        raise ValidationError(
            _(
                "This file is %(size)s. The largest file you can upload here is "
                "%(limit)s. Try a smaller version, or ask the engagement lead for "
                "help."
            )
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
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


class ImageForm(BaseImageForm):
    """Wagtail answers a file that is not a picture with "Upload a valid
    image", and not what a valid one is: say the formats and the limit its
    help text gives."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if upload := self.fields.get("file"):
            upload.error_messages["invalid_image"] = _(
                "This file is not a picture we can use. %(help_text)s"
            ) % {"help_text": upload.help_text}
