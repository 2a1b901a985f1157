"""Supports made before consent was asked for were agreed in person: they
stay usable (accepted when they started). What supporters did keeps their
name, so it survives their account being deleted."""

from django.db import migrations
from django.db.models import F


def _name(user) -> str:
    return f"{user.first_name} {user.last_name}".strip() or user.email


def accept_existing(apps, schema_editor):
    Support = apps.get_model("members", "Support")
    OnBehalfRecord = apps.get_model("members", "OnBehalfRecord")
    Support.objects.filter(accepted_at__isnull=True, declined_at__isnull=True).update(
        accepted_at=F("started_at")
    )
    for support in Support.objects.filter(name="").select_related("supporter"):
        support.name = _name(support.supporter)
        support.email = support.supporter.email
        support.save(update_fields=["name", "email"])
    for record in OnBehalfRecord.objects.filter(supporter_name="").select_related(
        "supporter"
    ):
        record.supporter_name = _name(record.supporter)
        record.save(update_fields=["supporter_name"])


class Migration(migrations.Migration):
    dependencies = [("members", "0009_support_by_consent_and_kept_on_behalf_names")]

    operations = [migrations.RunPython(accept_existing, migrations.RunPython.noop)]
