"""Start the membership history from what profiles already say."""

from django.db import migrations


def memberships_from_profiles(apps, schema_editor):
    Profile = apps.get_model("members", "Profile")
    Membership = apps.get_model("members", "Membership")
    for profile in Profile.objects.filter(user__isnull=False, assembly__isnull=False):
        if not Membership.objects.filter(user_id=profile.user_id).exists():
            Membership.objects.create(
                user_id=profile.user_id,
                assembly_id=profile.assembly_id,
                started_on=profile.joined_on,
                ended_on=profile.left_on,
            )


class Migration(migrations.Migration):
    dependencies = [("members", "0006_intranet_profile_membership_support")]

    operations = [
        migrations.RunPython(memberships_from_profiles, migrations.RunPython.noop)
    ]
