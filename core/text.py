"""Small rules for text that comes in from people."""


def single_line(text: str) -> str:
    """One line: every run of whitespace, line breaks included, becomes one
    space. A name or subject with a line break would otherwise break an
    email's headers (or be refused by the mail library, and never arrive)."""
    return " ".join(str(text).split())
