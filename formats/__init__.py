"""Asking for a page in another format (Easy Read, large print, audio, a
call): the request anyone can send, and the lead's list. May import core,
members and notifications."""
