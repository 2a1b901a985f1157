"""Telling the right person about each moderation event, through notify()."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from notifications.models import Kind
from notifications.services import notify


def _page_kind(page):
    return page.specific_class._meta.verbose_name if page.specific_class else _("page")


def moderation_submitted(*, task_state: TaskState) -> None:
    """Tell everyone who can do the review that something is waiting."""
    page = task_state.workflow_state.content_object
    reviewers = get_user_model().objects.filter(
        groups__in=task_state.task.specific.groups.all(), is_active=True
    )
    by = task_state.workflow_state.requested_by
    notify(
        recipients=reviewers.distinct(),
        kind=Kind.MODERATION,
        subject=format_lazy(
            _("Waiting for your review: “{title}”"),
            title=page.get_admin_display_title(),
        ),
        body=format_lazy(
            _("{by} sent this {kind} for review."), by=by, kind=_page_kind(page)
        )
        if by
        else "",
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        target=page,
        dedupe_key=f"moderation:submitted:{task_state.pk}",
    )


def moderation_changes_requested(*, task_state: TaskState) -> None:
    """Tell the author what to change, in the reviewer's words."""
    page = task_state.workflow_state.content_object
    comment = task_state.get_comment()
    notify(
        recipients=[page.owner] if page.owner else [],
        kind=Kind.MODERATION,
        subject=format_lazy(
            _("Your {kind} needs a change: “{title}”"),
            kind=_page_kind(page),
            title=page.get_admin_display_title(),
        ),
        body=comment
        or _("The engagement lead asked for a change. Open it to see their note."),
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        target=page,
        dedupe_key=f"moderation:changes:{task_state.pk}",
    )


def moderation_approved(*, workflow_state: WorkflowState) -> None:
    page = workflow_state.content_object.specific
    notify(
        recipients=[page.owner] if page.owner else [],
        kind=Kind.MODERATION,
        subject=format_lazy(
            _("Your {kind} was published: “{title}”"),
            kind=_page_kind(page),
            title=page.title,
        ),
        body=_("Thank you. It is now on the website for everyone to read."),
        url=page.get_url() or "",
        target=page,
        dedupe_key=f"moderation:approved:{workflow_state.pk}",
    )
