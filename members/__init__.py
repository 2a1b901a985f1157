"""People: the user model (email is the login), roles and sign-in.
May import core only."""
