from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from members import roles
from members.models import User
from members.selectors import active_in_role
from notifications.models import Kind
from notifications.services import notify

from .models import FormatRequest


@transaction.atomic
def format_request_make(
    *, user: User | AnonymousUser | None = None, **fields
) -> FormatRequest:
    """Record the request and tell every engagement lead."""
    request = FormatRequest.objects.create(
        user=user if user and user.is_authenticated else None, **fields
    )
    # Lazy, so each lead reads it in their own language: the format's label
    # from the choices (get_format_display() would fix it in English now).
    body = format_lazy(gettext_lazy("Page: {path}"), path=request.page_path)
    if request.details.strip():
        body = format_lazy("{}\n{}", body, request.details.strip())
    notify(
        recipients=active_in_role(group_name=roles.ENGAGEMENT_LEADS),
        kind=Kind.GENERAL,
        subject=format_lazy(
            gettext_lazy("{name} asks for {format}"),
            name=request.name,
            format=FormatRequest.Format(request.format).label,
        ),
        body=body,
        url=reverse("format_requests:list"),
        dedupe_key=f"format-request:{request.pk}",
        target=request,
    )
    return request


def format_request_answer(*, request: FormatRequest, by: User) -> None:
    if request.answered_at is None:
        request.answered_at = timezone.now()
        request.answered_by = by
        request.save(update_fields=["answered_at", "answered_by"])
