from django.db import migrations

from core.lead_permissions import lead_permissions

# A promise is never changed or deleted (a claim keeps the one in force when
# it was sent): the lead adds a new one and sees the history.
CODENAMES = ["add_paymentpromise", "view_paymentpromise"]


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("payments", "0003_payment_promise"),
    ]

    operations = [migrations.RunPython(*lead_permissions("payments", CODENAMES))]
