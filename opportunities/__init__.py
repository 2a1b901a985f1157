"""Paid opportunities: staff's requests for input, the lead's opportunities
with their sessions and the fee (fees.py, the one place it is worked out),
sign-ups, waiting lists and selection, calendar invitations and reminders.
May import core, members and notifications."""
