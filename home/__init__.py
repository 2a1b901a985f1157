"""The home page. May import core and members."""
