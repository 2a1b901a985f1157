from django.db import migrations

from members.roles import ROLE_GROUPS


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    # Reversing leaves the groups: they may hold people by then.
    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
