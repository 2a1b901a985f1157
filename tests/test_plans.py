"""Development plans: goals, the review date, the lead's comments and
reviews, the reminder, printing, and who may see a plan at all."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.acting import SESSION_KEY
from members.models import OnBehalfRecord, Profile, User
from notifications.models import Notification
from plans.models import DevelopmentPlan, Goal
from plans.services import plan_review_reminders_send
from plans.tasks import review_reminders_send
from tests.people import PRIVACY_VIEWERS, act_for, sign_in

pytestmark = pytest.mark.django_db

GOAL = "Chair a Wales Assembly meeting"


def plan_of(email):
    return DevelopmentPlan.objects.get(owner__email=email)


# Privacy: the owner and the lead, nobody else --------------------------------

VIEWERS = PRIVACY_VIEWERS


@pytest.mark.parametrize("view", ["plans:plan", "plans:print"])
@pytest.mark.parametrize(("email", "who"), VIEWERS)
def test_a_plan_is_seen_only_by_its_owner_and_the_lead(
    client, demo_site, view, email, who
):
    plan = plan_of("member@example.org")
    if email:
        sign_in(client, email)
    response = client.get(reverse(view, args=[plan.pk]))
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif who == "other":
        assert response.status_code == 404
        assert GOAL not in response.content.decode()
    else:
        assert response.status_code == 200
        assert GOAL in response.content.decode()


@pytest.mark.parametrize(
    ("email", "status"),
    [
        ("member@example.org", 200),
        ("lead@example.org", 404),
        ("member2@example.org", 404),
        ("staff@example.org", 404),
        ("admin@example.org", 404),
    ],
)
def test_only_the_owner_changes_goals(client, demo_site, email, status):
    plan = plan_of("member@example.org")
    goal = plan.goals.get(title=GOAL)
    sign_in(client, email)
    for url in [
        reverse("plans:goal_add", args=[plan.pk]),
        reverse("plans:goal_edit", args=[plan.pk, goal.pk]),
        reverse("plans:goal_remove", args=[plan.pk, goal.pk]),
    ]:
        assert client.get(url).status_code == status
    client.post(reverse("plans:goal_remove", args=[plan.pk, goal.pk]))
    assert Goal.objects.filter(pk=goal.pk).exists() == (status != 200)


def test_a_supporter_sees_the_plan_only_while_acting_for_its_owner(client, demo_site):
    plan = plan_of("member2@example.org")
    sign_in(client, "supporter@example.org")
    assert client.get(reverse("plans:plan", args=[plan.pk])).status_code == 404

    act_for(client, "supporter@example.org", "member2@example.org")
    response = client.get(reverse("plans:plan", args=[plan.pk]))
    assert response.status_code == 200
    assert "Niamh Rafferty's development plan" in response.content.decode()
    # Acting for Niamh opens Niamh's plan, and no one else's.
    other = plan_of("member@example.org")
    assert client.get(reverse("plans:plan", args=[other.pk])).status_code == 404


def test_ending_the_support_closes_the_plan_at_once(client, demo_site):
    plan = plan_of("member2@example.org")
    act_for(client, "supporter@example.org", "member2@example.org")
    User.objects.get(email="member2@example.org").supporters.update(
        ended_at=timezone.now()
    )
    assert client.get(reverse("plans:plan", args=[plan.pk])).status_code == 404
    assert SESSION_KEY not in client.session


def test_a_supporter_cannot_act_for_someone_they_do_not_support(client, demo_site):
    sign_in(client, "supporter@example.org")
    member = User.objects.get(email="member@example.org")
    response = client.post(reverse("members:acting_start", args=[member.pk]))
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    ("email", "location"),
    [("member@example.org", "plan"), ("lead@example.org", "all")],
)
def test_my_plan_leads_each_role_to_the_right_place(client, demo_site, email, location):
    sign_in(client, email)
    response = client.get(reverse("plans:mine"))
    if location == "plan":
        expected = reverse("plans:plan", args=[plan_of(email).pk])
    else:
        expected = reverse("plans:all")
    assert response["Location"] == expected


def test_staff_have_no_plan_page(client, demo_site):
    sign_in(client, "staff@example.org")
    assert client.get(reverse("plans:mine")).status_code == 404
    assert client.get(reverse("plans:all")).status_code == 404


def test_a_new_member_gets_an_empty_plan_on_first_visit(client, demo_site):
    DevelopmentPlan.objects.filter(owner__email="member3@example.org").delete()
    sign_in(client, "member3@example.org")
    response = client.get(reverse("plans:mine"), follow=True)
    assert "No goals yet" in response.content.decode()


# Goals -------------------------------------------------------------------------


def test_the_owner_adds_a_goal(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    response = client.post(
        reverse("plans:goal_add", args=[plan.pk]),
        {
            "title": "Learn to edit video",
            "steps": "Find a course\nEdit one clip",
            "support_needed": "A laptop that can cope",
            "status": "not_started",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Saved the goal: Learn to edit video" in page
    assert "Find a course<br>Edit one clip" in page
    assert not OnBehalfRecord.objects.exists()


def test_a_goal_without_a_title_keeps_everything_typed(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    response = client.post(
        reverse("plans:goal_add", args=[plan.pk]),
        {"title": "", "steps": "Step one typed carefully", "status": "in_progress"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Write your goal in a few words." in page
    assert "Step one typed carefully" in page
    assert re.search(r'value="in_progress"[^>]*checked', page)
    assert plan.goals.count() == 2


def test_removing_a_goal_asks_first(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    goal = plan.goals.get(title=GOAL)
    page = client.get(reverse("plans:goal_remove", args=[plan.pk, goal.pk]))
    assert "This cannot be undone" in page.content.decode()
    assert plan.goals.filter(pk=goal.pk).exists()
    client.post(reverse("plans:goal_remove", args=[plan.pk, goal.pk]))
    assert not plan.goals.filter(pk=goal.pk).exists()


def test_what_a_supporter_changes_is_recorded_for_the_member(client, demo_site):
    member = act_for(client, "supporter@example.org", "member2@example.org")
    plan = plan_of("member2@example.org")
    client.post(
        reverse("plans:goal_add", args=[plan.pk]),
        {"title": "Go to the Belfast meeting", "status": "not_started"},
    )
    record = OnBehalfRecord.objects.get(member=member)
    assert record.supporter.email == "supporter@example.org"
    assert "Go to the Belfast meeting" in record.action

    sign_in(client, "member2@example.org")
    page = client.get(reverse("members:profile")).content.decode()
    assert "Done on your behalf" in page
    assert "Aoife Rafferty" in page


# The review date ---------------------------------------------------------------


def test_a_review_date_in_the_past_is_kept_with_a_warning(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    past = timezone.localdate() - timedelta(days=3)
    response = client.post(
        reverse("plans:review_date", args=[plan.pk]),
        {"review_on": past.isoformat()},
        follow=True,
    )
    plan.refresh_from_db()
    assert plan.review_on == past
    page = response.content.decode()
    assert "has already passed. It is saved" in page


def test_a_review_date_that_is_not_a_date_is_explained(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    before = plan.review_on
    response = client.post(
        reverse("plans:review_date", args=[plan.pk]), {"review_on": "next tuesday"}
    )
    assert response.status_code == 400
    assert "Enter a real date" in response.content.decode()
    plan.refresh_from_db()
    assert plan.review_on == before


# The lead's side ---------------------------------------------------------------


def test_the_lead_comments_and_the_owner_hears(client, demo_site):
    sign_in(client, "lead@example.org")
    plan = plan_of("member@example.org")
    client.post(
        reverse("plans:comment", args=[plan.pk]), {"body": "Shall we meet on Friday?"}
    )
    note = Notification.objects.get(
        recipient=plan.owner, dedupe_key__startswith="plan-comment:"
    )
    assert note.body == "Shall we meet on Friday?"
    assert note.url == reverse("plans:plan", args=[plan.pk])


def test_the_owner_comments_and_the_lead_hears(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    client.post(reverse("plans:comment", args=[plan.pk]), {"body": "Friday is good."})
    assert Notification.objects.filter(
        recipient__email="lead@example.org", body="Friday is good."
    ).exists()


def test_an_empty_comment_is_explained(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    response = client.post(reverse("plans:comment", args=[plan.pk]), {"body": ""})
    assert response.status_code == 400
    assert "Write your comment." in response.content.decode()


def test_the_lead_records_a_review_that_sets_the_next_date(client, demo_site):
    sign_in(client, "lead@example.org")
    plan = plan_of("member@example.org")
    next_review = timezone.localdate() + timedelta(days=180)
    client.post(
        reverse("plans:review", args=[plan.pk]),
        {
            "reviewed_on": timezone.localdate().isoformat(),
            "notes": "Chairing went well.",
            "next_review_on": next_review.isoformat(),
        },
    )
    plan.refresh_from_db()
    assert plan.review_on == next_review
    assert plan.reviews.filter(notes="Chairing went well.").exists()
    assert Notification.objects.filter(
        recipient=plan.owner, subject="Your development plan has been reviewed"
    ).exists()


def test_a_member_cannot_record_a_review(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    response = client.post(
        reverse("plans:review", args=[plan.pk]),
        {"reviewed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 404
    assert plan.reviews.count() == 1


def test_the_lead_sees_every_member_s_plan_soonest_review_first(client, demo_site):
    sign_in(client, "lead@example.org")
    page = client.get(reverse("plans:all")).content.decode()
    dafydd, niamh, colm = (
        page.index("Dafydd Pryce"),
        page.index("Niamh Rafferty"),
        page.index("Colm Brennan"),
    )
    # Colm has no review date: last.
    assert dafydd < niamh < colm


# Reminders ---------------------------------------------------------------------


def test_a_reminder_goes_before_the_review_once(demo_site):
    today = timezone.localdate()
    plan = plan_of("member@example.org")  # review in ten days
    assert plan_review_reminders_send(today=today) == 1
    assert plan_review_reminders_send(today=today) == 0
    reminder = Notification.objects.get(
        recipient=plan.owner, dedupe_key__startswith="plan-review-reminder:"
    )
    assert reminder.kind == "reminder"
    assert f"{plan.review_on:%-d %B}" in reminder.subject
    # Niamh's review is two months away: nothing yet.
    assert not Notification.objects.filter(
        recipient__email="member2@example.org",
        dedupe_key__startswith="plan-review-reminder:",
    ).exists()


def test_a_paused_member_gets_no_reminder(demo_site):
    today = timezone.localdate()
    plan = plan_of("member3@example.org")  # Colm is paused
    plan.review_on = today + timedelta(days=5)
    plan.save()
    plan_review_reminders_send(today=today)
    assert not Notification.objects.filter(
        recipient=plan.owner, kind="reminder"
    ).exists()
    # Back from the pause: the reminder comes.
    Profile.objects.filter(user=plan.owner).update(paused_since=None)
    plan_review_reminders_send(today=today)
    assert Notification.objects.filter(recipient=plan.owner, kind="reminder").exists()


def test_the_scheduled_task_counts_from_the_day_it_was_meant_for(demo_site):
    plan = plan_of("member@example.org")
    long_ago = (timezone.now() - timedelta(days=60)).isoformat()
    assert review_reminders_send(intended_for=long_ago) == 0
    assert review_reminders_send() == 1
    assert plan.owner.notifications.filter(kind="reminder").count() == 1


# Dashboards and printing -------------------------------------------------------


def test_the_member_s_dashboard_says_the_review_is_coming(client, demo_site):
    sign_in(client, "member@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    assert "Plan review coming up" in page


def test_the_lead_s_dashboard_lists_plans_to_review(client, demo_site):
    sign_in(client, "lead@example.org")
    page = client.get(reverse("intranet:home")).content.decode()
    section = page[page.index("Plans to review") :]
    assert "Dafydd Pryce" in section[:1000]
    assert "Niamh Rafferty" not in section[:1000]


def test_the_print_view_has_the_goals_and_how_to_save_a_pdf(client, demo_site):
    sign_in(client, "member@example.org")
    plan = plan_of("member@example.org")
    page = client.get(reverse("plans:print", args=[plan.pk])).content.decode()
    assert GOAL in page
    assert "Save as PDF" in page
    assert "intranet-nav" not in page
