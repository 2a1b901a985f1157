"""The members' area shell: its base template (intranet/base.html), the
navigation every members' page shares (intranet_tags) and the dashboard each
role lands on at /members/. Top of the features: may import core, members,
notifications and every feature app, and nothing imports it."""
