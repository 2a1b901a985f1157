"""The library of resources: documents, videos, links and training courses.
May import core."""
