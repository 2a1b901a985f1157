from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    # Replace Wagtail's "Welcome" page (a plain Page) with our home page.
    Page.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        slug="home",
        depth=2,
    ).delete()
    content_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    home = HomePage.objects.create(
        title="Co-production Hub",
        draft_title="Co-production Hub",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
    )
    Site.objects.create(
        hostname="localhost", root_page=home, is_default_site=True, site_name=""
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
