"""The four "were we heard?" questions (after the Cube framework's four
dimensions: voice, difference, ways of working, taking part), in plain words
and in Easy Read words, with the words of their five-point scale. Every
screen, email and summary reads them from here."""

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

SCALE = range(1, 6)


@dataclass(frozen=True)
class Question:
    field: str  # HeardAnswer's field for the answer
    # In English, as written here; each is marked for translation, and the
    # properties below give it in the language in use.
    words_en: str
    easy_read_en: str
    scale_en: tuple[str, str, str, str, str]  # 1 to 5, lowest first

    @property
    def words(self) -> str:
        return gettext(self.words_en)

    @property
    def easy_read(self) -> str:
        return gettext(self.easy_read_en)

    @property
    def scale(self) -> tuple[str, ...]:
        return tuple(gettext(words) for words in self.scale_en)

    @property
    def choices(self) -> list[tuple[int, str]]:
        """The scale as a field's choices: (1, "Not at all") to (5, ...)."""
        return list(zip(SCALE, self.scale, strict=True))


AGREEMENT = (
    _("Not at all"),
    _("A little"),
    _("Partly"),
    _("Mostly"),
    _("Completely"),
)

QUESTIONS = (
    Question(
        "heard",
        _("Did you feel your voice was heard?"),
        _("Did people listen to you?"),
        AGREEMENT,
    ),
    Question(
        "difference",
        _("Do you think what you said will make a difference?"),
        _("Will what you said change things?"),
        AGREEMENT,
    ),
    Question(
        "ways_of_working",
        _("Did the way we worked suit you?"),
        _("Was the meeting good for you?"),
        AGREEMENT,
    ),
    Question(
        "took_part",
        _("How much could you take part?"),
        _("Could you join in?"),
        (_("Not at all"), _("A little"), _("About half"), _("Mostly"), _("Fully")),
    ),
)

BY_FIELD = {question.field: question for question in QUESTIONS}
