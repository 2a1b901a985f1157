"""The development plan's part of a person's download, and of anonymising
someone who has left. Found by core.exports; see there."""

from core.exports import Anonymising, PersonPart

from .models import DevelopmentPlan, PlanComment


def person_data(person) -> PersonPart:
    plan = (
        DevelopmentPlan.objects.filter(owner=person)
        .prefetch_related("goals", "comments__author", "reviews__reviewer")
        .first()
    )
    data = None
    if plan is not None:
        data = {
            "next review": plan.review_on,
            "started": plan.created_at,
            "goals": [
                {
                    "goal": goal.title,
                    "steps to get there": goal.steps,
                    "support I need": goal.support_needed,
                    "status": goal.get_status_display(),
                    "added": goal.created_at,
                    "last changed": goal.updated_at,
                }
                for goal in plan.goals.all()
            ],
            "comments": [
                {
                    "by": str(comment.author or ""),
                    "when": comment.created_at,
                    "comment": comment.body,
                }
                for comment in plan.comments.all()
            ],
            "reviews": [
                {
                    "reviewed on": review.reviewed_on,
                    "by": str(review.reviewer or ""),
                    "notes": review.notes,
                    "next review": review.next_review_on,
                }
                for review in plan.reviews.all()
            ],
        }
    return PersonPart(
        key="development_plan",
        title="Your development plan",
        about=(
            "Your personal and professional development plan: your goals, the "
            "steps and support for each, comments on the plan, and the reviews "
            "you had with the engagement lead. Empty (null) if you have no plan."
        ),
        data=data,
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """The plan goes whole (goals, comments, reviews): it is about a future
    with the group that has ended, and no figure counts it. Comments they
    wrote on someone else's plan stay, under their new name, with their
    name taken out of the text."""
    DevelopmentPlan.objects.filter(owner=anonymising.person).delete()
    anonymising.scrub_rows(PlanComment.objects.all())
