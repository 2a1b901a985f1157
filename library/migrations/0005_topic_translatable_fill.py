"""Existing topics get the default locale (English) and a translation key,
as Wagtail documents for adding TranslatableMixin to a model with rows."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0004_topic_translatable_bootstrap"),
        ("core", "0004_welsh_locale"),
    ]

    operations = [BootstrapTranslatableModel("library.Topic")]
