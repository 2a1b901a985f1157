"""The ways in: signing in and out, sign-in links, invitations accepted,
password reset, lockout, two-step sign-in, and the account links made when
their email is sent. May import core, members and notifications."""
