from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem

from library.models import LibraryIndexPage, ResourcePage
from stories.models import StoryIndexPage, StoryPage

from .access import may_open_reports


@hooks.register("construct_main_menu")
def hide_reports_from_members(request, menu_items):
    """Wagtail's reports are for the people who review and publish; the same
    check refuses their addresses (moderation/middleware.py)."""
    if not may_open_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "reports"]


class WritePanel(Component):
    """On the admin home: start a story or a resource in the right section."""

    name = "write"
    order = 10
    template_name = "moderation/write_panel.html"

    def __init__(self, actions):
        self.actions = actions

    def get_context_data(self, parent_context=None):
        return {"actions": self.actions}


@hooks.register("construct_homepage_panels")
def add_write_panel(request, panels):
    actions = []
    for section, page_type, label in [
        (StoryIndexPage, StoryPage, _("Write a story")),
        (LibraryIndexPage, ResourcePage, _("Add a library resource")),
    ]:
        index = section.objects.first()
        if index and index.permissions_for_user(request.user).can_add_subpage():
            opts = page_type._meta
            url = reverse(
                "wagtailadmin_pages:add",
                args=(opts.app_label, opts.model_name, index.pk),
            )
            actions.append((label, url))
    if actions:
        panels.insert(0, WritePanel(actions))


class ProjectContentChecker(ContentCheckerItem):
    """Wagtail's checker in the preview and editor, with more of axe-core's
    rules: the ones about pictures, media, links and lists that members' own
    content can break."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
        "role-img-alt",
        "video-caption",
        "link-in-text-block",
        "identical-links-same-purpose",
        "list",
        "listitem",
        "duplicate-id-aria",
    ]
    axe_custom_checks = [
        {
            "id": "check-image-alt-text",
            # File names, underscores, and alt text that only says "image".
            "options": {
                "pattern": "\\.(avif|gif|jpg|jpeg|png|svg|webp)$|_|"
                "^(image|picture|photo|img)$"
            },
        },
        *ContentCheckerItem.axe_custom_checks[1:],
    ]


@hooks.register("construct_wagtail_userbar")
def use_project_content_checker(request, items, page):
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem):
            items[position] = ProjectContentChecker(in_editor=item.in_editor)
