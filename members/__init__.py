"""People: the user model (email is the login), roles, Assemblies and
membership history, profiles, supporters and acting for a member, pausing,
the team CV, the lead's People screens, a member's own download, anonymising
and the log of private reads. Signing in lives in accounts. May import core
only."""
