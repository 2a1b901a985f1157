"""The project: settings for each environment, the URL map, WSGI. Wires
every app together; imported by no app."""
