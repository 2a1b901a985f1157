"""Who may open what in the admin, beyond Wagtail's own permissions."""

from members import roles


def may_open_reports(user) -> bool:
    """Wagtail's reports (locked pages, workflows, the site's history, aging
    pages, page types) show everyone's drafts and who did what: they are for
    the engagement lead, who reviews and publishes, and for administrators,
    who run the site. Wagtail itself would let any editor open them."""
    return user.is_authenticated and (roles.is_lead(user) or user.is_superuser)
