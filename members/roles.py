"""The role groups. Created by a data migration; names are the domain's words."""

MEMBERS = "Members"
ENGAGEMENT_LEADS = "Engagement leads"
STAFF = "Staff"
ADMINISTRATORS = "Administrators"

ROLE_GROUPS = [MEMBERS, ENGAGEMENT_LEADS, STAFF, ADMINISTRATORS]
