"""The UK's four nations, as stories and resources are tagged with them."""

from django.utils.translation import gettext_lazy as _

NATION_CHOICES = [
    ("england", _("England")),
    ("northern-ireland", _("Northern Ireland")),
    ("scotland", _("Scotland")),
    ("wales", _("Wales")),
    ("uk-wide", _("UK-wide")),
]
NATIONS = dict(NATION_CHOICES)
