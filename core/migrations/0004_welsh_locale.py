"""Welsh beside English: Wagtail's locale for Welsh pages and snippets."""

from django.db import migrations


def add_welsh(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="cy")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_contact_settings"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    # Reversing keeps the locale: Welsh pages may already belong to it.
    operations = [migrations.RunPython(add_welsh, migrations.RunPython.noop)]
