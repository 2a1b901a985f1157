"""Small rules for text that comes in from people."""

import re

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .exceptions import NotAllowed


def single_line(text: str) -> str:
    """One line: every run of whitespace, line breaks included, becomes one
    space. A name or subject with a line break would otherwise break an
    email's headers (or be refused by the mail library, and never arrive)."""
    return " ".join(str(text).split())


# A link that runs script when followed: refused, whatever its case or spaces.
SCRIPT_LINK = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.IGNORECASE)


def plain_text_check(
    text: str, *, field: str, limit: int, empty: str, this: str, these: str
) -> str:
    """Plain text people post (a channel post, a project update), stripped;
    NotAllowed beside `field` when it is empty, longer than `limit`, or has a
    `javascript:` link. `this` names one ("Your post"), `these` several
    ("posts"), in the messages."""
    text = text.strip()
    if not text:
        raise NotAllowed(empty, field=field)
    if len(text) > limit:
        raise NotAllowed(
            _(
                "%(this)s is %(length)s characters long: make it %(limit)s or "
                "fewer, or split it into two %(these)s."
            )
            % {
                "this": this,
                "length": number_format(len(text), force_grouping=True),
                "limit": number_format(limit, force_grouping=True),
                "these": these,
            },
            field=field,
        )
    if SCRIPT_LINK.search(text):
        raise NotAllowed(
            _(
                "Remove the “javascript:” link: %(these)s can link only to web "
                "addresses (http or https) and email addresses."
            )
            % {"these": these},
            field=field,
        )
    return text
