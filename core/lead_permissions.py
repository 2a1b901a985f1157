"""Data migrations that let the engagement lead keep a list in the admin
(skills, workstreams, benefit thresholds): one pair of functions, so every
such migration grants and revokes the same way."""

from django.contrib.auth.management import create_permissions

LEADS = "Engagement leads"


def lead_permissions(app_label: str, codenames: list[str]):
    """(grant, revoke) for migrations.RunPython."""

    def permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )

    def grant(apps, schema_editor):
        # Model permissions are normally made after migrating; make them now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        leads, _ = Group.objects.get_or_create(name=LEADS)
        leads.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        leads = Group.objects.filter(name=LEADS).first()
        if leads:
            leads.permissions.remove(*permissions(apps))

    return grant, revoke
