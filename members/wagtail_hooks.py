from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audit import log_actions_register
from .models import Profile, Skill


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    menu_label = "People"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["display_name", "role", "assembly", "membership_years"]
    list_filter = ["role", "assembly", "publish_on_site"]
    search_fields = ["display_name", "bio"]


register_snippet(ProfileViewSet)


class SkillViewSet(SnippetViewSet):
    """The shared list of skills members tick for the team CV."""

    model = Skill
    icon = "tag"
    menu_label = "Skills"
    menu_order = 210
    add_to_admin_menu = True
    search_fields = ["name"]


register_snippet(SkillViewSet)


@hooks.register("register_log_actions")
def register_anonymise_action(actions):
    """The record that the lead anonymised someone who left (members/anonymise.py)."""
    actions.register_action(
        "members.anonymise", "Anonymise a former member", "Anonymised"
    )


# Reads of private information (members/audit.py), named in Wagtail's history.
hooks.register("register_log_actions", log_actions_register)
