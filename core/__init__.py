"""Shared pieces every feature app stands on: content blocks, reader
preferences, error pages. Imports no other project app."""
