"""What counts as a receipt: a PDF, JPEG, PNG or HEIC file of at most
10 MB, checked by its name and by its first bytes, so a renamed file of
another kind is refused too."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 10 * 1024 * 1024
LIMIT_TEXT = "10 MB"

HINT = gettext_lazy(
    "A photo or scan of the receipt: a PDF, JPEG, PNG or HEIC file, up to 10 MB."
)

KIND_OF_EXTENSION = {
    "pdf": "pdf",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "heic": "heic",
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "heic": "image/heic",
}
# The brands an HEIF container names when it holds HEIC images.
HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def kind_of_content(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS:
        return "heic"
    return None


def kind_of_name(name: str) -> str | None:
    return KIND_OF_EXTENSION.get(PurePath(name).suffix.lower().lstrip("."))


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(kind_of_name(name) or "", "application/octet-stream")


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def receipt_validate(file) -> None:
    """A form validator: the message names the limit that was broken."""
    if file.size > MAX_BYTES:
        raise ValidationError(
            _("The receipt is %(size)s; the limit is %(limit)s.")
            % {"size": megabytes(file.size), "limit": LIMIT_TEXT},
            code="too_large",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    by_name = kind_of_name(file.name or "")
    if by_name is None or kind_of_content(head) != by_name:
        raise ValidationError(
            _(
                "The receipt must be a PDF, JPEG, PNG or HEIC file. Take a photo "
                "of it, or save it as a PDF."
            ),
            code="wrong_type",
        )
