from django.db import migrations

from core.lead_permissions import lead_permissions

CODENAMES = ["add_skill", "change_skill", "delete_skill"]


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0007_membership_history_from_profiles"),
    ]

    operations = [migrations.RunPython(*lead_permissions("members", CODENAMES))]
