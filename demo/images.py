"""Pictures for the demo content, drawn here so nothing is downloaded."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Collection

from core.factories import ImageFactory

PALETTE = ["#1d4f91", "#00703c", "#4c2c92", "#b58840", "#d4351c", "#005a30"]


def demo_image(*, title: str, seed: int, size=(1200, 675)) -> Image:
    """A simple abstract picture (circles on a colour); one per title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    picture = PILImage.new("RGB", size, PALETTE[seed % len(PALETTE)])
    draw = ImageDraw.Draw(picture)
    for i in range(5):
        colour = PALETTE[(seed + i + 1) % len(PALETTE)]
        radius = height // (3 + i)
        x = (seed * 97 + i * 211) % width
        y = (seed * 53 + i * 149) % height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return ImageFactory(
        title=title,
        file=ImageFile(buffer, name=f"demo-{seed}.jpg"),
        collection=Collection.get_first_root_node(),
    )
