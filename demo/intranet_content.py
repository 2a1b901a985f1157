"""The members' area for the demo: the shared skills list, what each member
shares for the team CV, development plans, a supporter and a pause. Every
person is invented; the skills echo the group's work in the annual report."""

from datetime import timedelta

from django.utils import timezone

from formats.factories import FormatRequestFactory
from formats.models import FormatRequest
from members.factories import ProfileFactory, SkillFactory, SupportFactory
from members.models import Profile, Support, User
from plans.factories import (
    DevelopmentPlanFactory,
    GoalFactory,
    PlanCommentFactory,
    PlanReviewFactory,
)
from plans.models import DevelopmentPlan, Goal

SKILLS = [
    "Chairing meetings",
    "Co-production",
    "Easy Read writing",
    "Interview panels and recruitment",
    "Peer support",
    "Presenting",
    "Social media",
    "Storytelling",
    "Training others",
    "Welsh language",
    "Film and video",
    "Policy and consultation responses",
]

# slug: (skills, own words, experience, languages, shares skills, experience, languages)
TEAM_CV = {
    "grace-okafor": (
        ["Interview panels and recruitment", "Presenting", "Training others"],
        "I can explain what good support from a PA looks like, from the inside.",
        "Sat on three recruitment panels; ran PA awareness sessions.",
        "English, Yoruba",
        (True, True, True),
    ),
    "peter-lindqvist": (
        ["Peer support", "Storytelling"],
        "Listening, and tea.",
        "Twenty years a carer; chairs a local carers' group.",
        "English, Swedish",
        (True, True, False),
    ),
    "joan-ashby": (
        ["Easy Read writing", "Co-production"],
        "Making sure people without speech are heard.",
        "Helped write an Easy Read guide to short breaks.",
        "English, Makaton",
        (True, False, True),
    ),
    "sam-teale": (
        ["Social media", "Film and video", "Presenting"],
        "I run a small social enterprise and make short films.",
        "Led our online engagement during the pandemic.",
        "English",
        (True, True, True),
    ),
    "niamh-rafferty": (
        ["Peer support", "Policy and consultation responses"],
        "",
        "Works part time in a council advice team.",
        "English, Irish",
        (True, True, True),
    ),
    "colm-brennan": (
        ["Storytelling", "Film and video"],
        "Podcasts about mental health, made with people who use services.",
        "",
        "English",
        (True, False, False),
    ),
    "eilidh-munro": (
        ["Co-production", "Chairing meetings", "Training others"],
        "I designed the away day in Stirling with the team.",
        "Chaired the Scotland Assembly for two years.",
        "English, Scottish Gaelic",
        (True, True, True),
    ),
    "fraser-doig": (
        ["Interview panels and recruitment", "Policy and consultation responses"],
        "Fair recruitment, and spotting jargon.",
        "Reviewed job adverts for autistic applicants.",
        "English, British Sign Language",
        (True, True, True),
    ),
    "dafydd-pryce": (
        ["Welsh language", "Film and video", "Storytelling"],
        "I took part in our Carers Week video.",
        "A carer from Powys; volunteers with a young carers' project.",
        "Welsh, English",
        (True, True, True),
    ),
    "seren-hughes": (
        ["Welsh language", "Chairing meetings"],
        "Bilingual meetings that nobody has to apologise for.",
        "Chairs a Welsh-language user group.",
        "Welsh, English",
        (False, False, False),
    ),
}


def skills_load() -> None:
    skills = {name: SkillFactory(name=name) for name in SKILLS}
    for slug, (names, own, experience, languages, shares) in TEAM_CV.items():
        profile = Profile.objects.filter(slug=slug).first()
        if profile is None or profile.skills.exists():
            continue
        profile.skills.set([skills[name] for name in names])
        profile.skills_in_own_words = own
        profile.experience = experience
        profile.languages = languages
        (
            profile.share_skills_with_staff,
            profile.share_experience_with_staff,
            profile.share_languages_with_staff,
        ) = shares
        profile.save()


def plans_load() -> None:
    today = timezone.localdate()
    lead = User.objects.get(email="lead@example.org")
    plans = {
        # Dafydd's review is in ten days, so the reminder and the dashboards
        # have something to show.
        "member@example.org": (
            today + timedelta(days=10),
            [
                (
                    "Chair a Wales Assembly meeting",
                    "Watch Eilidh chair one online\nCo-chair the spring meeting\n"
                    "Chair the summer meeting",
                    "A short chairing course, and a buddy for the first one.",
                    Goal.Status.IN_PROGRESS,
                ),
                (
                    "Make a second short film about caring in rural Wales",
                    "Write a plan for the film\nBook the kit",
                    "Help with captions and a transcript.",
                    Goal.Status.NOT_STARTED,
                ),
            ],
        ),
        "member2@example.org": (
            today + timedelta(days=60),
            [
                (
                    "Respond to a consultation on carers' breaks",
                    "Read the Easy Read summary\nTalk it through with Morwenna",
                    "Papers in large print, a week ahead.",
                    Goal.Status.DONE,
                ),
            ],
        ),
        "member3@example.org": (None, []),
    }
    for email, (review_on, goals) in plans.items():
        owner = User.objects.get(email=email)
        if DevelopmentPlan.objects.filter(owner=owner).exists():
            continue
        plan = DevelopmentPlanFactory(owner=owner, review_on=review_on)
        for title, steps, support, status in goals:
            GoalFactory(
                plan=plan,
                title=title,
                steps=steps,
                support_needed=support,
                status=status,
            )
        if goals:
            PlanReviewFactory(
                plan=plan,
                reviewer=lead,
                reviewed_on=today - timedelta(days=120),
                notes="Good progress. We agreed the goals above.",
                next_review_on=review_on,
            )
            PlanCommentFactory(
                plan=plan,
                author=lead,
                body="I have found a chairing course in Cardiff in the spring; "
                "shall I book you a place?"
                if email == "member@example.org"
                else "Thank you for your response: it went in word for word.",
            )


def life_load() -> None:
    """A supporter for Niamh, a pause for Colm, and their private details."""
    today = timezone.localdate()
    niamh = User.objects.get(email="member2@example.org")
    aoife = User.objects.get(email="supporter@example.org")
    # Aoife agreed when Niamh asked her: she can act for Niamh.
    if not Support.objects.filter(
        member=niamh, supporter=aoife, ended_at=None
    ).exists():
        SupportFactory(
            member=niamh,
            supporter=aoife,
            name=str(aoife),
            email=aoife.email,
            started_at=timezone.now() - timedelta(days=200),
            accepted_at=timezone.now() - timedelta(days=200),
        )
    if not Profile.objects.filter(user=aoife).exists():
        ProfileFactory(
            user=aoife,
            display_name="Aoife Rafferty",
            slug="aoife-rafferty",
            role=Profile.Role.SUPPORTER,
            assembly=None,
            joined_on=today - timedelta(days=200),
        )
    tom = User.objects.get(email="staff@example.org")
    if not Profile.objects.filter(user=tom).exists():
        ProfileFactory(
            user=tom,
            display_name="Tom Whitlock",
            slug="tom-whitlock",
            role=Profile.Role.STAFF,
            assembly=None,
            joined_on=today - timedelta(days=400),
        )
    Profile.objects.filter(user=niamh, support_needs="").update(
        pronouns="she/her",
        contact_method="phone",
        contact_notes="Afternoons are best; my sister Aoife may answer.",
        support_needs="Papers in large print (18 point) a week before meetings. "
        "Breaks every hour.",
    )
    Profile.objects.filter(
        user__email="member3@example.org", paused_since__isnull=True
    ).update(
        paused_since=today - timedelta(days=12),
        returning_on=today + timedelta(days=30),
    )
    if not FormatRequest.objects.exists():
        FormatRequestFactory(
            page_path="/library/",
            format=FormatRequest.Format.AUDIO,
            details="The guide to being paid, read aloud please.",
            name="Pat (a visitor)",
            reply_to="pat@example.net",
        )
