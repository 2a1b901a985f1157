"""Telling the right person about each moderation event, through notify()."""

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.models import (
    GroupPagePermission,
    Page,
    Revision,
    TaskState,
    WorkflowPage,
    WorkflowState,
)
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation, TranslationLog
from wagtail_localize.segments.ingest import ingest_segments

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


def translation_rules_follow_source(*, source: Page, target: Page) -> None:
    """A page's translation (the Welsh Stories section, say) gets the same
    page permissions and workflow as its source, so the Welsh tree is
    written, reviewed and published by the same people the same way."""
    for permission in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id,
            page=target,
            permission_id=permission.permission_id,
        )
    workflow_page = WorkflowPage.objects.filter(page=source).first()
    if workflow_page:
        WorkflowPage.objects.update_or_create(
            page=target, defaults={"workflow": workflow_page.workflow}
        )


def translation_draft_save(
    *, translation: Translation, page: Page, by: AbstractBaseUser
) -> Revision:
    """A new draft of the translated page from the translations so far.

    wagtail-localize's own save_target(publish=False) also writes the page's
    row, which is what the public reads of a live page; like Wagtail's
    editor, this only adds a revision, published when the review approves.
    """
    source = translation.source
    original = source.as_instance()
    target = page.get_latest_revision_as_object()
    copy_synchronised_fields(original, target)
    # The same segments save_target uses (pinned wagtail-localize 1.14).
    segments = source._get_segments_for_translation(
        translation.target_locale, fallback=True
    )
    ingest_segments(
        original, target, source.locale, translation.target_locale, segments
    )
    # As save_target does: a translated address made valid and free.
    target.slug = find_available_slug(
        page.get_parent(), slugify(target.slug), ignore_page_id=page.pk
    )
    revision = target.save_revision(user=by, log_action=True)
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return revision


def translation_send_for_review(
    *, translation: Translation, page: Page, by: AbstractBaseUser
) -> str:
    """Save the translation as a draft and put it through the page's
    workflow, as Wagtail's editor does with "Submit for moderation".
    Returns what happened: "started", "resumed" or "updated" (a review
    already under way now sees the new draft)."""
    translation_draft_save(translation=translation, page=page, by=by)
    page.refresh_from_db()
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(by)
        return "resumed"
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return "updated"
    page.get_workflow().start(page, by)
    return "started"
