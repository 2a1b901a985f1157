"""A person's own information, gathered from every app, and the anonymising
of someone who has left, carried out by every app.

Each app that holds something about a person offers an `exports.py` with
two functions, found here the way core.scheduling finds `schedules.py`, so
that a lower app (members) never imports a higher one (payments):

    person_data(person) -> PersonPart
        what the member's download holds from this app (a read);
    person_anonymise(anonymising: Anonymising) -> None
        what goes from this app when the lead anonymises someone (a write).

Imports nothing from the project's apps.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db.models import CharField, JSONField, Q, QuerySet, TextField
from django.db.models.fields.files import FieldFile
from django.utils.module_loading import module_has_submodule

MODULE = "exports"


@dataclass(frozen=True)
class PartFile:
    """A file that goes into the download beside the JSON (a receipt)."""

    name: str  # the path inside the ZIP file, e.g. "receipts/12-1-train.pdf"
    file: FieldFile


@dataclass(frozen=True)
class PersonPart:
    """One app's share of a person's download."""

    key: str  # the part's name in your-information.json
    title: str  # a heading in README.txt
    about: str  # what this part is, in plain words, for README.txt
    data: Any  # lists and dicts of plain values, dates and decimals
    files: tuple[PartFile, ...] = field(default=())


@dataclass(frozen=True)
class Anonymising:
    """What every app needs to anonymise one person: who they are now
    called, and the words that named them, to take out of other people's
    records (a notification to the lead that says "Dafydd sent a claim")."""

    person: Any
    by: Any
    new_name: str
    new_email: str
    old_email: str
    old_names: tuple[str, ...]

    def scrub(self, text: str) -> str:
        """`text` with the old email and names replaced by the new ones."""
        if not text:
            return text
        if self.old_email:
            text = re.sub(re.escape(self.old_email), self.new_email, text, flags=re.I)
        # Longest first, so "Dafydd Pryce" goes whole before "Dafydd" alone;
        # names as written (capitalised), whole words only.
        for name in sorted(self.old_names, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(name)}\b", self.new_name, text)
        return text

    def mentioned_in(self, *fields: str) -> Q:
        """A filter for rows whose `fields` may mention the person (a first
        pass in the database; scrub() decides)."""
        found = Q()
        texts = {self.old_email, *self.old_names}
        # JSON columns may hold "Róisín" as "R\u00f3is\u00edn".
        texts |= {json.dumps(text)[1:-1] for text in texts}
        for text in texts - {""}:
            for name in fields:
                found |= Q(**{f"{name}__icontains": text})
        return found

    def scrub_value(self, value):
        """scrub() for a text column's value or a JSON column's."""
        if isinstance(value, str) or value is None:
            return self.scrub(value)
        return json.loads(self.scrub(json.dumps(value, ensure_ascii=False)))

    def scrub_rows(self, rows: QuerySet, fields: tuple[str, ...] = ()) -> None:
        """Take the person's name and address out of `fields` (by default
        every text and JSON column) of any of `rows` that mention them."""
        fields = fields or text_fields(rows.model)
        for row in rows.filter(self.mentioned_in(*fields)):
            for name in fields:
                setattr(row, name, self.scrub_value(getattr(row, name)))
            row.save(update_fields=list(fields))


def text_fields(model) -> tuple[str, ...]:
    """The model's text and JSON columns (names, emails, notes), not its
    files nor its fixed choices."""
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, CharField | TextField | JSONField) and not field.choices
    )


def export_modules() -> Iterator[ModuleType]:
    """Every app's `exports.py`, lowest layer first (INSTALLED_APPS order)."""
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, MODULE):
            yield import_module(f"{app.name}.{MODULE}")


def person_parts(*, person) -> list[PersonPart]:
    """Everything the site holds about `person`, one part per app."""
    return [
        module.person_data(person)
        for module in export_modules()
        if hasattr(module, "person_data")
    ]


def person_anonymise_everywhere(*, anonymising: Anonymising) -> None:
    """Run every app's anonymising, highest layer first, so records that
    point at a lower app's rows are dealt with before those rows change."""
    for module in reversed(list(export_modules())):
        if hasattr(module, "person_anonymise"):
            module.person_anonymise(anonymising)
