"""The members' area shell: the dashboard each role lands on, and the
navigation every members' page shares. Top of the features: may import core,
members, notifications and every feature app, and nothing imports it."""
