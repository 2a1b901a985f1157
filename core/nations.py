"""The UK's four nations, as stories and resources are tagged with them."""

NATION_CHOICES = [
    ("england", "England"),
    ("northern-ireland", "Northern Ireland"),
    ("scotland", "Scotland"),
    ("wales", "Wales"),
    ("uk-wide", "UK-wide"),
]
NATIONS = dict(NATION_CHOICES)
