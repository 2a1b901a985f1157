"""The channel (issue 20): topics between the group and staff in the
members' area, their plain-text posts (edited for a while, hidden by the
lead with a reason, never deleted), flags to the lead, each person's
unread markers, following a topic and mentions (told through
notifications). May import core, notifications, members and the apps below
impact; nothing imports it but intranet, demo and cms."""
