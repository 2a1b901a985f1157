"""A supporter invitation not yet used becomes the member's open request, so
accepting it still makes the support (accounts.services.invitation_accept
now looks for that request)."""

from django.db import migrations


def requests_from_invitations(apps, schema_editor):
    Invitation = apps.get_model("accounts", "Invitation")
    Support = apps.get_model("members", "Support")
    for invitation in Invitation.objects.filter(
        supporting__isnull=False, accepted_at__isnull=True, withdrawn_at__isnull=True
    ):
        Support.objects.get_or_create(
            member_id=invitation.supporting_id,
            email__iexact=invitation.email,
            supporter=None,
            ended_at=None,
            defaults={
                "email": invitation.email,
                "name": f"{invitation.first_name} {invitation.last_name}".strip(),
                "started_at": invitation.created_at,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("members", "0010_existing_supports_are_accepted"),
    ]

    operations = [
        migrations.RunPython(requests_from_invitations, migrations.RunPython.noop)
    ]
