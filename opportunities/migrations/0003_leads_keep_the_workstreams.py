from django.db import migrations

from core.lead_permissions import lead_permissions

CODENAMES = ["add_workstream", "change_workstream", "delete_workstream"]


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("opportunities", "0002_request_reply"),
    ]

    operations = [migrations.RunPython(*lead_permissions("opportunities", CODENAMES))]
