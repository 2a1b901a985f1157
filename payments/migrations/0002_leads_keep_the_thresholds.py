from django.db import migrations

from core.lead_permissions import lead_permissions

CODENAMES = [
    "add_benefitthreshold",
    "change_benefitthreshold",
    "delete_benefitthreshold",
]


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("payments", "0001_claims_and_thresholds"),
    ]

    operations = [migrations.RunPython(*lead_permissions("payments", CODENAMES))]
