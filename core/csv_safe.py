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


def wagtail_csv_exports_neutralise() -> None:
    """Wagtail's own CSV downloads (its reports, listings with an export)
    write titles and names as they are; its Excel download already turns
    formulas into text. Every value it writes to a CSV goes through csv_cell
    too. Called once, from CoreConfig.ready()."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralised", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.neutralised = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
