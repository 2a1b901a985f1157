from django.db import migrations

ASSEMBLIES = [
    ("England South & West Midlands", "england-south-west-midlands", "england"),
    ("England North & East Midlands", "england-north-east-midlands", "england"),
    ("Northern Ireland", "northern-ireland", "northern-ireland"),
    ("Scotland", "scotland", "scotland"),
    ("Wales", "wales", "wales"),
]


def create_assemblies(apps, schema_editor):
    Assembly = apps.get_model("members", "Assembly")
    for order, (name, slug, nation) in enumerate(ASSEMBLIES):
        Assembly.objects.get_or_create(
            slug=slug, defaults={"name": name, "nation": nation, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0003_assembly_whowearepage_profile")]

    operations = [migrations.RunPython(create_assemblies, migrations.RunPython.noop)]
