"""Dates in text that is read later, by someone else (a notification, an
email): lazy, so the month and day are named in the reader's language when
the text is shown, not in the language of whoever caused it."""

from django.utils.formats import date_format
from django.utils.functional import lazy

# "j F Y" is "5 March 2026"; "l j F" is "Thursday 5 March".
lazy_date = lazy(date_format, str)
