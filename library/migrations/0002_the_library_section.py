from django.db import migrations

from core.migration_helpers import section_page_add


def add_section(apps, schema_editor):
    # The section exists from the start, so roles and moderation can be
    # attached to it by migrations (moderation/0001).
    section_page_add(
        apps,
        "library.LibraryIndexPage",
        title="Library",
        slug="library",
        show_in_menus=True,
        introduction="Guides, videos, links and short courses about "
        "co-production, for everyone.",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("stories", "0002_the_stories_section"),
    ]

    # Reversing leaves the section: it may hold resources by then.
    operations = [migrations.RunPython(add_section, migrations.RunPython.noop)]
