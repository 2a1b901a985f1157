"""Which of Wagtail's bulk actions a person is offered."""

from django.apps import apps
from wagtail.models import GroupCollectionPermission, Page
from wagtail.permissions import policy_registry

# A member may change and delete only what they uploaded, one at a time, and
# never publish or move a page: a bulk action is offered to the people who
# may take it on anything in a listing (the engagement lead).
PAGE_BULK_PERMISSIONS = ["publish"]


def may_take_bulk_actions(user, app_label, model_name) -> bool:
    model = apps.get_model(app_label, model_name)
    if issubclass(model, Page):
        return policy_registry.get_by_type(Page).user_has_any_permission(
            user, PAGE_BULK_PERMISSIONS
        )
    if user.is_active and user.is_superuser:
        return True
    # Not Wagtail's policy for images and documents, which counts being able
    # to add as being able to change (one's own uploads).
    return GroupCollectionPermission.objects.filter(
        group__user=user,
        permission__content_type__app_label=app_label,
        permission__codename__in=[f"change_{model_name}", f"delete_{model_name}"],
    ).exists()
