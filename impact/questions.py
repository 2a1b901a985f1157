"""The four "were we heard?" questions (after the Cube framework's four
dimensions: voice, difference, ways of working, taking part), in plain words
and in Easy Read words, with the words of their five-point scale. Every
screen, email and summary reads them from here."""

from dataclasses import dataclass

SCALE = range(1, 6)


@dataclass(frozen=True)
class Question:
    field: str  # HeardAnswer's field for the answer
    words: str
    easy_read: str
    scale: tuple[str, str, str, str, str]  # 1 to 5, lowest first

    @property
    def choices(self) -> list[tuple[int, str]]:
        """The scale as a field's choices: (1, "Not at all") to (5, ...)."""
        return list(zip(SCALE, self.scale, strict=True))


AGREEMENT = (
    "Not at all",
    "A little",
    "Partly",
    "Mostly",
    "Completely",
)

QUESTIONS = (
    Question(
        "heard",
        "Did you feel your voice was heard?",
        "Did people listen to you?",
        AGREEMENT,
    ),
    Question(
        "difference",
        "Do you think what you said will make a difference?",
        "Will what you said change things?",
        AGREEMENT,
    ),
    Question(
        "ways_of_working",
        "Did the way we worked suit you?",
        "Was the meeting good for you?",
        AGREEMENT,
    ),
    Question(
        "took_part",
        "How much could you take part?",
        "Could you join in?",
        ("Not at all", "A little", "About half", "Mostly", "Fully"),
    ),
)

BY_FIELD = {question.field: question for question in QUESTIONS}
