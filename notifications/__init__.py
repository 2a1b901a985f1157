"""Notifications: one service every feature calls (notify), the in-app
notification centre. Imports members and core only; never a feature app."""
