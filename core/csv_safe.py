"""CSV exports that cannot attack a spreadsheet. Names, titles and references
come from people; a cell that starts with =, +, -, @, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula
("=HYPERLINK(...)" can send data away). Every CSV the project writes goes
through here, so such a cell is shown as the text it is: OWASP's advice, a
single quote in front. Imports nothing from the project."""

import csv
from datetime import date, datetime
from decimal import Decimal

# What a spreadsheet may read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Written as they are: the export's own numbers and dates, never people's
# words, so a negative fee stays a number the spreadsheet can add up.
AS_THEY_ARE = (bool, int, float, Decimal, date, datetime)


def csv_cell(value):
    """One cell, made safe: text starting like a formula gets a ' in front."""
    if value is None:
        return ""
    if isinstance(value, AS_THEY_ARE):
        return value
    text = str(value)  # lazy translations, model instances: as they would show
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """A csv.writer whose every cell goes through csv_cell."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row):
        return self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer_safe(file, **options) -> SafeWriter:
    """Use instead of csv.writer for anything a spreadsheet will open."""
    return SafeWriter(file, **options)
