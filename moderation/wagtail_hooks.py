from wagtail import hooks


@hooks.register("construct_main_menu")
def hide_reports_from_members(request, menu_items):
    """Wagtail's reports are for the people who review and publish."""
    if not request.user.has_perm("stories.edit_story_settings"):
        menu_items[:] = [item for item in menu_items if item.name != "reports"]
