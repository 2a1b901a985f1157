"""The one refusal every app's services raise: a change the rules refuse,
with a message for the person. Programmer errors stay ValueError. Imports
nothing from the project."""


class NotAllowed(Exception):
    """A change the rules refuse; str() is the message for the person, and
    `field` names the form field it belongs next to, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
