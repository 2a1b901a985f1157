"""The editor members write in (Wagtail's admin), held to the site's own
accessibility bar: Wagtail's problems worked around through its extension
points (upstream.py lists each, with a reproduction), and bulk actions
offered only to people who may take them (access.py).

May import: core and Wagtail; nothing of the features above it."""
