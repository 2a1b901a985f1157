"""A member's own information as one ZIP file (issue 15): every app's part,
found through core.exports, as `your-information.json`, a `README.txt` in
plain words, and their receipts. A read: it changes nothing."""

import json
import shutil
import textwrap
from datetime import datetime
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from core.exports import PersonPart, person_parts

JSON_NAME = "your-information.json"

README_START = """\
Your information from the Co-production Hub
============================================

This is everything the Co-production Hub holds about you, downloaded on {day}.

{json_name} holds it all, in a form a computer can read and a person can
too: open it with any text editor. Dates are written year first
(2024-03-31 is 31 March 2024); times are UK time, with the difference from
GMT at the end (+01:00 in summer). Amounts of money are in pounds. Anything
not filled in is empty ("") or null.

It has these parts:
"""

README_END = """
If something here is wrong, you can change most of it on your profile, or
ask the engagement lead. If you would like any of it explained, or in
another format, ask the engagement lead too.
"""


class _Encoder(DjangoJSONEncoder):
    """Times in UK time, as the site shows them, not the database's UTC."""

    def default(self, o):
        if isinstance(o, datetime) and timezone.is_aware(o):
            o = timezone.localtime(o)
        return super().default(o)


def _readme(parts: list[PersonPart]) -> str:
    text = README_START.format(
        day=timezone.localdate().strftime("%-d %B %Y"), json_name=JSON_NAME
    )
    for part in parts:
        text += f'\n{part.title} ("{part.key}")\n'
        text += textwrap.fill(part.about, width=72) + "\n"
    return text + README_END


def person_export(*, person, into: BinaryIO) -> None:
    """Write the ZIP file of everything about `person` into `into`."""
    parts = person_parts(person=person)
    data = {
        "downloaded at": timezone.now(),
        **{part.key: part.data for part in parts},
    }
    with ZipFile(into, "w", compression=ZIP_DEFLATED) as archive:
        archive.writestr(
            JSON_NAME,
            json.dumps(data, cls=_Encoder, indent=2, ensure_ascii=False),
        )
        archive.writestr("README.txt", _readme(parts))
        for part in parts:
            for item in part.files:
                with (
                    item.file.open("rb") as source,
                    archive.open(item.name, "w") as target,
                ):
                    shutil.copyfileobj(source, target)
