"""Moderation events reach people through the notification service (with
their own preferences and the outbox) instead of Wagtail's direct emails."""

from wagtail.admin import signal_handlers as wagtail_emails
from wagtail.signals import task_rejected, task_submitted, workflow_approved

from . import services

WAGTAIL_EMAILS = [
    ("task_submitted", "group_approval_task_submitted_email_notification"),
    ("workflow_submitted", "workflow_state_submitted_email_notification"),
    ("workflow_rejected", "workflow_state_rejected_email_notification"),
    ("workflow_approved", "workflow_state_approved_email_notification"),
]


def on_task_submitted(sender, instance, user=None, **kwargs):
    services.moderation_submitted(task_state=instance)


def on_task_rejected(sender, instance, user=None, **kwargs):
    services.moderation_changes_requested(task_state=instance)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    services.moderation_approved(workflow_state=instance)


def connect():
    for signal_name, dispatch_uid in WAGTAIL_EMAILS:
        signal = getattr(wagtail_emails, signal_name)
        signal.disconnect(sender=signal_sender(signal_name), dispatch_uid=dispatch_uid)
    task_submitted.connect(on_task_submitted, dispatch_uid="moderation_submitted")
    task_rejected.connect(on_task_rejected, dispatch_uid="moderation_changes")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="moderation_done")


def signal_sender(signal_name: str):
    from wagtail.models import TaskState, WorkflowState

    return TaskState if signal_name.startswith("task") else WorkflowState
