"""The demo's "were we heard?" answers: the Cube's four questions answered by
the demo members after the 2022 and 2023 meetings, enough that several
meetings and the year 2023 have five answers or more (so a summary shows),
one of them written down by the lead on a phone call. Two members who left
at the end of November 2023 (Maeve and Róisín, on "Who we are" already) have
accounts, closed, so that their answers are theirs. Everyone is invented;
a second run changes nothing."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from impact.factories import HeardAnswerFactory, HeardAskFactory
from impact.models import HeardAnswer, Meeting
from members import roles
from members.factories import MembershipFactory, UserFactory
from members.models import Assembly, Membership, Profile, User

LEFT_ON = date(2023, 11, 30)

# Members who left, with the profile "Who we are" already shows.
FORMER = [
    ("maeve.donnelly", "Maeve", "Donnelly", "maeve-donnelly"),
    ("roisin.carr", "Róisín", "Carr", "roisin-carr"),
]

# Meeting title: the former members who were there too.
ALSO_THERE = {
    "Recognising what members bring": ["maeve.donnelly", "roisin.carr"],
    "Planning meeting": ["maeve.donnelly", "roisin.carr"],
    "Development session 1: recruitment": ["maeve.donnelly", "roisin.carr"],
    "Meeting 3: our question and answer service": ["maeve.donnelly", "roisin.carr"],
}

# Meeting title: (who, heard, difference, ways of working, took part, comment),
# None where the question was left out. "member2" answered the 2023 planning
# meeting on the phone: the lead wrote it down.
ANSWERS = {
    "Our first planning meeting": [
        ("member", 4, 3, 3, 4, "A lot to take in for a first meeting."),
        ("member2", 3, 3, 2, 3, "The papers came too late to read."),
    ],
    "Recognising what members bring": [
        ("member", 5, 4, 4, 5, ""),
        ("member2", 4, 4, 3, 4, "Good to talk about benefits openly."),
        ("member3", 3, 3, 4, 3, ""),
        ("maeve.donnelly", 4, 3, 4, 4, ""),
        ("roisin.carr", 5, 4, 4, 5, "I felt listened to."),
    ],
    "Planning meeting": [
        ("member", 5, 4, 5, 5, ""),
        ("member2", 4, 4, 4, 3, "Hard to join in online at first."),
        ("member3", 4, 3, 4, 4, ""),
        ("maeve.donnelly", 4, 4, 5, 4, ""),
        ("roisin.carr", 5, 5, 5, 5, "Co-delivering it was a highlight."),
    ],
    "Development session 1: recruitment": [
        ("member", 5, 5, 4, 5, "We could see the change straight away."),
        ("member2", 4, 5, 4, 4, ""),
        ("member3", 4, 4, 3, 3, "More breaks, please."),
        ("maeve.donnelly", 5, 5, 4, 5, ""),
        ("roisin.carr", 4, None, 4, 4, ""),
    ],
    "Meeting 2: understanding evidence": [
        ("member", 4, 3, 4, 4, ""),
        ("member2", 3, 3, 3, 4, ""),
    ],
    "Meeting 3: our question and answer service": [
        ("member", 5, 4, 4, 4, ""),
        ("member2", 4, 4, 4, 4, "The researchers used our links."),
        ("member3", 4, 5, 3, 3, ""),
        ("maeve.donnelly", 4, 4, 4, 5, ""),
        ("roisin.carr", 3, 3, 4, 4, ""),
    ],
}
BY_PHONE = {("Planning meeting", "member2")}


def _user(key: str) -> User:
    return User.objects.get(email=f"{key}@example.org")


def former_members_load() -> None:
    """Maeve's and Róisín's accounts, closed when they left, linked to the
    profiles "Who we are" shows under past members."""
    northern_ireland = Assembly.objects.get(slug="northern-ireland")
    for key, first_name, last_name, slug in FORMER:
        user = User.objects.filter(email=f"{key}@example.org").first()
        if user is None:
            user = UserFactory(
                email=f"{key}@example.org",
                first_name=first_name,
                last_name=last_name,
                groups=[roles.MEMBERS],
                is_active=False,
            )
        Profile.objects.filter(slug=slug, user__isnull=True).update(user=user)
        if not Membership.objects.filter(user=user).exists():
            MembershipFactory(
                user=user,
                assembly=northern_ireland,
                started_on=date(2022, 1, 10),
                ended_on=LEFT_ON,
            )


def heard_load() -> None:
    """After the meetings: who else was there, and everyone's answers."""
    former_members_load()
    lead = _user("lead")
    for title, keys in ALSO_THERE.items():
        Meeting.objects.get(title=title).attendees.add(*(_user(key) for key in keys))
    for title, answers in ANSWERS.items():
        meeting = Meeting.objects.get(title=title)
        answered_at = timezone.make_aware(
            datetime.combine(meeting.date + timedelta(days=1), time(10, 0))
        )
        for key, heard, difference, ways, took_part, comment in answers:
            member = _user(key)
            if HeardAnswer.objects.filter(member=member, meeting=meeting).exists():
                continue
            HeardAskFactory(member=member, meeting=meeting, asked_at=answered_at)
            HeardAnswerFactory(
                member=member,
                meeting=meeting,
                heard=heard,
                difference=difference,
                ways_of_working=ways,
                took_part=took_part,
                comment=comment,
                recorded_by=lead if (title, key) in BY_PHONE else member,
                answered_at=answered_at + timedelta(hours=2),
            )
