from django.contrib.auth.management import create_permissions
from django.db import migrations

# The group's name as it was when this ran (members.roles.ENGAGEMENT_LEADS).
ENGAGEMENT_LEADS = "Engagement leads"

# The lead works the call-back list and retries failed emails in the admin.
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("notifications", "view_outboxemail"),
    ("notifications", "change_outboxemail"),
    ("notifications", "view_callback"),
    ("notifications", "change_callback"),
]


def grant(apps, schema_editor):
    # Model permissions are normally made after migrating; make them now.
    app_config = apps.get_app_config("notifications")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    leads = Group.objects.get(name=ENGAGEMENT_LEADS)
    for app_label, codename in PERMISSIONS:
        leads.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_outbox_preferences_call_backs"),
        ("members", "0002_role_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    # Reversing leaves the permissions: an administrator may rely on them.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
