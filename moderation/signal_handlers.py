"""Moderation events reach people through the notification service (with
their own preferences and the outbox) instead of Wagtail's direct emails."""

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import (
    copy_for_translation_done,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from . import services

# Wagtail's email notifiers, as wagtail.admin.signal_handlers connects them.
WAGTAIL_EMAILS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def on_task_submitted(sender, instance, user=None, **kwargs):
    services.moderation_submitted(task_state=instance)


def on_task_rejected(sender, instance, user=None, **kwargs):
    services.moderation_changes_requested(task_state=instance)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.moderation_approved(workflow_state=instance)


def on_copy_for_translation_done(sender, source_obj, target_obj, **kwargs):
    if isinstance(source_obj, Page):
        services.translation_rules_follow_source(source=source_obj, target=target_obj)


def connect():
    for signal, sender, dispatch_uid in WAGTAIL_EMAILS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    task_submitted.connect(on_task_submitted, dispatch_uid="moderation_submitted")
    task_rejected.connect(on_task_rejected, dispatch_uid="moderation_changes")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="moderation_done")
    copy_for_translation_done.connect(
        on_copy_for_translation_done, dispatch_uid="moderation_translation_rules"
    )
