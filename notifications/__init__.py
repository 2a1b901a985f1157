"""Notifications: one service every feature calls (notify), the in-app
notification centre, the outbox and digests. Knows people only as users (the
user model named in settings); who is paused is told to it by members
(notifications/pauses.py). May import core only; never a feature app."""
