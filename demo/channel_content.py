"""The channel, for the demo: topics from the report's work (the policy and
practice roundtables, recruitment panels, the staff away day) between demo
members and staff@ (Tom), one written by Aoife for Niamh, and one post the
lead hid with a reason, and one flagged to her that she has not yet
looked at. Written through the services, so each post is
signed, dated and read as the site would do it. Every person is invented."""

from datetime import timedelta

from django.utils import timezone

from channel.models import Topic
from channel.services import (
    post_add,
    post_flag,
    post_hide,
    topic_close,
    topic_start,
)
from members.models import User

# Each topic: its title, then its posts as (hours ago, who, for whom, words).
TOPICS = [
    {
        "title": "Policy and practice roundtables: what should we bring?",
        "posts": [
            (
                150,
                "member",
                None,
                "The next roundtable is on hospital discharge. I have notes "
                "from our last meeting about carers not being told. Should I "
                "share them before the day, or speak to them on the day?",
            ),
            (
                148,
                "staff",
                None,
                "Before the day would help a lot: the chairs can build the "
                "agenda around them. The briefing pack is here: "
                "https://www.example.org/roundtables/briefing",
            ),
            (
                120,
                "supporter",
                "member2",
                "Niamh would like the papers in large print, and asks whether "
                "there will be a break every hour.",
            ),
            (
                119,
                "staff",
                None,
                "Yes to both. Large print papers will be posted a week before.",
            ),
        ],
    },
    {
        "title": "Recruitment panels: how it felt to sit on one",
        "posts": [
            (
                72,
                "member2",
                None,
                "I sat on my first interview panel last week. The staff "
                "explained the scoring well, but I did not get the questions "
                "until the morning.",
            ),
            (
                70,
                "member",
                None,
                "Same for me in the spring. Could we ask for them two days "
                "before, as a rule?",
            ),
            (
                60,
                "member",
                None,
                "And the name of the candidate who cried in her interview "
                "was [a name].",
            ),
            (
                30,
                "staff",
                None,
                "Thank you both. I have asked HR to send panel questions two "
                "working days ahead from now on.",
            ),
        ],
        "hidden": (2, "It names a candidate: interviews are confidential."),
    },
    {
        "title": "The staff away day: ideas for the afternoon",
        "posts": [
            (
                20,
                "staff",
                None,
                "We have the afternoon of the away day to plan with you. What "
                "would you like staff to try for themselves?",
            ),
            (
                6,
                "member",
                None,
                "A short exercise where staff rewrite a letter we received "
                "into plain English. It would show a lot in twenty minutes.",
            ),
            (
                4,
                "staff",
                None,
                "Good idea, though we could just skip the access checks this "
                "time and use the old room upstairs: it is only one afternoon.",
            ),
        ],
        # Flagged to the lead, who has not looked yet: her list shows it.
        "flagged": (2, "member3", "The old room has no lift. Access is not optional."),
    },
]


def _who(name: str) -> User:
    return User.objects.get(email=f"{name}@example.org")


def channel_load() -> None:
    """Once: a second run finds the topics and adds nothing."""
    if Topic.objects.exists():
        return
    now = timezone.now()
    lead = _who("lead")
    for spec in TOPICS:
        posts = []
        for number, (hours_ago, by, for_whom, body) in enumerate(spec["posts"]):
            at = now - timedelta(hours=hours_ago)
            person = _who(for_whom or by)
            if number == 0:
                topic = topic_start(
                    person=person, by=_who(by), title=spec["title"], body=body, now=at
                )
                posts.append(topic.posts.get())
            else:
                posts.append(
                    post_add(topic=topic, person=person, by=_who(by), body=body, now=at)
                )
        if "flagged" in spec:
            index, by, reason = spec["flagged"]
            post_flag(post=posts[index], person=_who(by), by=_who(by), reason=reason)
        if "hidden" in spec:
            index, reason = spec["hidden"]
            post_hide(
                post=posts[index],
                by=lead,
                reason=reason,
                now=posts[index].created_at + timedelta(hours=1),
            )
    # The roundtables topic has run its course.
    topic_close(topic=Topic.objects.get(title=TOPICS[0]["title"]), by=lead)
