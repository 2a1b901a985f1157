"""The home page and its Easy Read companion. May import core."""
