"""Development plans: a member's goals and review date, the lead's comments
and reviews, the review reminder. May import core, members and
notifications."""
