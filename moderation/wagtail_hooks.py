from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem

from library.models import LibraryIndexPage, ResourcePage
from stories.models import StoryIndexPage, StoryPage

from . import selectors, services
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


@hooks.register("before_edit_page", order=-1)
def translations_go_through_moderation(request, page):
    """wagtail-localize's translation editor publishes at once, even half
    translated (the missing words left in English). Before it runs: refuse
    while any passage is untranslated, naming them, and in a page with a
    workflow send the translation for review instead of publishing it."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = selectors.translation_for_page(page=page)
    if translation is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        return None  # Wagtail's edit view refuses it.
    if missing := selectors.translation_missing(translation=translation):
        shown = [f"“{words}”" for words in missing[: selectors.MISSING_SHOWN]]
        if (more := len(missing) - selectors.MISSING_SHOWN) > 0:
            shown.append(gettext("and %(more)s more") % {"more": more})
        messages.error(
            request,
            ngettext(
                "Not sent: %(count)s passage is not translated yet: %(shown)s.",
                "Not sent: %(count)s passages are not translated yet: %(shown)s.",
                len(missing),
            )
            % {"count": len(missing), "shown": "; ".join(shown)},
        )
        return redirect(request.path)
    if page.get_workflow() is None:
        return None  # No review here: wagtail-localize publishes it.
    try:
        outcome = services.translation_send_for_review(
            translation=translation, page=page, by=request.user
        )
    except ValidationError as error:
        messages.error(
            request,
            gettext("Not sent: %(problems)s")
            % {"problems": " ".join(" ".join(error.messages).split())},
        )
        return redirect(request.path)
    messages.success(
        request,
        {
            "started": gettext(
                "Sent for review: “%(title)s” is published when the engagement "
                "lead approves it."
            ),
            "resumed": gettext(
                "Sent back for review with your changes: “%(title)s” is "
                "published when the engagement lead approves it."
            ),
            "updated": gettext(
                "Saved: the review of “%(title)s” already under way now sees "
                "your changes."
            ),
        }[outcome]
        % {"title": page.get_admin_display_title()},
    )
    return redirect(request.path)
