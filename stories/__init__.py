"""Stories: blogs, video stories and podcasts. May import core and members."""
