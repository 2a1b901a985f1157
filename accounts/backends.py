"""The backend that loads the signed-in person on every request.

Django's ModelBackend reads the user alone; then each page asks again for
their profile, their role groups, whether they use two-step sign-in, how
many notifications are unread, whether they support anyone, and (for
Wagtail's user bar) their admin profile and permissions, a query each. Here
the user comes with all of those in one statement, and the full set of
permissions, when something asks, in one more (README "Signed-in pages").
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef

from members.acting import with_supports
from members.models import User
from members.roles import with_role_groups
from notifications.selectors import with_unread_count

from .two_step.selectors import with_two_step

ADMIN_ACCESS = "wagtailadmin.access_admin"
MAY_USE_ADMIN = "may_use_admin"


class SignedInBackend(ModelBackend):
    def get_user(self, user_id):
        users = self.signed_in_users()
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    @staticmethod
    def signed_in_users():
        # Wagtail's user bar reads wagtail_userprofile for its theme.
        users = User._default_manager.select_related("profile", "wagtail_userprofile")
        admin = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        users = users.annotate(
            **{
                MAY_USE_ADMIN: Exists(admin.filter(user=OuterRef("pk")))
                | Exists(admin.filter(group__user=OuterRef("pk")))
            }
        )
        for read_with_them in [
            with_role_groups,
            with_unread_count,
            with_two_step,
            with_supports,
        ]:
            users = read_with_them(users=users)
        return users

    def has_perm(self, user_obj, perm, obj=None):
        """Wagtail's user bar asks on every page whether the person may use
        the admin: that answer came with the user."""
        if (
            perm == ADMIN_ACCESS
            and obj is None
            and not user_obj.is_superuser
            and hasattr(user_obj, MAY_USE_ADMIN)
        ):
            return user_obj.is_active and getattr(user_obj, MAY_USE_ADMIN)
        return super().has_perm(user_obj, perm, obj=obj)

    def get_all_permissions(self, user_obj, obj=None):
        """The person's own and their groups' permissions in one query
        (ModelBackend asks twice), kept on the user for the request."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            own = type(user_obj).user_permissions.through.objects.filter(
                permission=OuterRef("pk"), user=user_obj
            )
            through_groups = Group.permissions.through.objects.filter(
                permission=OuterRef("pk"), group__user=user_obj
            )
            granted = (
                Permission.objects.filter(Exists(own) | Exists(through_groups))
                .values_list("content_type__app_label", "codename")
                .order_by()
            )
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in granted}
        return user_obj._perm_cache


class LockoutBackend(AxesStandaloneBackend, SignedInBackend):
    """django-axes' AxesBackend (AxesStandaloneBackend with ModelBackend),
    loading the person as SignedInBackend does. First in
    AUTHENTICATION_BACKENDS, it refuses a locked-out sign-in and never signs
    anyone in itself; a session that names it (force_login and Wagtail's
    test tools take the first backend) loads its person the same way."""
