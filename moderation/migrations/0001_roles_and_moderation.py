"""What each role may do in the admin, and the moderation workflow.

Members write stories and resources and upload files; they edit only pages
they own and cannot publish. Engagement leads edit, approve and publish
everything in both sections, and own the moderation workflow's one task.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from members.roles import ENGAGEMENT_LEADS, MEMBERS

# Page permissions, granted on each section (and so on everything in it).
# "add" lets a person create pages there and edit the ones they own.
PAGE_PERMISSIONS = {
    MEMBERS: ["add_page"],
    ENGAGEMENT_LEADS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    ],
}

# Collection permissions on the root collection, for uploads.
COLLECTION_PERMISSIONS = {
    MEMBERS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailmedia", "add_media"),
    ],
    ENGAGEMENT_LEADS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtailmedia", "add_media"),
        ("wagtailmedia", "change_media"),
        ("wagtailmedia", "delete_media"),
    ],
}

MODEL_PERMISSIONS = {
    MEMBERS: [("wagtailadmin", "access_admin")],
    ENGAGEMENT_LEADS: [
        ("wagtailadmin", "access_admin"),
        ("stories", "edit_story_settings"),
    ],
}

SECTIONS = [("stories", "storyindexpage"), ("library", "libraryindexpage")]


def grant(apps, schema_editor):
    # Model permissions are normally made after migrating; make them now.
    for label in [
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "wagtailmedia",
        "stories",
    ]:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    def permission(app_label, codename):
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )

    sections = list(
        Page.objects.filter(
            content_type__app_label__in=[app for app, _ in SECTIONS],
            content_type__model__in=[model for _, model in SECTIONS],
        )
    )
    root_collection = Collection.objects.filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for section in sections:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=section,
                    permission=permission("wagtailcore", codename),
                )
        for app_label, codename in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(app_label, codename),
            )
        for app_label, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(permission(app_label, codename))

    # The workflow: one review task, done by the engagement leads.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    workflow, _ = Workflow.objects.get_or_create(name="Moderation")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Engagement lead review",
        defaults={
            "content_type": ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0]
        },
    )
    if created:
        task.groups.add(Group.objects.get(name=ENGAGEMENT_LEADS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    for section in sections:
        WorkflowPage.objects.get_or_create(
            page=section, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_role_groups"),
        ("stories", "0003_storypage_permissions"),
        ("library", "0002_the_library_section"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    # Reversing leaves roles and the workflow: pages may be in moderation.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
