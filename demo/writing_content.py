"""Members writing in the demo: the journey the product exists for.

Dafydd (member@) owns two published stories and has a draft on the go. Niamh
(member2@) has one story waiting for the lead's review and one the lead sent
back with a comment. Everything goes through Wagtail's own revisions and the
moderation workflow, so the lead's dashboard, Wagtail's workflow screens and
the notifications show it as they would on a real site.

Imports Wagtail, the stories and members apps; runs after the accounts,
profiles, stories and notification preferences are loaded.
"""

from datetime import date

from members.models import Profile, User
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage, StoryPage

MEMBER = "member@example.org"
MEMBER2 = "member2@example.org"
LEAD = "lead@example.org"

# An existing published story that Dafydd wrote (demo/stories_content.py).
DAFYDD_PUBLISHED = "carers-week-2023-a-video-interview"

CHANGE_REQUESTED = (
    "Thank you, Niamh. This is a strong story. Please add a line about what "
    "would make the trip easier. Then send it to me again."
)

# slug, author email, profile slug, title, date, nation, tags, summary, paragraphs
WRITING = {
    "published": (
        "my-first-paid-meeting",
        MEMBER,
        "dafydd-pryce",
        "My first paid meeting",
        date(2023, 7, 10),
        "wales",
        ["carers", "payment"],
        "I was nervous before my first paid meeting. Here is what helped.",
        [
            "I have cared for my wife for many years. I did not think my views "
            "would count in a big meeting.",
            "The week before, the lead phoned me. She told me who would be "
            "there and what we would talk about. She told me the fee, too.",
            "On the day, I had my notes on one page. People listened. Someone "
            "asked me to say more.",
            "A week later the money was in my bank. I felt my time was worth "
            "something.",
        ],
    ),
    "draft": (
        "a-break-for-me-when-i-care-all-day",
        MEMBER,
        "dafydd-pryce",
        "A break for me when I care all day",
        date(2024, 2, 12),
        "wales",
        ["carers"],
        "Small things that help me get a break. I am still writing this one.",
        [
            "Caring is a full-time job. It is easy to forget about yourself.",
            "Now I take one hour a week just for me. A friend sits with my "
            "wife. I walk by the river and I do not look at my phone.",
            "I want to add tips from other carers before I send this in.",
        ],
    ),
    "in_review": (
        "why-i-joined-the-group",
        MEMBER2,
        "niamh-rafferty",
        "Why I joined the group",
        date(2024, 2, 5),
        "northern-ireland",
        ["membership"],
        "How I came to join the group, and what I hope to change.",
        [
            "A friend at my day centre told me about the group. She said "
            "members are paid for their time. I did not believe her at first.",
            "My first meeting was online. I kept my camera off, and that was fine.",
            "Now I help plan our meetings. I want more people like me to have a say.",
        ],
    ),
    "sent_back": (
        "getting-to-meetings-by-bus",
        MEMBER2,
        "niamh-rafferty",
        "Getting to meetings by bus",
        date(2024, 1, 29),
        "northern-ireland",
        ["transport"],
        "The buses near me are hard to use. This is what a trip is like.",
        [
            "I use a wheelchair. The ramp on the bus does not always work.",
            "Last month I waited an hour in the rain. Two buses went past me.",
            "When I got to the meeting, I was cold and late. The group kept a "
            "seat for me and made me a hot drink.",
        ],
    ),
}


def writing_load() -> None:
    """Each step looks for its page first: a second run changes nothing."""
    people = {
        u.email: u for u in User.objects.filter(email__in=[MEMBER, MEMBER2, LEAD])
    }
    index = StoryIndexPage.objects.get(locale__language_code="en-gb")
    member, member2, lead = people[MEMBER], people[MEMBER2], people[LEAD]

    _owned_by(DAFYDD_PUBLISHED, member=member, lead=lead)
    if story := _story_written(index, WRITING["published"], people):
        task_state = _sent_for_review(story, by=member)
        task_state.task.specific.on_action(task_state, lead, "approve")
    _story_written(index, WRITING["draft"], people)
    if story := _story_written(index, WRITING["in_review"], people):
        _sent_for_review(story, by=member2)
    if story := _story_written(index, WRITING["sent_back"], people):
        task_state = _sent_for_review(story, by=member2)
        task_state.task.specific.on_action(
            task_state, lead, "reject", comment=CHANGE_REQUESTED
        )


def _owned_by(slug: str, *, member: User, lead: User) -> None:
    """A story already published becomes the member's own, with an edit of
    theirs in its history, published by the lead."""
    story = StoryPage.objects.filter(slug=slug).first()
    if story is None or story.owner_id == member.pk:
        return
    story.owner = member
    revision = story.save_revision(user=member, log_action=True)
    revision.publish(user=lead)


def _story_written(index, writing, people) -> StoryPage | None:
    """A member's story, saved as a draft by them; None if it is already there."""
    slug, email, author, title, when, nation, tags, summary, paragraphs = writing
    if StoryPage.objects.child_of(index).filter(slug=slug).exists():
        return None
    owner = people[email]
    story = StoryPageFactory(
        parent=index,
        title=title,
        slug=slug,
        kind=StoryPage.Kind.BLOG,
        author=Profile.objects.filter(slug=author).first(),
        date=when,
        nation=nation,
        summary=summary,
        body=[{"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs],
        owner=owner,
        live=False,
    )
    story.tags.add(*tags)
    story.save_revision(user=owner, log_action=True)
    return story


def _sent_for_review(story: StoryPage, *, by: User):
    """Submit to the section's workflow, as the editor's Submit button does."""
    story.get_workflow().start(story, by)
    return story.current_workflow_task_state
