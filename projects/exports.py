"""Projects: their part of a person's download, and of anonymising someone
who has left. Found by core.exports; see there."""

from core.exports import Anonymising, PersonPart

from .models import Project, ProjectFollow, ProjectUpdate


def person_data(person) -> PersonPart:
    return PersonPart(
        key="projects",
        title="Projects",
        about=(
            "The projects you follow, and the updates you posted on projects "
            "(staff and the engagement lead post them)."
        ),
        data={
            "projects you follow": [
                {"project": follow.project.name, "since": follow.created_at}
                for follow in ProjectFollow.objects.filter(person=person)
                .select_related("project")
                .order_by("created_at", "pk")
            ],
            "updates you posted": [
                {
                    "project": update.project.name,
                    "posted": update.posted_at,
                    "words": update.text,
                }
                for update in ProjectUpdate.objects.filter(written_by=person)
                .select_related("project")
                .order_by("posted_at", "pk")
            ],
        },
    )


def person_anonymise(anonymising: Anonymising) -> None:
    """Projects and their updates are the team's and stay; the person's name
    goes from the updates they wrote and from any project or update that
    named them, and they follow nothing."""
    person = anonymising.person
    ProjectFollow.objects.filter(person=person).delete()
    ProjectUpdate.objects.filter(written_by=person).update(
        written_by_name=anonymising.new_name
    )
    for rows in (Project.objects.all(), ProjectUpdate.objects.all()):
        anonymising.scrub_rows(rows)
