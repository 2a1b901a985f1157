"""The demo Charter: two versions, drawn from what the annual report says the
Charter covers (commitment, meetings, recognising contributions, teamwork,
online meetings). One demo member has not accepted the newest version yet."""

from datetime import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from charter.models import CharterAcceptance, CharterVersion
from charter.services import charter_accept, charter_publish
from members.models import User

VERSION_1 = """## Our commitment
We are a group of people with lived experience of drawing on care and support, and of unpaid caring. We work together with staff as equals. We listen to each other and we respect each other's views.

## Meetings
We meet online once a month, and in person twice a year. Papers go out one week before each meeting, in the format each member asks for.

## Recognising contributions
Members are paid for planned work. Expenses are paid back within a month. We say thank you, and we say what changed because of what members told us.

## Teamwork
We share the work fairly. Anyone can say no to a piece of work without giving a reason.

## Online meetings
Cameras are optional. There is a break every hour. The chat is read out so everyone can follow it."""

VERSION_2 = VERSION_1.replace(
    "There is a break every hour.",
    "There is a break every 45 minutes. Captions are always switched on.",
).replace(
    "Expenses are paid back within a month.",
    "Expenses are paid back within two weeks. Members can ask for help to fill "
    "in a claim.",
)

# The newest version in Welsh too (demo Welsh: to be read by a Welsh speaker).
VERSION_2_CY = """## Ein hymrwymiad
Rydyn ni’n grŵp o bobl sydd â phrofiad bywyd o gael gofal a chymorth, ac o ofalu’n ddi-dâl. Rydyn ni’n gweithio gyda staff fel partneriaid cyfartal. Rydyn ni’n gwrando ar ein gilydd ac yn parchu barn ein gilydd.

## Cyfarfodydd
Rydyn ni’n cwrdd ar-lein unwaith y mis, ac wyneb yn wyneb ddwywaith y flwyddyn. Mae’r papurau’n cael eu hanfon wythnos cyn pob cyfarfod, yn y fformat mae pob aelod yn gofyn amdano.

## Cydnabod cyfraniadau
Mae aelodau’n cael eu talu am waith wedi’i gynllunio. Mae treuliau’n cael eu talu’n ôl o fewn pythefnos. Gall aelodau ofyn am help i lenwi hawliad. Rydyn ni’n dweud diolch, ac rydyn ni’n dweud beth newidiodd oherwydd yr hyn a ddywedodd aelodau wrthon ni.

## Gwaith tîm
Rydyn ni’n rhannu’r gwaith yn deg. Gall unrhyw un ddweud na wrth ddarn o waith heb roi rheswm.

## Cyfarfodydd ar-lein
Does dim rhaid troi’r camera ymlaen. Mae egwyl bob 45 munud. Mae isdeitlau ymlaen bob amser. Mae’r sgwrs yn cael ei darllen yn uchel er mwyn i bawb allu ei dilyn."""

EASY_READ_RTF_CY = (
    r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Arial;}}\f0\fs32 "
    r"Ein Siarter: Hawdd ei Ddeall\par\par "
    r"Rydyn ni\rquote n gweithio gyda\rquote n gilydd fel partneriaid cyfartal.\par "
    r"Rydyn ni\rquote n cwrdd ar-lein bob mis.\par "
    r"Rydych chi\rquote n cael eich talu am waith wedi\rquote i gynllunio.\par "
    r"Gallwch chi ddweud na.\par "
    r"Does dim rhaid troi\rquote r camera ymlaen.\par}"
)

EASY_READ_RTF = (
    r"{\rtf1\ansi\deff0 {\fonttbl {\f0 Arial;}}\f0\fs32 "
    r"Our Charter: Easy Read\par\par "
    r"We work together as equals.\par "
    r"We meet online every month.\par "
    r"You get paid for planned work.\par "
    r"You can say no.\par "
    r"Cameras are optional.\par}"
)


def charter_load() -> None:
    if CharterVersion.objects.exists():
        return
    lead = User.objects.get(email="lead@example.org")
    first = charter_publish(
        body=VERSION_1,
        summary_of_changes="The first version of our Charter.",
        published_by=lead,
    )
    second = charter_publish(
        body=VERSION_2,
        summary_of_changes="Breaks in online meetings are now every 45 minutes "
        "and captions are always on. Expenses are paid back within two weeks.",
        published_by=lead,
        easy_read=ContentFile(EASY_READ_RTF.encode(), name="charter-easy-read.rtf"),
        body_cy=VERSION_2_CY,
        summary_of_changes_cy="Mae egwyl mewn cyfarfodydd ar-lein bob 45 munud "
        "nawr ac mae isdeitlau ymlaen bob amser. Mae treuliau’n cael eu talu’n ôl "
        "o fewn pythefnos.",
        easy_read_cy=ContentFile(
            EASY_READ_RTF_CY.encode(), name="siarter-hawdd-ei-ddeall.rtf"
        ),
    )
    tz = timezone.get_current_timezone()
    CharterVersion.objects.filter(pk=first.pk).update(
        published_at=datetime(2024, 3, 1, 10, tzinfo=tz)
    )
    CharterVersion.objects.filter(pk=second.pk).update(
        published_at=datetime(2026, 10, 1, 10, tzinfo=tz)
    )
    member = User.objects.get(email="member@example.org")
    member2 = User.objects.get(email="member2@example.org")
    for person in (member, member2):
        charter_accept(user=person, version=first)
    charter_accept(user=member, version=second)
    CharterAcceptance.objects.filter(version=first).update(
        accepted_at=datetime(2024, 3, 8, 14, tzinfo=tz)
    )
    CharterAcceptance.objects.filter(version=second).update(
        accepted_at=datetime(2026, 10, 3, 9, tzinfo=tz)
    )
