from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_workstream", "change_workstream", "delete_workstream"]


def grant(apps, schema_editor):
    # Model permissions are normally made after migrating; make them now.
    app_config = apps.get_app_config("opportunities")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    leads, _ = Group.objects.get_or_create(name="Engagement leads")
    leads.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="opportunities", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    leads = Group.objects.filter(name="Engagement leads").first()
    if leads:
        leads.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="opportunities", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("opportunities", "0002_request_reply"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
