"""The engagement leads translate pages and library topics with
wagtail-localize (Wagtail's Editors and Moderators groups already may
translate pages), and look after the topics; any translation of a
section already made gets the section's permissions and workflow, as new
ones do (moderation/services.py, translation_rules_follow_source)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from members.roles import ENGAGEMENT_LEADS

SECTIONS = [("stories", "storyindexpage"), ("library", "libraryindexpage")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    # Model permissions are normally made after migrating; make them now.
    app_config = apps.get_app_config("library")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    leads = Group.objects.filter(name=ENGAGEMENT_LEADS).first()
    if leads:
        leads.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wagtail_localize",
                codename="submit_translation",
            ),
            *Permission.objects.filter(
                content_type__app_label="library",
                codename__in=["add_topic", "change_topic"],
            ),
        )

    for app_label, model in SECTIONS:
        for section in Page.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        ):
            rules = list(GroupPagePermission.objects.filter(page=section))
            workflow_page = WorkflowPage.objects.filter(page=section).first()
            if not rules and not workflow_page:
                continue  # a translation, or a section with nothing of its own
            for translation in Page.objects.filter(
                translation_key=section.translation_key
            ).exclude(pk=section.pk):
                for rule in rules:
                    GroupPagePermission.objects.get_or_create(
                        group_id=rule.group_id,
                        page=translation,
                        permission_id=rule.permission_id,
                    )
                if workflow_page:
                    WorkflowPage.objects.update_or_create(
                        page=translation,
                        defaults={"workflow_id": workflow_page.workflow_id},
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_roles_and_moderation"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("core", "0004_welsh_locale"),
        ("library", "0006_topic_translatable"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
