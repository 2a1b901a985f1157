"""Writing and moderation: the members' story editor, the Moderation
workflow and its notifications, the reviewers' fence around Wagtail's
reports. Listed after Wagtail's admin, whose workflow emails it replaces: may
import core, members, notifications, stories and library."""
