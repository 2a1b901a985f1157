from django.db import migrations

from core.migration_helpers import section_page_add


def add_section(apps, schema_editor):
    # The section exists from the start, so roles and moderation can be
    # attached to it by migrations (moderation/0001).
    section_page_add(
        apps,
        "stories.StoryIndexPage",
        title="Stories",
        slug="stories",
        show_in_menus=True,
        introduction="Blogs, videos and podcasts by members of the group.",
    )


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial"), ("home", "0002_create_home_page")]

    # Reversing leaves the section: it may hold stories by then.
    operations = [migrations.RunPython(add_section, migrations.RunPython.noop)]
