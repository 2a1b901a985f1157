"""Shared pieces every app stands on: content blocks and the content checks,
accessible media, reader preferences, private storage, scheduling, rate limits,
the client address, session limits, safe CSV, the export registry, error
pages, /health/, backups, charts people can read (charts.py) and tagged PDFs
(pdf.py). The lowest layer: imports no other project app."""
