"""The production stack on this machine (`make stack`, and the end-to-end
tests in tests/stack/): PostgreSQL, Redis, an SMTP server that keeps what it
receives and S3-compatible object storage on loopback, in a throwaway folder,
then the processes the Procfile describes, under production settings.

Not an app and never imported by the site: it imports only the standard
library, third-party packages and, inside `manage.py shell` (seed.py), the
apps' factories and services.
"""
