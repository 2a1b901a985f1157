"""People: the user model (email is the login), roles, Assemblies and
membership history, profiles and pausing, supporters (named, agreed, ended)
and acting for a member, the team CV, the lead's People screens (inviting
someone included), a member's own download, anonymising and the log of
private reads. Signing in lives in accounts. May import core and
notifications; invitations are sent through members/invitations.py, which
accounts fills in."""
